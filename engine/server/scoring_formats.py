"""Request and response bodies of the scoring routes: the Azure designer's (records, or the classic
ColumnNames/Values tables) and MLflow's (`dataframe_split`, `dataframe_records`, `instances`, `inputs`, CSV).

Bodies are parsed with orjson straight into each Web Service Input's checked columns (no pandas on the compiled
path), scored by the deployment's compiled form when it has one (and the call sets no `GlobalParameters`), and the
results written with orjson (missing values as null, times in ISO 8601)."""
from __future__ import annotations

import io
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import orjson
import pandas as pd

from engine.request_tables import (
    Columns,
    Levels,
    RequestError,
    checked,
    from_columns,
    from_frame,
    from_positional,
    from_records,
    from_rows,
    table_of,
)
from engine.server.errors import ApiError
from engine.serving import PreparedDeployment
from nodes.schema import Role

MLFLOW_KEYS = ("dataframe_split", "dataframe_records", "instances", "inputs")
CSV = "text/csv"
COMPILED = "compiled"
Inputs = dict[str, dict[str, np.ndarray]]
"""Checked columns by Web Service Input name."""


@dataclass(frozen=True)
class Scored:
    """One Web Service Output: its columns (name -> values) in order, and which of them are scores."""

    columns: dict[str, list]
    scores: list[str]

    def records(self) -> list[dict[str, Any]]:
        names = list(self.columns)
        return [dict(zip(names, row)) for row in zip(*self.columns.values())]


def parse_json(body: bytes) -> Any:
    try:
        return orjson.loads(body)
    except orjson.JSONDecodeError as error:
        raise ApiError(400, "MalformedBody", f"The body is not valid JSON at line {error.lineno}, column "
                                             f"{error.colno}.") from None


def encode(value: Any) -> bytes:
    return orjson.dumps(value, default=_json_default)


def scoring_path(deployment: PreparedDeployment) -> str:
    """"compiled" when the deployment scores through its compiled form, else "general"."""
    return getattr(deployment, "path", "general")  # until every PreparedDeployment says its path


def compiled(deployment: PreparedDeployment, parameters: Mapping[str, Any]) -> bool:
    """The call is scored by the deployment's compiled form."""
    return scoring_path(deployment) == COMPILED and not parameters


def azure_request(deployment: PreparedDeployment, body: bytes, classic: bool,
                  levels: Levels) -> tuple[Inputs, dict]:
    """Each Web Service Input's checked columns (from the rows under `Inputs`) and the `GlobalParameters`."""
    data = parse_json(body)
    if not isinstance(data, dict) or not isinstance(data.get("Inputs"), dict):
        raise RequestError('The body must be an object with "Inputs": {input name: rows}.')
    parameters = data.get("GlobalParameters") or {}
    if not isinstance(parameters, dict):
        raise RequestError('"GlobalParameters" must be an object of parameter name: value.')
    inputs = {}
    for name, value in data["Inputs"].items():
        port = deployment.input(name)
        if classic:
            if not isinstance(value, dict):
                raise RequestError(f'Input "{name}" must be an object with "ColumnNames" and "Values".', input=name)
            columns = from_rows(value.get("ColumnNames"), value.get("Values"), name)
        else:
            columns = from_records(value, port.schema, name)
        inputs[name] = checked(columns, port.schema, name, levels)
    for port in deployment.inputs:
        if port.name not in inputs:
            raise RequestError(f'Input "{port.name}" is missing from the request.', input=port.name)
    return inputs, parameters


def mlflow_request(deployment: PreparedDeployment, body: bytes, content_type: str, levels: Levels) -> Inputs:
    """The one Web Service Input's checked columns from an MLflow scoring body."""
    if len(deployment.inputs) != 1:
        raise RequestError("This endpoint has several inputs: call /score with each input's rows by name.")
    port = deployment.inputs[0]
    return {port.name: checked(_mlflow_columns(port.schema, port.name, body, content_type), port.schema, port.name,
                               levels)}


def _mlflow_columns(schema, name: str, body: bytes, content_type: str) -> Columns:
    if content_type.split(";")[0].strip().lower() == CSV:
        return from_frame(_csv(body, name))
    data = parse_json(body)
    keys = [k for k in MLFLOW_KEYS if isinstance(data, dict) and k in data]
    if len(keys) != 1:
        raise RequestError(f"The body must be an object with exactly one of: {', '.join(MLFLOW_KEYS)} (or a CSV "
                           f"body with Content-Type {CSV}).")
    value = data[keys[0]]
    if keys[0] == "dataframe_split":
        if not isinstance(value, dict):
            raise RequestError('"dataframe_split" must be an object with "columns" and "data".')
        return from_rows(value.get("columns"), value.get("data"), name)
    if isinstance(value, dict):
        return from_columns(value, name)
    if isinstance(value, list) and value and all(isinstance(row, list) for row in value):
        return from_positional(value, schema, name)
    return from_records(value, schema, name)


def score(deployment: PreparedDeployment, inputs: Inputs, parameters: Mapping[str, Any]) -> dict[str, Scored]:
    """Every Web Service Output of the call: through the compiled form, or the pipeline (general path)."""
    if compiled(deployment, parameters):
        results = deployment.score_columns(inputs)
        return {port.name: Scored({name: _plain(values) for name, values in results[port.name].items()},
                                  port.schema.with_role(Role.SCORE) if port.schema is not None else [])
                for port in deployment.outputs}
    tables = {name: table_of(arrays, deployment.input(name).schema) for name, arrays in inputs.items()}
    scored = {}
    for name, table in deployment.score(tables, parameters).items():
        frame = table.frame
        scored[name] = Scored({str(c): frame[c].tolist() for c in frame.columns},
                              [str(c) for c in frame.columns if table.roles.get(str(c)) is Role.SCORE])
    return scored


def azure_response(outputs: Mapping[str, Scored], classic: bool) -> bytes:
    if classic:
        return encode({"Results": {name: {"ColumnNames": list(out.columns), "Values": [
            list(row) for row in zip(*out.columns.values())]} for name, out in outputs.items()}})
    return encode({"Results": {name: out.records() for name, out in outputs.items()}})


def mlflow_response(outputs: Mapping[str, Scored]) -> bytes:
    """One prediction per row of the first output: its score, or a record of its scores when there are several
    (every column when it has no score column)."""
    out = next(iter(outputs.values()))
    if len(out.scores) == 1:
        return encode({"predictions": out.columns[out.scores[0]]})
    if out.scores:
        out = Scored({name: out.columns[name] for name in out.scores}, out.scores)
    return encode({"predictions": out.records()})


def _plain(values: np.ndarray) -> list:
    """A column's values as Python scalars (times through pandas, which keeps their units)."""
    return pd.Series(values).tolist() if values.dtype.kind in "Mm" else values.tolist()


def _json_default(value: Any) -> Any:
    if value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, (pd.Timestamp, pd.Timedelta)):
        return value.isoformat()
    if isinstance(value, np.generic):
        return value.item()
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


def _csv(body: bytes, input_name: str) -> pd.DataFrame:
    try:
        return pd.read_csv(io.BytesIO(body))
    except (ValueError, pd.errors.ParserError, UnicodeDecodeError) as error:
        raise RequestError(f'Input "{input_name}": the CSV body does not parse ({error}).', input=input_name) from None
