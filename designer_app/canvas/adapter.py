"""The one bridge between the NodeGraphQt graph and the engine's `Pipeline`, keyed by each node's `uuid`.

While a draft is edited the graph holds it (so NodeGraphQt's undo stack covers every edit); `to_pipeline()`
reads it back as the engine's document. Validation markers, run status and comments are badges on the
node views: never on the undo stack, never saved.
"""
from __future__ import annotations

import copy
import json
from typing import Any

from NodeGraphQt import BackdropNode, NodeGraph
from NodeGraphQt.constants import LayoutDirectionEnum, ViewerEnum
from PySide6 import QtCore
from PySide6.QtGui import QColor

from designer_app.canvas.badges import CommentText, StatusBadge, ValidationBadge, WarningBadge
from designer_app.canvas.commands import SetPipelineSettingsCmd
from designer_app.canvas.node_title import node_title
from designer_app.canvas.node_types import ComponentNode, node_classes, node_type
from designer_app.canvas.viewer import PALETTE_MIME, TypedViewer
from designer_app.theme import CANVAS, DEFAULT_THEME
from engine.graph import topological_order
from engine.pipeline import Backdrop, Edge, Node, Pipeline, PipelineFormatError, new_id
from engine.validation import Analysis
from engine.versions import upgrade_pipeline
from nodes.ports import PortType
from nodes.registry import Registry, default_registry

RANK_GAP, COLUMN_GAP = 120.0, 260.0


class DesignerGraph(NodeGraph):
    """NodeGraph whose node names need not be unique (we key nodes by uuid): no quadratic renaming."""

    def get_unique_name(self, name: str) -> str:
        return " ".join(name.split())


class CanvasAdapter(QtCore.QObject):
    """Owns the NodeGraph; loads a Pipeline into it and reads it back; draws badges on nodes."""

    changed = QtCore.Signal()
    """The document changed (any edit, undo or redo)."""
    selection_changed = QtCore.Signal(list)
    """The uuids of the selected component nodes."""
    node_changed = QtCore.Signal(str)
    """A node's properties or input wires changed (edit, undo or redo): its uuid."""
    menu_requested = QtCore.Signal(object, QtCore.QPoint)
    """Context menu asked for over a node (its uuid) or the empty canvas (None), at a global position."""

    def __init__(self, registry: Registry | None = None, theme: str = DEFAULT_THEME, parent=None) -> None:
        super().__init__(parent)
        self.registry = registry or default_registry()
        self._classes = node_classes(self.registry)
        self._by_type = {node_type(cid): cls.COMPONENT for cid, cls in self._classes.items()}
        self.viewer = TypedViewer(self._port_type)
        self.graph = DesignerGraph(self, viewer=self.viewer, layout_direction=LayoutDirectionEnum.VERTICAL.value)
        self.graph.register_nodes(list(self._classes.values()))
        self._settings = Pipeline()
        self._theme = theme
        self._badges: dict[str, tuple[ValidationBadge, StatusBadge, CommentText]] = {}
        self._loading = False
        self.set_theme(theme)
        stack = self.graph.undo_stack()
        stack.indexChanged.connect(self._emit_changed)
        self.graph.node_selection_changed.connect(self._emit_selection)
        self.graph.node_selected.connect(self._emit_selection)
        self.graph.property_changed.connect(self._on_property_changed)
        self.graph.port_connected.connect(self._on_wire_changed)
        self.graph.port_disconnected.connect(self._on_wire_changed)
        self.graph.data_dropped.connect(self._on_dropped)
        self.viewer.menu_requested.connect(self._on_menu_requested)

    # --- the widget and its state -------------------------------------------------------------------

    @property
    def widget(self):
        return self.graph.widget

    @property
    def undo_stack(self):
        return self.graph.undo_stack()

    def set_theme(self, theme: str) -> None:
        """Recolour the canvas and every node (view colours only: nothing saved, nothing undone)."""
        self._theme = theme
        colors = CANVAS[theme]
        self.graph.set_background_color(*colors.background)
        self.graph.set_grid_color(*colors.grid)
        self.graph.set_grid_mode(ViewerEnum.GRID_DISPLAY_DOTS.value if colors.dotted
                                 else ViewerEnum.GRID_DISPLAY_LINES.value)
        for node in self._component_nodes():
            self._paint(node)
            self._badges_of(node)[2].setBrush(self._comment_brush())
        self.viewer.force_update()

    # --- Pipeline <-> graph -------------------------------------------------------------------------

    def check_loadable(self, pipeline: Pipeline) -> None:
        """Raise PipelineFormatError (the canvas untouched) if a node's component is not in the catalogue."""
        unknown = sorted({n.component for n in pipeline.nodes if n.component not in self.registry})
        if unknown:
            raise PipelineFormatError(f'"{pipeline.name}" uses components that are not in the catalogue: '
                                      f'{", ".join(unknown)}. Install them, or remove those nodes from the JSON.')

    def load(self, pipeline: Pipeline) -> None:
        """Show `pipeline` (replacing the canvas); the undo history starts afresh. A node of an older component
        version is upgraded (current version, migrated values); one of an unknown version is kept as it is."""
        self.check_loadable(pipeline)
        pipeline = upgrade_pipeline(pipeline, self.registry)
        self._loading = True
        try:
            self.graph.clear_session()
            self._badges.clear()
            self._settings = pipeline.model_copy(update={"nodes": [], "edges": [], "backdrops": []}, deep=True)
            for backdrop in pipeline.backdrops:
                self._add_backdrop(backdrop)
            created = {n.id: self._add(n) for n in pipeline.nodes}
            for edge in pipeline.edges:
                source, target = created.get(edge.source), created.get(edge.target)
                out_port = source.outputs().get(edge.source_port) if source else None
                in_port = target.inputs().get(edge.target_port) if target else None
                if out_port and in_port:
                    in_port.connect_to(out_port, push_undo=False, emit_signal=False)
            self.graph.clear_undo_stack()
        finally:
            self._loading = False
        self.changed.emit()

    def to_pipeline(self) -> Pipeline:
        """The canvas as the engine's pipeline document."""
        nodes, edges = [], []
        components = self._component_nodes()
        uuid_of = {node.id: node.model.custom_properties["uuid"] for node in components}
        for node in components:
            x, y = node.pos()
            own = node.model.custom_properties  # read directly: get_property copies every property per call
            nodes.append(Node(id=own["uuid"], component=node.COMPONENT.id, version=own["version"],
                              params=copy.deepcopy(own["params"]), position=(float(x), float(y)),
                              comment=own["comment"], compute=own["compute"] or None,
                              regenerate=bool(own["regenerate"])))
            for in_port in node.input_ports():  # the port models' links: connected_ports() rebuilds every port
                for source, names in in_port.model.connected_ports.items():
                    edges.extend(Edge(source=uuid_of[source], source_port=name, target=own["uuid"],
                                      target_port=in_port.model.name) for name in names)
        backdrops = [Backdrop(id=b.get_property("uuid"), text=b.text(), position=tuple(map(float, b.pos())),
                              size=tuple(map(float, b.size())))
                     for b in self.graph.all_nodes() if isinstance(b, BackdropNode)]
        return self._settings.model_copy(update={"nodes": nodes, "edges": edges, "backdrops": backdrops}, deep=True)

    @property
    def settings(self) -> Pipeline:
        """The pipeline-level settings (name, kind, default compute, pipeline parameters), without nodes."""
        return self._settings.model_copy(deep=True)

    def set_settings(self, text: str, **changes: Any) -> None:
        """Change pipeline-level settings through the undo stack."""
        before = self.settings
        after = before.model_copy(update=changes, deep=True)
        self.undo_stack.push(SetPipelineSettingsCmd(text, before, after, self._apply_settings))

    def _apply_settings(self, settings: Pipeline) -> None:
        self._settings = settings.model_copy(deep=True)

    # --- editing ------------------------------------------------------------------------------------

    def add_component(self, component_id: str, params: dict | None = None,
                      position: tuple[float, float] | None = None) -> str:
        """Add a component node (undoable) and select it; returns its uuid."""
        node = Node(component=component_id, params=params or {},
                    version=self.registry[component_id].version,
                    position=position or tuple(self.viewer.scene_center()))
        label = f'Add "{self.registry[component_id].name}"'
        self.undo_stack.beginMacro(label)
        created = self._add(node, push_undo=True)
        self.undo_stack.endMacro()
        self._select_only([created])
        return node.id

    def set_param(self, uuid: str, name: str, value: Any) -> None:
        """Set one parameter value (JSON-able) of a node, undoably."""
        node = self.node(uuid)
        params = copy.deepcopy(node.get_property("params"))
        if params.get(name, _MISSING) == value:
            return
        params[name] = copy.deepcopy(value)
        self.undo_stack.beginMacro(f'Edit "{name}" of {node.name()}')
        node.set_property("params", params)
        self.undo_stack.endMacro()

    def set_field(self, uuid: str, field: str, value: Any) -> None:
        """Set `comment`, `compute` ("" = pipeline default) or `regenerate` of a node, undoably."""
        node = self.node(uuid)
        if node.get_property(field) == value:
            return
        self.undo_stack.beginMacro(f"Edit {field} of {node.name()}")
        node.set_property(field, value)
        self.undo_stack.endMacro()

    def copy(self) -> bool:
        return bool(self.graph.copy_nodes(self._selected_components()))

    def paste(self) -> list[str]:
        """Paste the clipboard's nodes; each gets a new uuid."""
        self.undo_stack.beginMacro("Paste")
        pasted = self.graph.paste_nodes() or []
        uuids = self._renew_uuids(pasted)
        self.undo_stack.endMacro()
        self._emit_selection()
        return uuids

    def duplicate(self) -> list[str]:
        nodes = self._selected_components()
        if not nodes:
            return []
        self.undo_stack.beginMacro("Duplicate")
        uuids = self._renew_uuids(self.graph.duplicate_nodes(nodes) or [])
        self.undo_stack.endMacro()
        self._emit_selection()
        return uuids

    def delete_selected(self) -> None:
        nodes = self.graph.selected_nodes()
        if nodes:
            self.graph.delete_nodes(nodes)
            self._emit_selection()

    def select_all(self) -> None:
        self._select_only(self.graph.all_nodes())

    def select(self, uuid: str | None) -> None:
        """Select one node (or none) and bring it into view."""
        node = self.node(uuid) if uuid else None
        self._select_only([node] if node else [])
        if node is not None:
            self.viewer.ensureVisible(node.view)

    def _select_only(self, nodes: list) -> None:
        """Select exactly `nodes` (a view state: not on the undo stack)."""
        chosen = {id(n) for n in nodes}
        for node in self.graph.all_nodes():
            node.model.selected = id(node) in chosen
            node.view.selected = id(node) in chosen
        self._emit_selection()

    def add_backdrop(self) -> None:
        """A titled backdrop around the selected nodes (saved with the draft; no effect on a run)."""
        selected = self._selected_components()
        self.undo_stack.beginMacro("Add backdrop")
        backdrop = self.graph.create_node(BackdropNode.type_, name="Group")
        backdrop.create_property("uuid", new_id())
        if selected:
            backdrop.wrap_nodes(selected)
        self.undo_stack.endMacro()

    def _add_backdrop(self, backdrop: Backdrop) -> None:
        node = self.graph.create_node(BackdropNode.type_, name="Group", pos=list(backdrop.position),
                                      push_undo=False)
        node.create_property("uuid", backdrop.id)
        node.set_text(backdrop.text)
        node.set_size(*backdrop.size)

    def auto_layout(self) -> None:
        """Arrange nodes top to bottom by their longest path from a source (one undo step)."""
        pipeline = self.to_pipeline()
        if not pipeline.nodes:
            return
        try:
            order = topological_order(pipeline)
        except ValueError:
            return  # a cycle: validation reports it; nothing sensible to lay out
        rank: dict[str, int] = {}
        parents = {n.id: [e.source for e in pipeline.incoming(n.id)] for n in pipeline.nodes}
        for node_id in order:
            rank[node_id] = max((rank[p] + 1 for p in parents[node_id] if p in rank), default=0)
        rows: dict[int, list[str]] = {}
        for node_id in order:
            rows.setdefault(rank[node_id], []).append(node_id)
        self.undo_stack.beginMacro("Auto layout")
        for level, ids in rows.items():
            left = -COLUMN_GAP * (len(ids) - 1) / 2
            for index, node_id in enumerate(ids):
                self.node(node_id).set_pos(left + index * COLUMN_GAP, level * RANK_GAP)
        self.undo_stack.endMacro()
        self.fit()

    def fit(self) -> None:
        """Show every node (with a margin), at most at 100 % zoom."""
        nodes = self.graph.all_nodes()
        if not nodes:
            return
        rect = QtCore.QRectF()
        for node in nodes:
            rect = rect.united(node.view.sceneBoundingRect())
        margin = 60.0
        rect.adjust(-margin, -margin, margin, margin)
        self.viewer.set_scene_rect([rect.x(), rect.y(), rect.width(), rect.height()])
        if self.graph.get_zoom() > 0.0:
            self.graph.set_zoom(0.0)
        self.viewer.centerOn(rect.center())

    def zoom(self, step: float) -> None:
        self.graph.set_zoom(self.graph.get_zoom() + step)

    # --- lookups ------------------------------------------------------------------------------------

    def node(self, uuid: str) -> ComponentNode | None:
        return next((n for n in self._component_nodes() if n.get_property("uuid") == uuid), None)

    def node_at(self, position: QtCore.QPoint) -> str | None:
        """The uuid of the component node under a point of the view (None over the empty canvas)."""
        views = {node.view: node.model.custom_properties["uuid"] for node in self._component_nodes()}
        for item in self.viewer.items(position):
            while item is not None and item not in views:
                item = item.parentItem()
            if item is not None:
                return views[item]
        return None

    def selected_uuids(self) -> list[str]:
        return [n.get_property("uuid") for n in self._selected_components()]

    # --- badges -------------------------------------------------------------------------------------

    def show_problems(self, analysis: Analysis) -> None:
        """Mark every node with its problems (clears the marks of nodes without any)."""
        by_node: dict[str, list[str]] = {}
        for problem in analysis.problems:
            if problem.node:
                detail = problem.parameter or problem.port
                by_node.setdefault(problem.node, []).append(f"{detail}: {problem.message}" if detail
                                                            else problem.message)
        for node in self._component_nodes():
            self._badges_of(node)[0].show_problems(by_node.get(node.get_property("uuid"), []))

    def set_status(self, node_id: str, status: str, progress: float | None = None,
                   elapsed: float | None = None) -> None:
        """Show a step's run status on its node: Queued, Running, Completed, Reused, Failed or Canceled."""
        node = self.node(node_id)
        if node is not None:
            self._badges_of(node)[1].set_status(status, progress, elapsed)

    def set_warnings(self, node_id: str, messages: list[str]) -> None:
        """Mark a node whose step logged warnings (no messages: no marker)."""
        node = self.node(node_id)
        if node is not None:
            self._badges_of(node)[3].show_problems(messages)

    def clear_status(self, node_ids: set[str] | None = None) -> None:
        """Hide the run status and warning marker of the given nodes (default: every node)."""
        for node in self._component_nodes():
            if node_ids is None or node.get_property("uuid") in node_ids:
                badges = self._badges_of(node)
                badges[1].setVisible(False)
                badges[3].setVisible(False)

    def status_text(self, node_id: str) -> str | None:
        """The run-status badge text of a node (None when hidden)."""
        node = self.node(node_id)
        badge = self._badges_of(node)[1] if node else None
        return badge.text if badge and badge.isVisible() else None

    def problem_count(self, node_id: str) -> int:
        return self._count(node_id, 0)

    def warning_count(self, node_id: str) -> int:
        return self._count(node_id, 3)

    def _count(self, node_id: str, badge_index: int) -> int:
        node = self.node(node_id)
        badge = self._badges_of(node)[badge_index] if node else None
        return badge.count if badge and badge.isVisible() else 0

    # --- internals ----------------------------------------------------------------------------------

    def _port_type(self, type_: str, port_name: str, is_input: bool) -> PortType | None:
        component = self._by_type.get(type_)
        if component is None:
            return None
        port = component.input(port_name) if is_input else component.output(port_name)
        return port.type if port else None

    def _add(self, node: Node, push_undo: bool = False) -> ComponentNode:
        created = self._classes[node.component]()
        model = created.model
        model.set_property("uuid", node.id)
        model.set_property("params", copy.deepcopy(node.params))
        model.set_property("comment", node.comment)
        model.set_property("compute", node.compute or "")
        model.set_property("regenerate", node.regenerate)
        model.set_property("version", node.version)
        self._paint(created)
        self.graph.add_node(created, pos=[float(node.position[0]), float(node.position[1])],
                            selected=False, push_undo=push_undo)
        self._retitle(created, node.params)
        self._badges_of(created)[2].show_comment(node.comment)
        return created

    def _retitle(self, node: ComponentNode, params: dict) -> None:
        """Title the node by what it stands for (a data set and its version) and fit its box to the title."""
        title = node_title(node.COMPONENT, params)
        if title != node.name():
            node.set_property("name", title, push_undo=False)
            node.view.draw_node()

    def _paint(self, node: ComponentNode) -> None:
        colors = CANVAS[self._theme]
        for name, rgb in (("color", colors.node), ("border_color", colors.node_border),
                          ("text_color", colors.node_text)):
            setattr(node.model, name, (*rgb, 255))
            setattr(node.view, name, (*rgb, 255))
        node.view.text_item.setDefaultTextColor(QColor(*colors.node_text))
        node.view.update()

    def _comment_brush(self) -> QColor:
        return QColor(*CANVAS[self._theme].comment_text)

    def _badges_of(self, node: ComponentNode) -> tuple[ValidationBadge, StatusBadge, CommentText, WarningBadge]:
        key = node.view
        uuid = node.get_property("uuid")
        found = self._badges.get(uuid)
        if found is None or found[0].parentItem() is not key:
            found = (ValidationBadge(key), StatusBadge(key), CommentText(key, CANVAS[self._theme].comment_text),
                     WarningBadge(key))
            found[0].setVisible(False)
            found[3].setVisible(False)
            self._badges[uuid] = found
        return found

    def _renew_uuids(self, nodes: list) -> list[str]:
        uuids = []
        for node in nodes:
            if isinstance(node, ComponentNode):
                uuid = new_id()
                node.model.set_property("uuid", uuid)
                self._badges_of(node)[2].show_comment(node.get_property("comment"))
                uuids.append(uuid)
        return uuids

    def _component_nodes(self) -> list[ComponentNode]:
        return [n for n in self.graph.all_nodes() if isinstance(n, ComponentNode)]

    def _selected_components(self) -> list[ComponentNode]:
        return [n for n in self.graph.selected_nodes() if isinstance(n, ComponentNode)]

    def _emit_changed(self, _index: int = 0) -> None:
        if not self._loading:
            self.changed.emit()

    def _emit_selection(self, *_ignored) -> None:
        self.selection_changed.emit(self.selected_uuids())

    def _on_property_changed(self, node, name: str, value: Any) -> None:
        if not isinstance(node, ComponentNode) or name not in ("params", "comment", "compute", "regenerate"):
            return
        if name == "comment":
            self._badges_of(node)[2].show_comment(value)
        if name == "params":
            self._retitle(node, value)
        self.node_changed.emit(node.get_property("uuid"))

    def _on_wire_changed(self, in_port, _out_port) -> None:
        """A wire into a node was added or removed (edit, undo or redo): that node's inputs changed."""
        node = in_port.node()
        if isinstance(node, ComponentNode) and not self._loading:
            self.node_changed.emit(node.get_property("uuid"))

    def _on_dropped(self, mime: QtCore.QMimeData, pos: QtCore.QPoint) -> None:
        if mime.hasFormat(PALETTE_MIME):
            entry = json.loads(bytes(mime.data(PALETTE_MIME)).decode("utf-8"))
            self.add_component(entry["component"], entry.get("params") or {}, (float(pos.x()), float(pos.y())))

    def _on_menu_requested(self, view_id: str | None, global_pos: QtCore.QPoint) -> None:
        node = self.graph.get_node_by_id(view_id) if view_id else None
        uuid = node.get_property("uuid") if isinstance(node, ComponentNode) else None
        if uuid and uuid not in self.selected_uuids():
            self.select(uuid)
        self.menu_requested.emit(uuid, global_pos)


_MISSING = object()
