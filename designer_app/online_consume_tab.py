"""The Consume tab of an online endpoint: its REST endpoint, its primary and secondary keys (masked, with Copy and
Regenerate; a key is known only right after it was made), and curl, Python and MLflow snippets to copy."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from designer_app.background import BackgroundCall
from designer_app.confirm import confirm
from designer_app.consume_tab import snippet_tabs
from designer_app.copy_field import CopyField
from designer_app.online_snippets import KEY_VARIABLE, SNIPPETS, OnlineTarget
from engine.online import KEY_NAMES, KeyName, OnlineEndpoints

UNKNOWN_KEY = "kept only as a hash: Regenerate to get a new key, shown once"


class OnlineConsumeTab(QWidget):
    """`show_target(target, keys)` fills it for an endpoint (None: nothing selected); Regenerate asks first, then
    emits `key_changed(endpoint, which, key)` with the new key (the old one stops working at once)."""

    key_changed = Signal(str, str, str)

    def __init__(self, endpoints: OnlineEndpoints, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.endpoints = endpoints
        self.target: OnlineTarget | None = None
        self.confirm: QMessageBox | None = None
        self.rest_endpoint = CopyField()
        self.key_fields: dict[KeyName, CopyField] = {}
        self.regenerate_buttons: dict[KeyName, QPushButton] = {}
        form = QFormLayout()
        form.addRow("REST endpoint", self.rest_endpoint)
        for which in KEY_NAMES:
            button = self.regenerate_buttons[which] = QPushButton(
                "Regenerate", clicked=lambda _=False, w=which: self.ask_regenerate(w),
                toolTip=f"Make a new {which} key (the current one stops working at once)")
            self.key_fields[which] = CopyField(secret=True, placeholder=UNKNOWN_KEY, extra=(button,))
            form.addRow(f"{which.title()} key", self.key_fields[which])
        form.addRow("", QLabel(f"The snippets read the key from the {KEY_VARIABLE} environment variable.",
                               objectName="hint"))
        self.snippets, self.editors = snippet_tabs(tuple(SNIPPETS))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.snippets, 1)
        self.show_target(None, {})

    def show_target(self, target: OnlineTarget | None, keys: dict[str, str]) -> None:
        self.target = target
        self.rest_endpoint.set_text(target.scoring_uri if target else "")
        for which, field in self.key_fields.items():
            field.set_text(keys.get(which, ""))
            field.show_button.setChecked(False)
            self.regenerate_buttons[which].setEnabled(target is not None)
        for language, editor in self.editors.items():
            editor.setPlainText(SNIPPETS[language](target) if target and target.inputs is not None else "")

    def ask_regenerate(self, which: KeyName) -> QMessageBox | None:
        """A window-modal question (kept as `confirm`); Yes regenerates."""
        if self.target is None:
            return None
        name = self.target.endpoint
        self.confirm = confirm(self, "Regenerate key", f'Make a new {which} key for "{name}"? Clients using the '
                               f"current {which} key are refused from now on.", lambda: self.regenerate(name, which))
        return self.confirm

    def regenerate(self, name: str, which: KeyName) -> BackgroundCall:
        call = BackgroundCall(lambda: self.endpoints.regenerate(name, which), self)
        call.succeeded.connect(lambda key: self.key_changed.emit(name, which, key))
        call.failed.connect(lambda error: QMessageBox.warning(self, "Regenerate key", str(error)))
        call.start()
        return call
