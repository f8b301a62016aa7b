"""What a component sees of the engine while it runs: progress, a logger, cancellation, metrics, data sets."""
from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from nodes.errors import Cancelled, ComponentError
from nodes.schema import TableSchema

if TYPE_CHECKING:  # a table holds a pandas frame: the contract itself loads no data library
    from nodes.table import Table


@dataclass(frozen=True)
class StoredTable:
    """A data set the workspace holds already, as a source component's output: the engine hands the stored
    artifact (`key`, its sha256) on to the steps that read it instead of loading it and writing it again."""

    name: str
    version: int | None
    key: str
    schema: TableSchema


@dataclass(frozen=True)
class StoredObject:
    """A registered model or transformation (`kind` "model" or "transformation"), as a Saved Model or Saved
    Transformation node's output: the engine hands its artifact (`key`) on, as it does a `StoredTable`'s.
    `schema` is its design-time ModelSchema or TransformSchema."""

    kind: str
    name: str
    version: int | None
    key: str
    schema: Any


class DatasetCatalog(Protocol):
    """The registered data sets, models and transformations, as the engine offers them to source components."""

    def dataset_schema(self, name: str, version: int | None = None) -> TableSchema: ...

    def load_dataset(self, name: str, version: int | None = None) -> Table: ...

    def dataset_key(self, name: str, version: int | None = None) -> str: ...

    def stored_dataset(self, name: str, version: int | None = None) -> StoredTable: ...

    def asset_schema(self, kind: str, name: str, version: int | None = None) -> Any: ...

    def asset_key(self, kind: str, name: str, version: int | None = None) -> str: ...

    def stored_asset(self, kind: str, name: str, version: int | None = None) -> StoredObject: ...

    def load_asset(self, kind: str, name: str, version: int | None = None) -> Any: ...


class CancelSignal(Protocol):
    """Anything that says whether the job was cancelled: a `threading.Event`, a flag file, ..."""

    def is_set(self) -> bool: ...


def not_registered(kind: str, name: str, version: int | None) -> ComponentError:
    """Error 0018 for a data set, model or transformation (`kind` "dataset", "model", "transformation") that the
    workspace does not hold; it names the parameter that chose it."""
    which = f'"{name}"' + (f" version {version}" if version is not None else "")
    noun = {"dataset": "Data set"}.get(kind, kind.capitalize())
    return ComponentError(18, "InvalidDataset", f"{noun} {which} is not registered in this workspace.",
                          parameter=noun if kind != "dataset" else "Dataset")


class NoCatalog:
    """A catalog with no data sets nor assets, for running components outside a workspace."""

    def _missing(self, name: str, version: int | None = None):
        raise not_registered("dataset", name, None)

    def _missing_asset(self, kind: str, name: str, version: int | None = None):
        raise not_registered(kind, name, None)

    dataset_schema = load_dataset = dataset_key = stored_dataset = _missing
    asset_schema = asset_key = stored_asset = load_asset = _missing_asset


class RunContext:
    """Handed to `run`: report progress, log, honour cancellation, record metrics, read data sets."""

    def __init__(self, *, catalog: DatasetCatalog | None = None, logger: logging.Logger | None = None,
                 cancel_event: CancelSignal | None = None,
                 on_progress: Callable[[float, str | None], None] | None = None,
                 on_metric: Callable[[str, float], None] | None = None) -> None:
        self.catalog: DatasetCatalog = catalog or NoCatalog()
        self.logger = logger or logging.getLogger("designer.component")
        self._cancel: CancelSignal = cancel_event or threading.Event()
        self._on_progress = on_progress
        self._on_metric = on_metric
        self.metrics: dict[str, float] = {}

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check_cancelled(self) -> None:
        """Raise `Cancelled` if the job was cancelled; call it between chunks or iterations."""
        if self._cancel.is_set():
            raise Cancelled()

    def progress(self, fraction: float, message: str | None = None) -> None:
        self.check_cancelled()
        if self._on_progress:
            self._on_progress(max(0.0, min(1.0, fraction)), message)

    def log_metric(self, name: str, value: float) -> None:
        self.metrics[name] = float(value)
        if self._on_metric:
            self._on_metric(name, float(value))


class DesignContext:
    """Handed to `configure`: only the data set catalog, never data."""

    def __init__(self, catalog: DatasetCatalog | None = None) -> None:
        self.catalog: DatasetCatalog = catalog or NoCatalog()
