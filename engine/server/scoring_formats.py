"""Request and response bodies of the scoring routes: the Azure designer's (records, or the classic
ColumnNames/Values tables) and MLflow's (`dataframe_split`, `dataframe_records`, `instances`, `inputs`, CSV).

Responses are written straight to JSON bytes by pandas (missing values as null, times in ISO 8601)."""
from __future__ import annotations

import io
import json
from typing import Any

import pandas as pd

from engine.request_tables import RequestError, from_columns, from_positional, from_records, from_rows, request_table
from engine.server.errors import ApiError
from engine.serving import PreparedDeployment
from nodes.schema import Role
from nodes.table import Table

MLFLOW_KEYS = ("dataframe_split", "dataframe_records", "instances", "inputs")
CSV = "text/csv"
DIGITS = 15


def parse_json(body: bytes) -> Any:
    try:
        return json.loads(body)
    except (json.JSONDecodeError, UnicodeDecodeError, RecursionError) as error:
        where = f" at line {error.lineno}, column {error.colno}" if isinstance(error, json.JSONDecodeError) else ""
        raise ApiError(400, "MalformedBody", f"The body is not valid JSON{where}.") from None


def azure_request(deployment: PreparedDeployment, body: bytes, classic: bool) -> tuple[dict[str, Table], dict]:
    """The tables under `Inputs` (by Web Service Input name) and the `GlobalParameters`."""
    data = parse_json(body)
    if not isinstance(data, dict) or not isinstance(data.get("Inputs"), dict):
        raise RequestError('The body must be an object with "Inputs": {input name: rows}.')
    parameters = data.get("GlobalParameters") or {}
    if not isinstance(parameters, dict):
        raise RequestError('"GlobalParameters" must be an object of parameter name: value.')
    tables = {}
    for name, value in data["Inputs"].items():
        port = deployment.input(name)
        if classic:
            if not isinstance(value, dict):
                raise RequestError(f'Input "{name}" must be an object with "ColumnNames" and "Values".', input=name)
            frame = from_rows(value.get("ColumnNames"), value.get("Values"), name)
        else:
            frame = from_records(value, port.schema, name)
        tables[name] = request_table(frame, port.schema, name)
    return tables, parameters


def azure_response(outputs: dict[str, Table], classic: bool) -> bytes:
    parts = [f"{json.dumps(name)}: {_classic(table) if classic else _records(table.frame)}"
             for name, table in outputs.items()]
    return f'{{"Results": {{{", ".join(parts)}}}}}'.encode()


def mlflow_request(deployment: PreparedDeployment, body: bytes, content_type: str) -> Table:
    """The one Web Service Input's table from an MLflow scoring body."""
    if len(deployment.inputs) != 1:
        raise RequestError("This endpoint has several inputs: call /score with each input's rows by name.")
    port = deployment.inputs[0]
    if content_type.split(";")[0].strip().lower() == CSV:
        return request_table(_csv(body, port.name), port.schema, port.name)
    data = parse_json(body)
    keys = [k for k in MLFLOW_KEYS if isinstance(data, dict) and k in data]
    if len(keys) != 1:
        raise RequestError(f"The body must be an object with exactly one of: {', '.join(MLFLOW_KEYS)} (or a CSV "
                           f"body with Content-Type {CSV}).")
    value = data[keys[0]]
    if keys[0] == "dataframe_split":
        if not isinstance(value, dict):
            raise RequestError('"dataframe_split" must be an object with "columns" and "data".')
        frame = from_rows(value.get("columns"), value.get("data"), port.name)
    elif isinstance(value, dict):
        frame = from_columns(value, port.name)
    elif isinstance(value, list) and value and all(isinstance(row, list) for row in value):
        frame = from_positional(value, port.schema, port.name)
    else:
        frame = from_records(value, port.schema, port.name)
    return request_table(frame, port.schema, port.name)


def mlflow_response(deployment: PreparedDeployment, outputs: dict[str, Table]) -> bytes:
    """One prediction per row of the first output: its score, or a record of its scores when there are several
    (every column when it has no score column)."""
    table = outputs[deployment.outputs[0].name]
    scores = [name for name in table.frame.columns if table.roles.get(str(name)) is Role.SCORE]
    if len(scores) == 1:
        predictions = table.frame[scores[0]].to_json(orient="values", double_precision=DIGITS)
    else:
        predictions = _records(table.frame[scores] if scores else table.frame)
    return f'{{"predictions": {predictions}}}'.encode()


def _records(frame: pd.DataFrame) -> str:
    return frame.to_json(orient="records", date_format="iso", double_precision=DIGITS)


def _classic(table: Table) -> str:
    values = table.frame.to_json(orient="values", date_format="iso", double_precision=DIGITS)
    return f'{{"ColumnNames": {json.dumps([str(c) for c in table.frame.columns])}, "Values": {values}}}'


def _csv(body: bytes, input_name: str) -> pd.DataFrame:
    try:
        return pd.read_csv(io.BytesIO(body))
    except (ValueError, pd.errors.ParserError, UnicodeDecodeError) as error:
        raise RequestError(f'Input "{input_name}": the CSV body does not parse ({error}).', input=input_name) from None
