"""One editor widget per parameter kind; each shows a JSON-able value and emits `edited(value)` when committed."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6 import QtCore, QtGui, QtWidgets

from nodes.columns import ColumnSelection
from nodes.params import REGISTERED_KINDS, Param, ParamKind

INT_LIMIT = 2**31 - 1


class Editor(QtWidgets.QWidget):
    """Base of the editors: `set_value` never emits; user commits emit `edited`."""

    edited = QtCore.Signal(object)

    def __init__(self, param: Param, parent=None) -> None:
        super().__init__(parent)
        self.param = param
        self._layout = QtWidgets.QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def set_value(self, value: Any) -> None:
        raise NotImplementedError


class IntEditor(Editor):
    """A spin box within the parameter's range; an optional parameter's lowest step reads "Not set"."""

    def __init__(self, param: Param, parent=None) -> None:
        super().__init__(param, parent)
        self.spin = QtWidgets.QSpinBox()
        low = int(param.min) if param.min is not None else -INT_LIMIT
        high = min(int(param.max), INT_LIMIT) if param.max is not None else INT_LIMIT
        self._unset = low - 1 if not param.required else None
        self.spin.setRange(self._unset if self._unset is not None else low, high)
        if self._unset is not None:
            self.spin.setSpecialValueText("Not set")
        self.spin.setKeyboardTracking(False)
        self.spin.valueChanged.connect(lambda v: self.edited.emit(None if v == self._unset else v))
        self._layout.addWidget(self.spin)

    def set_value(self, value: Any) -> None:
        with QtCore.QSignalBlocker(self.spin):
            self.spin.setValue(self.spin.minimum() if value is None else int(value))


class _FloatSpin(QtWidgets.QDoubleSpinBox):
    """Shows floats compactly (1e-07, 0.7) instead of a fixed number of decimals."""

    def textFromValue(self, value: float) -> str:
        return f"{value:.10g}"

    def valueFromText(self, text: str) -> float:
        return float(text)

    def validate(self, text: str, pos: int):
        try:
            float(text)
        except ValueError:
            return QtGui.QValidator.State.Intermediate, text, pos
        return QtGui.QValidator.State.Acceptable, text, pos


class FloatEditor(Editor):
    def __init__(self, param: Param, parent=None) -> None:
        super().__init__(param, parent)
        self.spin = _FloatSpin()
        self.spin.setDecimals(12)
        self.spin.setRange(param.min if param.min is not None else -1e300, param.max if param.max is not None else 1e300)
        self.spin.setStepType(QtWidgets.QAbstractSpinBox.StepType.AdaptiveDecimalStepType)
        self.spin.setKeyboardTracking(False)
        self.spin.valueChanged.connect(self.edited.emit)
        self._layout.addWidget(self.spin)

    def set_value(self, value: Any) -> None:
        with QtCore.QSignalBlocker(self.spin):
            self.spin.setValue(float(value) if value is not None else max(0.0, self.spin.minimum()))


class TextEditor(Editor):
    """String and ParameterRange ("0.01; 0.1; 1"): a line edit committed on Enter or leaving it."""

    def __init__(self, param: Param, parent=None) -> None:
        super().__init__(param, parent)
        self.line = QtWidgets.QLineEdit()
        if param.kind is ParamKind.PARAMETER_RANGE:
            self.line.setPlaceholderText("values separated by ;")
        self.line.editingFinished.connect(lambda: self.edited.emit(self.line.text()))
        self._layout.addWidget(self.line)

    def set_value(self, value: Any) -> None:
        text = "; ".join(map(str, value)) if isinstance(value, list) else ("" if value is None else str(value))
        if text != self.line.text():
            self.line.setText(text)


class RegisteredEditor(Editor):
    """The name of a registered data set, model or transformation: an editable combo box of the workspace's names,
    committed on choosing one, on Enter or on leaving it."""

    def __init__(self, param: Param, names: Sequence[str], parent=None) -> None:
        super().__init__(param, parent)
        self.combo = QtWidgets.QComboBox(editable=True)
        self.combo.setInsertPolicy(QtWidgets.QComboBox.InsertPolicy.NoInsert)
        self.combo.addItems(list(names))
        self.combo.activated.connect(lambda i: self.edited.emit(self.combo.itemText(i)))
        self.combo.lineEdit().editingFinished.connect(lambda: self.edited.emit(self.combo.currentText()))
        self._layout.addWidget(self.combo)

    def set_value(self, value: Any) -> None:
        with QtCore.QSignalBlocker(self.combo):
            self.combo.setCurrentText("" if value is None else str(value))


class BoolEditor(Editor):
    def __init__(self, param: Param, parent=None) -> None:
        super().__init__(param, parent)
        self.box = QtWidgets.QCheckBox()
        self.box.toggled.connect(self.edited.emit)
        self._layout.addWidget(self.box)

    def set_value(self, value: Any) -> None:
        with QtCore.QSignalBlocker(self.box):
            self.box.setChecked(str(value).strip().lower() in ("true", "1", "yes", "on"))


class ModeEditor(Editor):
    def __init__(self, param: Param, parent=None) -> None:
        super().__init__(param, parent)
        self.combo = QtWidgets.QComboBox()
        self.combo.addItems(list(param.options))
        self.combo.activated.connect(lambda i: self.edited.emit(self.combo.itemText(i)))
        self._layout.addWidget(self.combo)

    def set_value(self, value: Any) -> None:
        with QtCore.QSignalBlocker(self.combo):
            self.combo.setCurrentText(str(value))


class _CommitOnLeave(QtWidgets.QPlainTextEdit):
    committed = QtCore.Signal(str)

    def focusOutEvent(self, event: QtGui.QFocusEvent) -> None:
        self.committed.emit(self.toPlainText())
        super().focusOutEvent(event)


class ScriptEditor(Editor):
    """A multi-line monospace editor, committed when it loses focus."""

    def __init__(self, param: Param, parent=None) -> None:
        super().__init__(param, parent)
        self.text = _CommitOnLeave()
        self.text.setFont(QtGui.QFontDatabase.systemFont(QtGui.QFontDatabase.SystemFont.FixedFont))
        self.text.setMinimumHeight(110)
        self.text.committed.connect(self.edited.emit)
        self._layout.addWidget(self.text)

    def set_value(self, value: Any) -> None:
        if (value or "") != self.text.toPlainText():
            self.text.setPlainText(value or "")


class ColumnEditor(Editor):
    """A button reading the selection (`ColumnSelection.describe()`); clicking it opens the column picker."""

    def __init__(self, param: Param, pick: Callable[[Param, dict], dict | None], parent=None) -> None:
        super().__init__(param, parent)
        self._pick, self._value = pick, ColumnSelection.none().to_dict()
        self.button = QtWidgets.QPushButton()
        self.button.setObjectName("columnPickerButton")
        self.button.clicked.connect(self._open)
        self._layout.addWidget(self.button)

    def set_value(self, value: Any) -> None:
        try:
            selection = ColumnSelection.parse(value) if value not in (None, "") else ColumnSelection.none()
        except ValueError:
            selection = ColumnSelection.none()
        self._value = selection.to_dict()
        text = selection.describe()
        self.button.setText(f"{text}  ✎" if not selection.is_empty else "Edit columns…")
        self.button.setToolTip(text)

    def _open(self) -> None:
        chosen = self._pick(self.param, self._value)
        if chosen is not None:
            self.set_value(chosen)
            self.edited.emit(chosen)


def make_editor(param: Param, pick_columns: Callable[[Param, dict], dict | None],
                registered: Sequence[str] = ()) -> Editor:
    """The editor of a parameter's kind; a Dataset or Asset parameter offers the `registered` names."""
    kind = param.kind
    if kind in REGISTERED_KINDS:
        return RegisteredEditor(param, registered)
    if kind is ParamKind.COLUMN_PICKER:
        return ColumnEditor(param, pick_columns)
    if kind is ParamKind.SCRIPT:
        return ScriptEditor(param)
    return {ParamKind.INT: IntEditor, ParamKind.FLOAT: FloatEditor, ParamKind.BOOLEAN: BoolEditor,
            ParamKind.MODE: ModeEditor, ParamKind.STRING: TextEditor, ParamKind.PARAMETER_RANGE: TextEditor}[kind](param)
