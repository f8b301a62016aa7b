"""The column picker dialog: pick upstream columns by name, or build include/exclude rules; returns rules JSON."""
from __future__ import annotations

from PySide6 import QtCore, QtWidgets

from nodes.columns import COLUMN_KINDS, COLUMN_TYPES, ColumnSelection
from nodes.errors import ComponentError
from nodes.table import TableSchema

BY_NAME, WITH_RULES = 0, 1
RULE_KINDS = {"Column names": "ColumnNames", "Column indices": "ColumnIndexes", "Column types": "ColumnTypes",
              "Column kinds": "ColumnKinds"}


class _RuleRow(QtWidgets.QWidget):
    """One rule: Include/Exclude, what it matches, and the names, indices, type or kind."""

    changed = QtCore.Signal()
    removed = QtCore.Signal(object)

    def __init__(self, rule: dict | None = None, parent=None) -> None:
        super().__init__(parent)
        self.sign = QtWidgets.QComboBox()
        self.sign.addItems(["Include", "Exclude"])
        self.kind = QtWidgets.QComboBox()
        self.kind.addItems(list(RULE_KINDS))
        self.text = QtWidgets.QLineEdit(placeholderText="names, comma separated")
        self.choice = QtWidgets.QComboBox()
        remove = QtWidgets.QToolButton(text="✕", toolTip="Remove this rule")
        layout = QtWidgets.QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.sign, self.kind, self.text, self.choice, remove):
            layout.addWidget(widget)
        layout.setStretch(2, 1)
        layout.setStretch(3, 1)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        for signal in (self.sign.currentIndexChanged, self.text.textChanged, self.choice.currentIndexChanged):
            signal.connect(self.changed)
        remove.clicked.connect(lambda: self.removed.emit(self))
        self._load(rule or {"ruleType": "ColumnNames", "exclude": False, "columns": []})

    def _load(self, rule: dict) -> None:
        self.sign.setCurrentIndex(1 if rule.get("exclude") else 0)
        kinds = rule.get("columnKinds", ["All"])
        if rule["ruleType"] == "ColumnTypes" and rule.get("columnTypes", ["All"]) == ["All"] and kinds != ["All"]:
            self.kind.setCurrentText("Column kinds")
            self.choice.setCurrentText(kinds[0])
        elif rule["ruleType"] == "ColumnTypes":
            self.kind.setCurrentText("Column types")
            self.choice.setCurrentText(rule.get("columnTypes", ["All"])[0])
        else:
            self.kind.setCurrentText("Column indices" if rule["ruleType"] == "ColumnIndexes" else "Column names")
            self.text.setText(", ".join(map(str, rule.get("columns", []))))
        self._kind_changed()

    def _kind_changed(self) -> None:
        kind = RULE_KINDS[self.kind.currentText()]
        is_text = kind in ("ColumnNames", "ColumnIndexes")
        self.text.setVisible(is_text)
        self.choice.setVisible(not is_text)
        self.text.setPlaceholderText("1, 3-5" if kind == "ColumnIndexes" else "names, comma separated")
        if not is_text:
            current = self.choice.currentText()
            with QtCore.QSignalBlocker(self.choice):
                self.choice.clear()
                self.choice.addItems([k for k in (COLUMN_KINDS if kind == "ColumnKinds" else COLUMN_TYPES)
                                      if k != "All"])
                if current:
                    self.choice.setCurrentText(current)
        self.changed.emit()

    def rule(self) -> dict:
        kind = RULE_KINDS[self.kind.currentText()]
        exclude = self.sign.currentIndex() == 1
        if kind == "ColumnKinds":
            return {"ruleType": "ColumnTypes", "exclude": exclude, "columnTypes": ["All"],
                    "columnKinds": [self.choice.currentText()]}
        if kind == "ColumnTypes":
            return {"ruleType": "ColumnTypes", "exclude": exclude, "columnTypes": [self.choice.currentText()],
                    "columnKinds": ["All"]}
        parts = [p.strip() for p in self.text.text().split(",") if p.strip()]
        return {"ruleType": kind, "exclude": exclude, "columns": parts}


class ColumnPickerDialog(QtWidgets.QDialog):
    """Choose columns of the upstream schema (None when unknown: names can still be typed as rules)."""

    def __init__(self, title: str, schema: TableSchema | None, value: dict, single: bool = False,
                 parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Select columns — {title}")
        self.resize(560, 520)
        self.schema, self.single = schema, single
        selection = ColumnSelection.parse(value) if value else ColumnSelection.none()
        self.tabs = QtWidgets.QTabWidget()
        self.tabs.addTab(self._by_name_page(), "By name")
        self.tabs.addTab(self._rules_page(), "With rules")
        self.summary = QtWidgets.QLabel(wordWrap=True, objectName="hint")
        buttons = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Ok
                                             | QtWidgets.QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QtWidgets.QVBoxLayout(self)
        if schema is None:
            layout.addWidget(QtWidgets.QLabel("The upstream columns are not known yet: connect the input "
                                              "(and fix the problems upstream), or type names as rules.",
                                              wordWrap=True, objectName="hint"))
        layout.addWidget(self.tabs)
        layout.addWidget(self.summary)
        layout.addWidget(buttons)
        self._load(selection)
        self.tabs.currentChanged.connect(self._update_summary)

    # --- pages ---

    def _by_name_page(self) -> QtWidgets.QWidget:
        page = QtWidgets.QWidget()
        self.search = QtWidgets.QLineEdit(placeholderText="Search columns")
        self.search.setClearButtonEnabled(True)
        self.names = QtWidgets.QListWidget()
        for column in self.schema.columns if self.schema else ():
            role = "" if column.role.value == "Feature" else f", {column.role.value}"
            item = QtWidgets.QListWidgetItem(f"{column.name}    ({column.type.value}{role})")
            item.setData(QtCore.Qt.ItemDataRole.UserRole, column.name)
            item.setFlags(item.flags() | QtCore.Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(QtCore.Qt.CheckState.Unchecked)
            self.names.addItem(item)
        all_button = QtWidgets.QPushButton("Select all")
        none_button = QtWidgets.QPushButton("Clear")
        all_button.setEnabled(not self.single)
        all_button.clicked.connect(lambda: self._check_visible(True))
        none_button.clicked.connect(lambda: self._check_visible(False))
        row = QtWidgets.QHBoxLayout()
        row.addWidget(self.search)
        row.addWidget(all_button)
        row.addWidget(none_button)
        layout = QtWidgets.QVBoxLayout(page)
        layout.addLayout(row)
        layout.addWidget(self.names)
        self.search.textChanged.connect(self._filter_names)
        self.names.itemChanged.connect(self._name_checked)
        return page

    def _rules_page(self) -> QtWidgets.QWidget:
        page = QtWidgets.QWidget()
        self.begin = QtWidgets.QComboBox()
        self.begin.addItems(["No columns", "All columns"])
        self.rules_box = QtWidgets.QVBoxLayout()
        self.rules_box.addStretch(1)
        add = QtWidgets.QPushButton("Add rule")
        add.clicked.connect(lambda: self._add_rule())
        form = QtWidgets.QFormLayout()
        form.addRow("Begin with", self.begin)
        layout = QtWidgets.QVBoxLayout(page)
        layout.addLayout(form)
        layout.addLayout(self.rules_box, 1)
        layout.addWidget(add, 0, QtCore.Qt.AlignmentFlag.AlignLeft)
        self.begin.currentIndexChanged.connect(self._update_summary)
        return page

    # --- state ---

    def _load(self, selection: ColumnSelection) -> None:
        rules = list(selection.rules)
        simple = not rules or (len(rules) == 1 and rules[0]["ruleType"] == "ColumnNames"
                               and not rules[0].get("exclude"))
        chosen = set(rules[0].get("columns", [])) if simple and rules else set()
        with QtCore.QSignalBlocker(self.names):
            for i in range(self.names.count()):
                item = self.names.item(i)
                checked = item.data(QtCore.Qt.ItemDataRole.UserRole) in chosen
                item.setCheckState(QtCore.Qt.CheckState.Checked if checked else QtCore.Qt.CheckState.Unchecked)
        if rules and rules[0]["ruleType"] == "AllColumns":
            self.begin.setCurrentIndex(1)
            rules = rules[1:]
        for rule in rules:
            self._add_rule(rule)
        self.tabs.setCurrentIndex(BY_NAME if simple and (self.schema or not rules) else WITH_RULES)
        self._update_summary()

    def _add_rule(self, rule: dict | None = None) -> None:
        row = _RuleRow(rule)
        row.changed.connect(self._update_summary)
        row.removed.connect(self._remove_rule)
        self.rules_box.insertWidget(self.rules_box.count() - 1, row)
        self._update_summary()

    def _remove_rule(self, row: _RuleRow) -> None:
        row.setParent(None)
        row.deleteLater()
        QtCore.QTimer.singleShot(0, self._update_summary)

    def _rule_rows(self) -> list[_RuleRow]:
        rows = (self.rules_box.itemAt(i).widget() for i in range(self.rules_box.count()))
        return [r for r in rows if isinstance(r, _RuleRow) and r.parent() is not None]

    def checked_names(self) -> list[str]:
        return [self.names.item(i).data(QtCore.Qt.ItemDataRole.UserRole) for i in range(self.names.count())
                if self.names.item(i).checkState() == QtCore.Qt.CheckState.Checked]

    def selection(self) -> ColumnSelection:
        if self.tabs.currentIndex() == BY_NAME:
            names = self.checked_names()
            return ColumnSelection.names(*names) if names else ColumnSelection.none()
        start = ColumnSelection.all().rules if self.begin.currentIndex() == 1 else ()
        return ColumnSelection(start + tuple(r.rule() for r in self._rule_rows()))

    def value(self) -> dict:
        """The rules JSON the node parameter stores."""
        return self.selection().to_dict()

    # --- reactions ---

    def _filter_names(self, text: str) -> None:
        for i in range(self.names.count()):
            item = self.names.item(i)
            item.setHidden(text.lower() not in item.text().lower())

    def _check_visible(self, checked: bool) -> None:
        state = QtCore.Qt.CheckState.Checked if checked else QtCore.Qt.CheckState.Unchecked
        with QtCore.QSignalBlocker(self.names):
            for i in range(self.names.count()):
                if not self.names.item(i).isHidden():
                    self.names.item(i).setCheckState(state)
        self._update_summary()

    def _name_checked(self, item: QtWidgets.QListWidgetItem) -> None:
        if self.single and item.checkState() == QtCore.Qt.CheckState.Checked:
            with QtCore.QSignalBlocker(self.names):
                for i in range(self.names.count()):
                    if self.names.item(i) is not item:
                        self.names.item(i).setCheckState(QtCore.Qt.CheckState.Unchecked)
        self._update_summary()

    def _update_summary(self) -> None:
        try:
            selection = self.selection()
            if self.schema is None:
                self.summary.setText(selection.describe())
                return
            names = selection.resolve(self.schema)
            shown = ", ".join(names[:12]) + (f" and {len(names) - 12} more" if len(names) > 12 else "")
            self.summary.setText(f"{len(names)} of {len(self.schema.columns)} columns selected"
                                 + (f": {shown}" if names else ""))
        except (ComponentError, ValueError) as error:
            self.summary.setText(f"⚠ {getattr(error, 'message', error)}")
