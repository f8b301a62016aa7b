"""A workspace folder: `workspace.db` (SQLite), `artifacts/` (content-addressed files, `artifacts/tmp/` for the ones
being written) and `workspace.db.reserve` (room kept for recording a failure when the disk fills up)."""
from __future__ import annotations

import errno
import os
from pathlib import Path

import platformdirs

from engine.artifacts import ArtifactStore
from engine.assets import Assets
from engine.datasets import DatasetError, Datasets
from engine.drafts import Drafts
from engine.job_store import JobStore, _alive
from engine.pipeline import Node
from engine.samples import SAMPLE_DATASETS, register_samples
from engine.store import ReadOnlyWorkspace, Store
from nodes.params import dataset_param
from nodes.registry import default_registry

ENV_VAR = "DESIGNER_WORKSPACE"


def default_location() -> Path:
    """`DESIGNER_WORKSPACE` if set, else the per-user data folder."""
    if os.environ.get(ENV_VAR):
        return Path(os.environ[ENV_VAR])
    return platformdirs.user_data_path("designer", appauthor=False) / "workspace"


class Workspace:
    """Everything a user keeps: data sets, drafts, experiments, jobs, steps, metrics, registered models and
    transformations, and artifacts."""

    def __init__(self, root: str | Path | None = None, *, samples: bool = True) -> None:
        self.root = Path(root) if root else default_location()
        try:
            self.root.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            if error.errno not in (errno.EROFS, errno.EACCES, errno.EPERM):
                raise
            raise ReadOnlyWorkspace(self.root) from error
        self.store = Store(self.root / "workspace.db")
        self.artifacts = ArtifactStore(self.root / "artifacts", self.store)
        self.artifacts.files.remove_stale_temporaries(_alive)
        self.datasets = Datasets(self.store, self.artifacts)
        self.drafts = Drafts(self.store)
        self.jobs = JobStore(self.store)
        self.assets = Assets(self.store, self.artifacts, self.jobs)
        self.interrupted = self.jobs.mark_interrupted()
        if samples:
            register_samples(self.datasets)

    def drafts_using(self, dataset: str) -> list[str]:
        """Names of the drafts with a data set source (a component with a Dataset parameter) reading `dataset`."""
        registry = default_registry()

        def reads(node: Node) -> bool:
            param = dataset_param(registry[node.component].params) if node.component in registry else None
            return param is not None and node.params.get(param.name) == dataset
        return [info.name for info in self.drafts.list() if any(map(reads, self.drafts.load(info.id).nodes))]

    def delete_dataset(self, name: str, version: int | None = None) -> int:
        """Delete a data set (or one version); refused while a draft uses it, and for a sample that would be left
        with no version (every workspace has the samples: it would come back at the next start)."""
        if name in SAMPLE_DATASETS and (version is None or self._versions(name) == [version]):
            raise DatasetError(f'Data set "{name}" is a sample that comes with Designer: every workspace has it, '
                               "so it cannot be deleted.")
        users = self.drafts_using(name)
        if users:
            raise DatasetError(f'Data set "{name}" is used by the draft(s) {", ".join(users)}; '
                               "remove it from them first.")
        return self.datasets.delete(name, version)

    def _versions(self, name: str) -> list[int]:
        return [info.version for info in self.datasets.list() if info.name == name]

    @property
    def schema_version(self) -> int:
        return self.store.schema_version

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
