"""Both themes style every control they name with images that exist (spin-box and combo arrows, check marks)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from designer_app.theme import THEMES, style_sheet


@pytest.mark.parametrize("theme", THEMES)
def test_every_image_of_the_theme_exists_and_spin_boxes_have_arrows(theme):
    sheet = style_sheet(theme)
    images = re.findall(r"url\(([^)]+)\)", sheet)
    assert images and all(Path(image).is_file() for image in images)
    for control in ("QSpinBox::up-arrow", "QSpinBox::down-arrow", "QComboBox::down-arrow"):
        assert control in sheet
