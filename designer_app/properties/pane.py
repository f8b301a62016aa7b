"""The properties pane of the selected node, built from its component's parameter schema.

Every edit goes through the canvas adapter (so through the undo stack); the pane re-reads the node when it
changes (edit, undo, redo) and shows or hides conditional parameters with `Component.shown`, which also picks a
tunable parameter's single value or its range ("Range for ...") by Create trainer mode. A Dataset or Asset
parameter offers the names the workspace registers, and the Version beside it lists their versions.
"""
from __future__ import annotations

from typing import Any

from PySide6 import QtCore, QtWidgets

from designer_app.canvas.adapter import CanvasAdapter
from designer_app.properties.column_picker import ColumnPickerDialog
from designer_app.properties.editors import Editor, make_editor
from engine.engine import Engine
from engine.parameters import parameter_for
from nodes.component import Component
from nodes.params import REGISTERED_KINDS, Param, ParamKind
from nodes.table import TableSchema

VERSION = "Version"  # the parameter beside a registered name that picks its version (blank: the latest)


class PropertiesPane(QtWidgets.QScrollArea):
    """Shows the one selected node's parameters, run settings and comment; empty otherwise."""

    def __init__(self, adapter: CanvasAdapter, engine: Engine, parent=None) -> None:
        super().__init__(parent)
        self.adapter, self.engine = adapter, engine
        self.uuid: str | None = None
        self.component: Component | None = None
        self.editors: dict[str, Editor] = {}
        self.registered: dict[str, dict[str, list[int]]] = {}  # Dataset/Asset parameter -> name -> versions
        self._labels: dict[str, QtWidgets.QLabel] = {}
        self.setWidgetResizable(True)
        self.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(QtCore.Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMinimumWidth(320)
        adapter.selection_changed.connect(self._on_selection)
        adapter.node_changed.connect(self._on_node_changed)
        adapter.changed.connect(self._refresh_bindings)
        self.show_node(None)

    # --- building ---

    def show_node(self, uuid: str | None) -> None:
        """Rebuild the pane for a node (None: a hint)."""
        node = self.adapter.node(uuid) if uuid else None
        self.uuid = uuid if node else None
        self.component = node.COMPONENT if node else None
        self.editors, self._labels = {}, {}
        self.registered = {p.name: self._registered(p) for p in self.component.params
                           if p.kind in REGISTERED_KINDS} if self.component else {}
        body = QtWidgets.QWidget(objectName="propertiesBody")
        layout = QtWidgets.QVBoxLayout(body)
        layout.setContentsMargins(12, 12, 12, 12)
        if self.component is None:
            hint = QtWidgets.QLabel("Select a component on the canvas to see its parameters.",
                                    wordWrap=True, objectName="hint")
            layout.addWidget(hint)
            layout.addStretch(1)
            self.setWidget(body)
            return
        title = QtWidgets.QLabel(self.component.name, objectName="paneTitle")
        about = QtWidgets.QLabel(self.component.description, wordWrap=True, objectName="hint")
        layout.addWidget(title)
        layout.addWidget(about)
        if self.component.params:
            layout.addWidget(self._section("Parameters"))
            form = QtWidgets.QFormLayout()
            form.setLabelAlignment(QtCore.Qt.AlignmentFlag.AlignLeft)
            form.setRowWrapPolicy(QtWidgets.QFormLayout.RowWrapPolicy.WrapAllRows)
            for param in self.component.params:
                form.addRow(self._label(param), self._editor(param))
            self._form = form
            layout.addLayout(form)
        layout.addWidget(self._section("Run settings"))
        layout.addLayout(self._run_settings())
        layout.addWidget(self._section("Comment"))
        self.comment = QtWidgets.QPlainTextEdit(objectName="comment", placeholderText="Add a comment")
        self.comment.setMaximumHeight(80)
        self.comment.installEventFilter(self)
        layout.addWidget(self.comment)
        layout.addStretch(1)
        self.setWidget(body)
        self._refresh()

    def _section(self, text: str) -> QtWidgets.QLabel:
        return QtWidgets.QLabel(text.upper(), objectName="sectionTitle")

    def _label(self, param: Param) -> QtWidgets.QLabel:
        label = QtWidgets.QLabel(objectName="paramLabel", wordWrap=True)
        label.setToolTip(param.description)
        label.setContextMenuPolicy(QtCore.Qt.ContextMenuPolicy.CustomContextMenu)
        label.customContextMenuRequested.connect(lambda _pos, p=param: self._parameter_menu(self._shown(p)))
        self._labels[param.name] = label
        return label

    def _editor(self, param: Param) -> QtWidgets.QWidget:
        """A parameter's row: its editor (a tunable one's range editor beside it, one shown at a time) and a menu."""
        row = QtWidgets.QWidget()
        layout = QtWidgets.QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        for form in (param, param.range_param) if param.tunable else (param,):
            editor = make_editor(form, self._pick_columns, list(self.registered.get(form.name, {})))
            editor.setToolTip(form.description)
            editor.edited.connect(lambda value, name=form.name: self.adapter.set_param(self.uuid, name, value))
            editor.row = row
            self.editors[form.name] = editor
            layout.addWidget(editor, 1)
        more = QtWidgets.QToolButton(text="⋯", toolTip="Pipeline parameter", objectName="paramMenu")
        more.clicked.connect(lambda _=False, p=param: self._parameter_menu(self._shown(p)))
        layout.addWidget(more)
        return row

    def _registered(self, param: Param) -> dict[str, list[int]]:
        """The names a Dataset or Asset parameter may take, each with its versions, as the workspace holds them."""
        workspace = self.engine.workspace
        infos = workspace.datasets.list() if param.kind is ParamKind.DATASET else workspace.assets.list(param.asset)
        versions: dict[str, list[int]] = {}
        for info in infos:
            versions.setdefault(info.name, []).append(info.version)
        return versions

    def _run_settings(self) -> QtWidgets.QFormLayout:
        form = QtWidgets.QFormLayout()
        self.compute = QtWidgets.QComboBox(objectName="compute")
        self.compute.setSizeAdjustPolicy(QtWidgets.QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.compute.setMinimumContentsLength(12)  # the long first entry must not widen the pane past the dock
        self.compute.addItem("Use the pipeline's default compute", "")
        for name in sorted(self.engine.computes):
            self.compute.addItem(name, name)
        self.compute.activated.connect(
            lambda i: self.adapter.set_field(self.uuid, "compute", self.compute.itemData(i)))
        self.regenerate = QtWidgets.QCheckBox("Regenerate output", objectName="regenerate")
        self.regenerate.setToolTip("Run this step again even when an identical earlier run can be reused.")
        self.regenerate.toggled.connect(lambda on: self.adapter.set_field(self.uuid, "regenerate", on))
        form.addRow("Compute target", self.compute)
        form.addRow("", self.regenerate)
        return form

    # --- refreshing ---

    def values(self) -> dict[str, Any]:
        """The node's parameter values, defaults filling the gaps."""
        node = self.adapter.node(self.uuid)
        return {**self.component.defaults(), **node.get_property("params")}

    def _refresh(self) -> None:
        node = self.adapter.node(self.uuid)
        values = self.values()
        for param in self.component.params:
            shown = self.component.shown(param, values)
            for key in (param.name, param.range_key) if param.tunable else (param.name,):
                editor = self.editors[key]
                editor.set_value(values.get(key))
                editor.setVisible(shown is not None and shown.name == key)
            self.editors[param.name].row.setVisible(shown is not None)
            self._labels[param.name].setVisible(shown is not None)
        with QtCore.QSignalBlocker(self.compute):
            index = self.compute.findData(node.get_property("compute") or "")
            self.compute.setCurrentIndex(max(0, index))
        with QtCore.QSignalBlocker(self.regenerate):
            self.regenerate.setChecked(bool(node.get_property("regenerate")))
        if self.comment.toPlainText() != node.get_property("comment"):
            self.comment.setPlainText(node.get_property("comment"))
        self._hint_versions(values)
        self._refresh_bindings()

    def _hint_versions(self, values: dict[str, Any]) -> None:
        """The Version editor's tooltip lists the versions registered under the chosen name."""
        version = self.editors.get(VERSION)
        if version is None:
            return
        for name, versions in self.registered.items():
            chosen = str(values.get(name) or "")
            found = versions.get(chosen, [])
            listed = f'Registered versions of "{chosen}": {", ".join(map(str, found))}. ' if found else ""
            version.setToolTip(listed + version.param.description)

    def _refresh_bindings(self) -> None:
        if self.component is None or self.adapter.node(self.uuid) is None:
            return
        bound = self._bound_parameters()
        for param in self.component.params:
            shown = self._shown(param)
            name = bound.get(shown.name)
            text = shown.name + (" *" if shown.required else "")
            if name:
                text += f"  ⟶ {name}"
            self._labels[param.name].setText(text)

    def _shown(self, param: Param) -> Param:
        """The parameter or, in ParameterRange mode, its range: what the row of `param` edits."""
        return self.component.shown(param, self.values()) or param

    def _bound_parameters(self) -> dict[str, str]:
        """This node's parameters bound to a pipeline parameter: {node parameter: pipeline parameter}."""
        return {b.param: p.name for p in self.adapter.settings.parameters for b in p.bindings if b.node == self.uuid}

    def eventFilter(self, watched, event) -> bool:
        if watched is getattr(self, "comment", None) and event.type() == QtCore.QEvent.Type.FocusOut:
            self.adapter.set_field(self.uuid, "comment", self.comment.toPlainText())
        return super().eventFilter(watched, event)

    def _on_selection(self, uuids: list[str]) -> None:
        uuid = uuids[0] if len(uuids) == 1 else None
        if uuid != self.uuid or (uuid and self.adapter.node(uuid) is None):
            self.show_node(uuid)

    def _on_node_changed(self, uuid: str) -> None:
        if uuid == self.uuid and self.adapter.node(uuid) is not None:
            self._refresh()

    # --- column picker and pipeline parameters ---

    def upstream_schema(self, param: Param) -> TableSchema | None:
        """The real columns arriving at the input port the column picker `param` picks from (schema propagation
        through the engine); None while unknown."""
        pipeline = self.adapter.to_pipeline()
        schemas = self.engine.analyze(pipeline).input_schemas(pipeline, self.uuid)
        schema = schemas.get(self.component.columns_port(param))
        return schema if isinstance(schema, TableSchema) else None

    def _pick_columns(self, param: Param, value: dict) -> dict | None:
        dialog = ColumnPickerDialog(param.name, self.upstream_schema(param), value, param.single_column, self)
        return dialog.value() if dialog.exec() == QtWidgets.QDialog.DialogCode.Accepted else None

    def _parameter_menu(self, param: Param) -> None:
        menu = QtWidgets.QMenu(self)
        bound = self._bound_parameters().get(param.name)
        if bound:
            menu.addAction(f'Remove from pipeline parameter "{bound}"', lambda: self.unbind(param.name))
        else:
            menu.addAction("Set as pipeline parameter", lambda: self.set_as_pipeline_parameter(param.name))
        menu.exec(self.cursor().pos())

    def set_as_pipeline_parameter(self, name: str) -> str:
        """Create a pipeline parameter of this node parameter's kind holding its current value, bound to it."""
        settings = self.adapter.settings
        taken = {p.name for p in settings.parameters}
        base = name.lower().replace(" ", "-")
        pipeline_name = next(f"{base}{'' if i == 0 else f'-{i}'}" for i in range(len(taken) + 1)
                             if f"{base}{'' if i == 0 else f'-{i}'}" not in taken)
        created = parameter_for(pipeline_name, self.uuid, self.component.param(name), self.values().get(name))
        self.adapter.set_settings("Set as pipeline parameter", parameters=[*settings.parameters, created])
        return pipeline_name

    def unbind(self, name: str) -> None:
        kept = []
        for parameter in self.adapter.settings.parameters:
            bindings = [b for b in parameter.bindings if not (b.node == self.uuid and b.param == name)]
            if bindings:
                kept.append(parameter.model_copy(update={"bindings": bindings}))
        self.adapter.set_settings("Remove pipeline parameter", parameters=kept)
