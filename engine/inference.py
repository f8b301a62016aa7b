"""Create inference pipeline (reference §2): a completed training job made into a real-time or batch draft.

Rule-based, best effort, as in the Azure designer: each trained model becomes a Saved Model node (`MD-`) and
each fitted transformation a Saved Transformation node (`TD-`) feeding Apply Transformation, both registered as
assets of the workspace; learners and trainers go; Split Data, SMOTE and Partition and Sample pass their input
through; what then feeds nothing goes too. Real-time adds Web Service Input on the data set's port (the data set
stays, for its schema) and Web Service Output after Score Model; batch makes the data set a pipeline parameter.
Evaluate Model stays, with a warning.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from engine.graph import topological_order
from engine.pipeline import Binding, Edge, Lineage, Node, Pipeline, PipelineParameter
from engine.validation import analyze
from engine.workspace import Workspace
from nodes.component import Component
from nodes.components.data_io import saved_model, saved_transformation
from nodes.components.scoring import apply_transformation
from nodes.components.web_service import web_service_input, web_service_output
from nodes.params import dataset_param
from nodes.ports import EVALUATION_VIEWER, PortType
from nodes.registry import Registry, default_registry
from nodes.saved_asset import VERSION
from nodes.web_service import DATASET, NAME

InferenceKind = Literal["realtime", "batch"]
KINDS: tuple[InferenceKind, ...] = ("realtime", "batch")
DATASET_PARAMETER = "input-dataset"
BESIDE = 300.0  # canvas distance of a generated node from the one it sits beside (a node is up to ~260 wide)
SAVED = {"MD": saved_model.COMPONENT, "TD": saved_transformation.COMPONENT}  # by the prefix of their asset names


class InferenceError(ValueError):
    """A job that cannot be made into an inference pipeline: says why."""


Source = tuple[str, str] | None  # (node id, output port) feeding an input, or nothing


@dataclass(frozen=True)
class _Saved:
    """A Saved Model or Saved Transformation node still to register: the step output it stands for."""

    node_id: str
    port: str
    prefix: str  # "MD" or "TD"


@dataclass
class _Graph:
    """The draft being built from the training graph."""

    nodes: dict[str, Node] = field(default_factory=dict)
    edges: list[Edge] = field(default_factory=list)
    redirect: dict[tuple[str, str], Source] = field(default_factory=dict)  # outputs of nodes that went
    prunable: set[str] = field(default_factory=set)  # nodes that go if nothing reads them any more
    saved: dict[str, _Saved] = field(default_factory=dict)  # new node id -> what it stands for

    def source(self, edge: Edge) -> Source:
        key = (edge.source, edge.source_port)
        return self.redirect[key] if key in self.redirect else key

    def add(self, component: Component, position: tuple[float, float], **params: object) -> Node:
        node = Node(component=component.id, version=component.version, params=dict(params), position=position)
        self.nodes[node.id] = node
        self.prunable.add(node.id)
        return node

    def wire(self, source: Source, target: str, port: str) -> None:
        if source is not None:
            self.edges.append(Edge(source=source[0], source_port=source[1], target=target, target_port=port))

    def prune(self) -> None:
        """Remove, until none is left, the prunable nodes that feed nothing (and the wires into them)."""
        while idle := {n for n in self.prunable & set(self.nodes) if not any(e.source == n for e in self.edges)}:
            for node_id in idle:
                del self.nodes[node_id]
            self.edges = [e for e in self.edges if e.target not in idle]


def create_inference_pipeline(workspace: Workspace, job_id: str, kind: InferenceKind, name: str | None = None,
                              registry: Registry | None = None) -> tuple[Pipeline, list[str]]:
    """The inference pipeline of a completed training job, and the warnings about it (each names the node).

    Every trained model and fitted transformation it uses is registered as an asset (a new version of
    "MD-/TD-<pipeline>-<component>-<node>" unless the latest version holds the same artifact) and pinned.
    """
    if kind not in KINDS:
        raise InferenceError(f'unknown inference pipeline kind "{kind}"; choose one of: {", ".join(KINDS)}')
    registry = registry or default_registry()
    job = workspace.jobs.get(job_id)
    if job.status != "Completed":
        raise InferenceError(f"job {job_id} is {job.status}: only a completed training job makes an inference "
                             "pipeline")
    training = job.pipeline
    graph = _rewrite(training, registry)
    if not any(s.prefix == "MD" for s in graph.saved.values()):
        raise InferenceError(f"job {job_id} has no trained model (such as Train Model's) that scores anything")
    for node_id, saved in graph.saved.items():
        step = registry[training.node(saved.node_id).component]
        info = workspace.assets.register(job_id, saved.node_id, port=saved.port,
                                         name=f"{saved.prefix}-{training.name}-{step.name}-{saved.node_id[:8]}")
        graph.nodes[node_id].params.update({SAVED[saved.prefix].params[0].name: info.name, VERSION: info.version})
    if kind == "realtime":
        _add_web_service(graph, registry)
    parameters = _kept_parameters(training, graph, job.parameters)
    if kind == "batch":
        parameters += _dataset_parameters(graph, registry, parameters)
    label = "real time" if kind == "realtime" else "batch"
    pipeline = Pipeline(name=name or f"{training.name}-{label} inference", description=training.description,
                        kind=kind, lineage=Lineage(training_job=job_id, source=training.id),
                        default_compute=training.default_compute, nodes=list(graph.nodes.values()),
                        edges=graph.edges, parameters=parameters)
    warnings = [f"{registry[n.component].name}: kept; it needs the label column, which data to score usually "
                "lacks: delete it before publishing or deploying."
                for n in pipeline.nodes if any(p.viewer == EVALUATION_VIEWER for p in registry[n.component].outputs)]
    warnings += [str(p) for p in analyze(pipeline, registry, workspace.datasets).problems]
    return pipeline, warnings


def _rewrite(training: Pipeline, registry: Registry) -> _Graph:
    """The training graph with trainers, learners, pass-through and fitting nodes replaced, then pruned."""
    graph = _Graph()
    feeding = {e.source for e in training.edges}
    for node_id in topological_order(training):
        node = training.node(node_id)
        component = registry[node.component]
        incoming = training.incoming(node_id)
        types = {p.type for p in component.inputs}
        outputs = {p.name: p.type for p in component.outputs}
        tables = [e for e in incoming if component.input(e.target_port).type is PortType.DATAFRAME]
        data = graph.source(tables[0]) if tables else None
        if PortType.UNTRAINED_MODEL in outputs.values() or PortType.UNTRAINED_MODEL in types:
            for port, port_type in outputs.items():  # a learner goes; a trainer leaves its model behind
                graph.redirect[(node_id, port)] = (
                    _saved(graph, node_id, port, "MD", node.position) if port_type is PortType.MODEL else None)
        elif component.pass_through_in_inference:
            graph.redirect.update({(node_id, port): data for port in outputs})
        elif PortType.TRANSFORMATION in outputs.values() and tables:
            _replace_fitting(graph, node, outputs, data)
        else:
            graph.nodes[node_id] = node.model_copy(deep=True)
            if node_id in feeding:
                graph.prunable.add(node_id)
            for edge in incoming:
                graph.wire(graph.source(edge), node_id, edge.target_port)
    graph.prune()
    graph.saved = {k: v for k, v in graph.saved.items() if k in graph.nodes}
    return graph


def _saved(graph: _Graph, node_id: str, port: str, prefix: str, position: tuple[float, float]) -> tuple[str, str]:
    component = SAVED[prefix]
    node = graph.add(component, position)
    graph.saved[node.id] = _Saved(node_id, port, prefix)
    return node.id, component.outputs[0].name


def _replace_fitting(graph: _Graph, node: Node, outputs: dict[str, PortType], data: Source) -> None:
    """A node that fits a transformation: its transformation saved (TD-), its data output an Apply
    Transformation of that saved transformation to the data it was fitted on."""
    x, y = node.position
    saved = {port: _saved(graph, node.id, port, "TD", (x - BESIDE, y))  # left of Apply Transformation
             for port, port_type in outputs.items() if port_type is PortType.TRANSFORMATION}
    graph.redirect.update({(node.id, port): source for port, source in saved.items()})
    apply = graph.add(apply_transformation.COMPONENT, node.position)
    graph.wire(next(iter(saved.values())), apply.id, apply_transformation.TRANSFORMATION)
    graph.wire(data, apply.id, apply_transformation.DATASET)
    graph.redirect.update({(node.id, port): (apply.id, apply_transformation.OUTPUT)
                           for port, port_type in outputs.items() if port_type is PortType.DATAFRAME})


def _data_sets(graph: _Graph, registry: Registry) -> list[Node]:
    """The data set source nodes (a component with a Dataset parameter) of the draft."""
    return [n for n in graph.nodes.values() if dataset_param(registry[n.component].params) is not None]


def _add_web_service(graph: _Graph, registry: Registry) -> None:
    """Web Service Input on each data set's output (the data set feeds it, for its schema); Web Service Output
    on the scored output of each node that scores with a trained model."""
    for index, source in enumerate(_data_sets(graph, registry)):
        x, y = source.position
        node = graph.add(web_service_input.COMPONENT, (x + BESIDE, y), **{NAME: f"WebServiceInput{index}"})
        graph.edges = [e.model_copy(update={"source": node.id, "source_port": DATASET}) if e.source == source.id
                       else e for e in graph.edges]
        port = next(p.name for p in registry[source.component].outputs if p.type is PortType.DATAFRAME)
        graph.wire((source.id, port), node.id, DATASET)
    scorers = [n for n in list(graph.nodes.values())
               if any(p.type is PortType.MODEL for p in registry[n.component].inputs)]
    for index, scorer in enumerate(scorers):
        port = next((p.name for p in registry[scorer.component].outputs if p.type is PortType.DATAFRAME), None)
        if port is not None:
            x, y = scorer.position
            node = graph.add(web_service_output.COMPONENT, (x + BESIDE, y), **{NAME: f"WebServiceOutput{index}"})
            graph.wire((scorer.id, port), node.id, DATASET)


def _kept_parameters(training: Pipeline, graph: _Graph, values: dict) -> list[PipelineParameter]:
    """The training pipeline's parameters still bound to a node of the draft, defaulting to the job's values."""
    kept = []
    for parameter in training.parameters:
        bindings = [b for b in parameter.bindings if b.node in graph.nodes]
        if bindings:
            kept.append(parameter.model_copy(update={"bindings": bindings,
                                                     "default": values.get(parameter.name, parameter.default)}))
    return kept


def _dataset_parameters(graph: _Graph, registry: Registry,
                        parameters: list[PipelineParameter]) -> list[PipelineParameter]:
    """A Dataset pipeline parameter per data set node not bound yet ("Set as pipeline input"), whose default is
    the data set the job trained on (its version too, when the node names one)."""
    bound = {(b.node, b.param) for p in parameters for b in p.bindings}
    added: list[PipelineParameter] = []
    for node in _data_sets(graph, registry):
        param = dataset_param(registry[node.component].params).name
        if (node.id, param) in bound:
            continue
        version = node.params.get(VERSION)
        default = {"Name": node.params.get(param), "Version": version} if version else node.params.get(param)
        name = DATASET_PARAMETER + (f"-{len(added) + 1}" if added else "")
        added.append(PipelineParameter(name=name, kind="Dataset", default=default,
                                       bindings=[Binding(node=node.id, param=param)]))
    return added
