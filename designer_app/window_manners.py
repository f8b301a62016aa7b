"""How every secondary window behaves: Esc and Ctrl+W close it, it has a Close button, it opens centred over
the main window, and it comes back at the size the user left it."""
from __future__ import annotations

from PySide6 import QtCore, QtGui, QtWidgets

from designer_app.settings import app_settings

CLOSE_KEYS = ("Esc", "Ctrl+W")


class _RememberSize(QtCore.QObject):
    """Saves the window's size under `key` when it is closed or hidden."""

    def __init__(self, window: QtWidgets.QWidget, key: str) -> None:
        super().__init__(window)
        self.key = key

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() in (QtCore.QEvent.Type.Close, QtCore.QEvent.Type.Hide):
            app_settings().setValue(self.key, watched.size())
        return False


def behave(window: QtWidgets.QWidget, name: str, default: tuple[int, int]) -> None:
    """Give a secondary window the app's manners; `name` keys its remembered size."""
    for keys in CLOSE_KEYS:
        QtGui.QShortcut(QtGui.QKeySequence(keys), window, window.close)
    _add_close_button(window)
    key = f"windows/{name}/size"
    size = app_settings().value(key)
    window.resize(size if isinstance(size, QtCore.QSize) and size.isValid() else QtCore.QSize(*default))
    window.installEventFilter(_RememberSize(window, key))
    owner = window.parentWidget().window() if window.parentWidget() else None
    if owner is not None:
        frame = window.frameGeometry()
        frame.moveCenter(owner.frameGeometry().center())
        window.move(frame.topLeft())


def _add_close_button(window: QtWidgets.QWidget) -> None:
    """A Close button at the bottom right, unless the window has one (a "Close" button box) already."""
    boxes = window.findChildren(QtWidgets.QDialogButtonBox)
    if any(b.button(QtWidgets.QDialogButtonBox.StandardButton.Close) for b in boxes):
        return
    layout = window.layout()
    if not isinstance(layout, QtWidgets.QBoxLayout):
        return
    buttons = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(window.close)
    layout.addWidget(buttons)
