"""The app's QSettings (an INI file per user; tests point QSettings.setPath at a temporary folder)."""
from __future__ import annotations

from PySide6.QtCore import QSettings

ORGANIZATION, APPLICATION = "Designer", "designer"


def app_settings() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION)
