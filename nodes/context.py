"""What a component sees of the engine while it runs: progress, a logger, cancellation, metrics, data sets."""
from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

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


class DatasetCatalog(Protocol):
    """The registered data sets, as the engine offers them to source components."""

    def dataset_schema(self, name: str, version: int | None = None) -> TableSchema: ...

    def load_dataset(self, name: str, version: int | None = None) -> Table: ...

    def dataset_key(self, name: str, version: int | None = None) -> str: ...

    def stored_dataset(self, name: str, version: int | None = None) -> StoredTable: ...


class CancelSignal(Protocol):
    """Anything that says whether the job was cancelled: a `threading.Event`, a flag file, ..."""

    def is_set(self) -> bool: ...


class NoCatalog:
    """A catalog with no data sets, for running components outside a workspace."""

    def _missing(self, name: str, version: int | None = None):
        raise ComponentError(18, "InvalidDataset", f'Data set "{name}" is not registered in this workspace.',
                             parameter="Dataset")

    dataset_schema = load_dataset = dataset_key = stored_dataset = _missing


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
