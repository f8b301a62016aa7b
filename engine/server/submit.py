"""`POST /pipelines/{endpoint}/submit`: the request body of the REST contract, checked whole before anything is
written; then the files it brings (a multipart part, or a `RelativePath` in the data folder) are registered as
new data set versions and the published version is submitted as a job, whose id is the run id."""
from __future__ import annotations

import shutil
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from pydantic import BaseModel, ConfigDict, ValidationError, model_validator

from engine.dataset_import import REGISTERED_SUFFIXES
from engine.datasets import DatasetError, DatasetInfo, Datasets
from engine.engine import Engine
from engine.parameters import ParameterAssignmentError, coerce
from engine.pipeline import Pipeline
from engine.publishing import PipelineEndpoints
from engine.server.errors import ApiError
from nodes.errors import ComponentError

DATA_FOLDER = "data"
UPLOADS = "uploads"
LOCAL_DATASTORE = "local"
FILE_TYPES = REGISTERED_SUFFIXES


class _Body(BaseModel):
    model_config = ConfigDict(extra="ignore")


class SavedReference(_Body):
    Id: str


class NamedReference(_Body):
    Name: str
    Version: int | None = None


class DatasetDefinition(_Body):
    """A data set given by id (`SavedDataSetReference`) or by name and optional version (`DataSetReference`)."""

    SavedDataSetReference: SavedReference | None = None
    DataSetReference: NamedReference | None = None

    @model_validator(mode="after")
    def _one_reference(self) -> DatasetDefinition:
        if (self.SavedDataSetReference is None) == (self.DataSetReference is None):
            raise ValueError("give exactly one of SavedDataSetReference and DataSetReference")
        return self


class DataPath(_Body):
    DataStoreName: str = LOCAL_DATASTORE
    RelativePath: str


class SubmitRequest(_Body):
    ExperimentName: str = ""
    DisplayName: str = ""
    Description: str = ""
    ParameterAssignments: dict[str, Any] = {}
    DataSetDefinitionValueAssignments: dict[str, DatasetDefinition] = {}
    DataPathAssignments: dict[str, DataPath] = {}


@dataclass(frozen=True)
class Upload:
    """A file part of a multipart request, named after the Dataset parameter it feeds."""

    filename: str
    file: BinaryIO


def parse_body(data: Any) -> SubmitRequest:
    """The JSON body as a SubmitRequest; 400 naming the field that is wrong."""
    try:
        return SubmitRequest.model_validate({} if data is None else data)
    except ValidationError as error:
        details = [{"location": ".".join(map(str, e["loc"])) or "body", "message": e["msg"]} for e in error.errors()]
        raise ApiError(400, "MalformedBody", f"{details[0]['location']}: {details[0]['message']}", details) from None


@dataclass
class Submitter:
    """Checks and runs submit requests against a workspace's published pipelines."""

    engine: Engine
    endpoints: PipelineEndpoints

    @property
    def datasets(self) -> Datasets:
        return self.engine.workspace.datasets

    @property
    def data_folder(self) -> Path:
        return (self.engine.workspace.root / DATA_FOLDER).resolve()

    def submit(self, endpoint: str, version: int | None, request: SubmitRequest,
               uploads: dict[str, Upload]) -> dict[str, Any]:
        """Run the published version; everything is checked first, so a refused request writes nothing."""
        published = self.endpoints.callable(endpoint, version)
        pipeline = published.pipeline
        assignments = self._values(pipeline, request, uploads)
        paths = {name: self._data_path(name, path) for name, path in request.DataPathAssignments.items()}
        for name, upload in uploads.items():
            _file_type(name, upload.filename)
        registered: list[DatasetInfo] = []
        written: list[Path] = []
        try:
            for name, upload in uploads.items():
                written.append(self._save(upload))
                paths[name] = written[-1]
            for name, path in paths.items():
                source = uploads[name].filename if name in uploads else request.DataPathAssignments[name].RelativePath
                registered.append(self._register(endpoint, name, path, source))
                assignments[name] = {"Name": registered[-1].name, "Version": registered[-1].version}
            handle = self.engine.submit(pipeline, request.ExperimentName or endpoint,
                                        request.DisplayName or f"{endpoint} v{published.version}",
                                        request.Description, assignments)
        except BaseException:
            for info in registered:
                self.datasets.delete(info.name, info.version)
            for path in written:
                path.unlink(missing_ok=True)
            raise
        job = self.engine.workspace.jobs.get(handle.id)
        return {"Id": handle.id, "Status": "Queued", "PipelineEndpoint": endpoint,
                "PipelineVersion": str(published.version), "RunHistoryExperimentName": job.experiment,
                "ParameterAssignments": assignments, "CreatedDate": job.created}

    def _values(self, pipeline: Pipeline, request: SubmitRequest, uploads: dict[str, Upload]) -> dict[str, Any]:
        """Every value given, checked against the pipeline's parameters (422 naming the parameter); data sets
        that files will bring are left out, to be added once registered."""
        kinds = {p.name: p.kind for p in pipeline.parameters}
        inputs = [*request.DataSetDefinitionValueAssignments, *request.DataPathAssignments, *uploads]
        given = [*request.ParameterAssignments, *inputs]
        for name in given:
            if name not in kinds:
                raise ParameterAssignmentError(
                    name, f"not a parameter of this pipeline (it has: {', '.join(sorted(kinds)) or 'none'})")
            if given.count(name) > 1:
                raise ParameterAssignmentError(name, "given more than once")
        for name in inputs:
            if kinds[name] != "Dataset":
                raise ParameterAssignmentError(name, f"a {kinds[name]} parameter, not a data set input")
        values = {name: coerce(pipeline.parameter(name), value) for name, value in request.ParameterAssignments.items()}
        for name, value in values.items():
            if kinds[name] == "Dataset":
                values[name] = self._dataset(name, *_name_version(value))
        for name, definition in request.DataSetDefinitionValueAssignments.items():
            if definition.SavedDataSetReference is not None:
                values[name] = self._dataset_by_id(name, definition.SavedDataSetReference.Id)
            else:
                values[name] = self._dataset(name, definition.DataSetReference.Name, definition.DataSetReference.Version)
        return values

    def _dataset(self, parameter: str, name: str, version: int | None) -> dict[str, Any]:
        try:
            info = self.datasets.get(name, version)
        except ComponentError as error:  # error 0018: not registered
            raise ParameterAssignmentError(parameter, str(error)) from None
        return {"Name": info.name, "Version": info.version}

    def _dataset_by_id(self, parameter: str, dataset_id: str) -> dict[str, Any]:
        try:
            info = self.datasets.by_id(dataset_id)
        except DatasetError as error:
            raise ParameterAssignmentError(parameter, str(error)) from None
        return {"Name": info.name, "Version": info.version}

    def _data_path(self, parameter: str, path: DataPath) -> Path:
        """The file a `RelativePath` names inside the workspace's data folder; 400 if it would leave it."""
        if path.DataStoreName != LOCAL_DATASTORE:
            raise ParameterAssignmentError(parameter, f'unknown data store "{path.DataStoreName}"; use "local"')
        root = self.data_folder
        target = (root / path.RelativePath).resolve()
        if not target.is_relative_to(root) or target == root:
            raise ApiError(400, "PathOutsideDataFolder",
                           f'Data path of "{parameter}": "{path.RelativePath}" is not inside the data folder {root}.')
        if not target.is_file():
            raise ParameterAssignmentError(parameter, f'no file "{path.RelativePath}" in the data folder {root}')
        _file_type(parameter, target.name)
        return target

    def _save(self, upload: Upload) -> Path:
        """The uploaded file, kept in the data folder's uploads (the new data set version's source)."""
        folder = self.data_folder / UPLOADS
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"{uuid.uuid4().hex}{Path(upload.filename).suffix.lower()}"
        with target.open("wb") as out:
            shutil.copyfileobj(upload.file, out)
        return target

    def _register(self, endpoint: str, parameter: str, path: Path, source: str) -> DatasetInfo:
        """The file as a new version of the data set "<endpoint>: <parameter>"; 400 naming `source` if it does
        not parse."""
        try:
            return self.datasets.register(path, f"{endpoint}: {parameter}", f"Input of pipeline endpoint {endpoint}")
        except DatasetError as error:
            reason = str(error).removeprefix(f"{path.name} ")
            raise ApiError(400, "InvalidData", f'Data of "{parameter}", "{source}": {reason}') from None


def _file_type(parameter: str, filename: str) -> None:
    if Path(filename).suffix.lower() not in FILE_TYPES:
        raise ApiError(400, "UnsupportedFileType", f'File "{filename}" for "{parameter}": use one of '
                                                   f'{", ".join(sorted(FILE_TYPES))}.')


def _name_version(value: Any) -> tuple[str, int | None]:
    return (value["Name"], value["Version"]) if isinstance(value, dict) else (value, None)
