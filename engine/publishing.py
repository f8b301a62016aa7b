"""Pipeline endpoints: published pipelines, each a name with versions counting up from 0 and one default.

A published version is frozen: the pipeline as it was at publish time, with every data set it reads (and every
Dataset pipeline parameter's default) pinned to the version that was the latest then, so later edits or new
data set versions change nothing until the pipeline is published again. Versions are never deleted; a version
can be disabled, and is then refused when called.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from engine.assets import AssetError
from engine.engine import InvalidPipeline
from engine.parameters import apply_parameters
from engine.pipeline import LOCAL_COMPUTE, LOCAL_PROCESSES, Pipeline, PipelineParameter
from engine.store import insert, now
from engine.validation import analyze
from engine.workspace import Workspace
from nodes.component import Component
from nodes.errors import ComponentError
from nodes.params import dataset_param
from nodes.registry import Registry, default_registry
from nodes.saved_asset import VERSION, SavedAsset

COMPUTES = frozenset({LOCAL_COMPUTE, LOCAL_PROCESSES})


class PublishingError(LookupError):
    """An endpoint or version that is not there, or not callable: says which."""


class EndpointNotFound(PublishingError):
    def __init__(self, name: str) -> None:
        super().__init__(f'No pipeline endpoint "{name}".')


class VersionNotFound(PublishingError):
    def __init__(self, name: str, version: int, versions: list[int]) -> None:
        super().__init__(f'Pipeline endpoint "{name}" has no version {version} '
                         f'(its versions: {", ".join(map(str, versions))}).')


class VersionDisabled(PublishingError):
    def __init__(self, name: str, version: int) -> None:
        super().__init__(f'Version {version} of pipeline endpoint "{name}" is disabled.')


@dataclass(frozen=True)
class PublishedVersion:
    endpoint: str
    version: int
    pipeline: Pipeline
    description: str
    disabled: bool
    source: str
    created: str
    default: bool

    def to_dict(self) -> dict:
        return {"endpoint": self.endpoint, "version": self.version, "default": self.default,
                "disabled": self.disabled, "description": self.description, "source": self.source,
                "created": self.created, "pipeline": self.pipeline.name,
                "parameters": [parameter_dict(p) for p in self.pipeline.parameters]}


@dataclass(frozen=True)
class PipelineEndpoint:
    name: str
    description: str
    default_version: int
    created: str
    versions: list[PublishedVersion] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"name": self.name, "description": self.description, "default_version": self.default_version,
                "created": self.created, "versions": [v.to_dict() for v in self.versions]}


def parameter_dict(parameter: PipelineParameter) -> dict:
    """A pipeline parameter as a caller sees it: name, kind, default (and options of a Mode)."""
    shown = {"name": parameter.name, "kind": parameter.kind, "default": parameter.default}
    return {**shown, "options": parameter.options} if parameter.options else shown


def pinned(pipeline: Pipeline, workspace: Workspace, registry: Registry) -> Pipeline:
    """A copy whose data set, Saved Model and Saved Transformation nodes with a blank Version, and Dataset
    parameters whose default names a data set without a version, read the version that is the latest now."""
    result = pipeline.model_copy(deep=True)
    for node in result.nodes:
        if node.component in registry and node.params.get(VERSION) in (None, ""):
            latest = _latest(workspace, registry[node.component], node.params)
            if latest is not None:
                node.params[VERSION] = latest
    for parameter in result.parameters:
        if parameter.kind == "Dataset" and parameter.default:
            default = parameter.default
            name, version = (default["Name"], default.get("Version")) if isinstance(default, dict) else (default, None)
            version = version or _dataset_version(workspace, name)
            parameter.default = {"Name": name, "Version": version} if version else default
    return result


def _latest(workspace: Workspace, component: Component, params: dict) -> int | None:
    """The latest version of the data set or registered asset a source node names (None for other nodes, and
    for names that are not registered: validation reports those)."""
    param = dataset_param(component.params)
    if param is not None and params.get(param.name):
        return _dataset_version(workspace, params[param.name])
    asset = getattr(component.run, "__self__", None)
    if isinstance(asset, SavedAsset) and params.get(asset.param):
        try:
            return workspace.assets.get(params[asset.param], kind=asset.kind).version
        except AssetError:
            return None
    return None


def _dataset_version(workspace: Workspace, name: str) -> int | None:
    try:
        return workspace.datasets.get(name).version
    except ComponentError:
        return None


class PipelineEndpoints:
    """The workspace's pipeline endpoints and their versions."""

    def __init__(self, workspace: Workspace, registry: Registry | None = None) -> None:
        self.workspace = workspace
        self.store = workspace.store
        self.registry = registry or default_registry()

    def publish(self, pipeline: Pipeline, endpoint: str, *, description: str = "", make_default: bool | None = None,
                source: str = "") -> PublishedVersion:
        """Freeze `pipeline` as the next version of `endpoint` (created at version 0, which is its default);
        `make_default` True makes the new version the default. Raises InvalidPipeline (nothing published)."""
        if not endpoint.strip():
            raise ValueError("a pipeline endpoint needs a name")
        frozen = pinned(pipeline, self.workspace, self.registry)
        problems = analyze(apply_parameters(frozen), self.registry, self.workspace.datasets, COMPUTES).problems
        if problems:
            raise InvalidPipeline(problems)
        stamp = now()
        with self.store.write() as conn:
            latest = conn.execute("select max(version) from pipeline_versions where endpoint = ?",
                                  [endpoint]).fetchone()[0]
            version = 0 if latest is None else latest + 1
            if latest is None:
                insert(conn, "pipeline_endpoints", {"name": endpoint, "description": description,
                                                    "default_version": 0, "created": stamp})
            insert(conn, "pipeline_versions", {"endpoint": endpoint, "version": version,
                                               "pipeline": frozen.to_json(indent=None), "description": description,
                                               "disabled": 0, "source": source, "created": stamp})
            if make_default and version:
                conn.execute("update pipeline_endpoints set default_version = ? where name = ?", [version, endpoint])
        return self.version(endpoint, version)

    def list(self) -> list[PipelineEndpoint]:
        names = [r[0] for r in self.store.conn.execute("select name from pipeline_endpoints order by name")]
        return [self.get(name) for name in names]

    def get(self, name: str) -> PipelineEndpoint:
        rows = list(self.store.query("select * from pipeline_endpoints where name = ?", [name]))
        if not rows:
            raise EndpointNotFound(name)
        row = rows[0]
        versions = [_version(r, row["default_version"]) for r in self.store.query(
            "select * from pipeline_versions where endpoint = ? order by version", [name])]
        return PipelineEndpoint(name, row["description"] or "", row["default_version"], row["created"], versions)

    def version(self, name: str, version: int | None = None) -> PublishedVersion:
        """One version (the default one when `version` is None), disabled or not."""
        endpoint = self.get(name)
        wanted = endpoint.default_version if version is None else version
        for published in endpoint.versions:
            if published.version == wanted:
                return published
        raise VersionNotFound(name, wanted, [v.version for v in endpoint.versions])

    def callable(self, name: str, version: int | None = None) -> PublishedVersion:
        """The version to run for a call: refused (VersionDisabled) when it is disabled."""
        published = self.version(name, version)
        if published.disabled:
            raise VersionDisabled(name, published.version)
        return published

    def set_default(self, name: str, version: int) -> None:
        """Make an enabled version the one called when no version is asked for."""
        self.callable(name, version)
        with self.store.write() as conn:
            conn.execute("update pipeline_endpoints set default_version = ? where name = ?", [version, name])

    def disable(self, name: str, version: int) -> None:
        """Disable a version (calls to it are refused); the default version cannot be disabled."""
        published = self.version(name, version)
        if published.default:
            raise PublishingError(f'Version {version} is the default of pipeline endpoint "{name}"; make another '
                                  "version the default first.")
        with self.store.write() as conn:
            conn.execute("update pipeline_versions set disabled = 1 where endpoint = ? and version = ?",
                         [name, version])


def _version(row: dict, default_version: int) -> PublishedVersion:
    return PublishedVersion(row["endpoint"], row["version"], Pipeline.from_json(row["pipeline"]),
                            row["description"] or "", bool(row["disabled"]), row["source"] or "", row["created"],
                            row["version"] == default_version)
