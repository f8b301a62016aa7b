"""`GET /endpoints/{name}/swagger.json`: an online endpoint's own OpenAPI document, its request and response
schemas (column names and types) taken from its Web Service Inputs and Outputs."""
from __future__ import annotations

from typing import Any

from engine.serving import PreparedDeployment, ServicePort
from nodes.schema import ColumnType, TableSchema

JSON_TYPES: dict[ColumnType, dict[str, str]] = {
    ColumnType.STRING: {"type": "string"},
    ColumnType.INTEGER: {"type": "integer", "format": "int64"},
    ColumnType.DOUBLE: {"type": "number", "format": "double"},
    ColumnType.BOOLEAN: {"type": "boolean"},
    ColumnType.DATETIME: {"type": "string", "format": "date-time"},
    ColumnType.TIMESPAN: {"type": "string", "format": "duration"},
}


def record_schema(schema: TableSchema | None) -> dict[str, Any]:
    """One row as a JSON object: every column required, each may be null (a missing value)."""
    if schema is None:
        return {"type": "object"}
    return {"type": "object", "required": schema.names,
            "properties": {c.name: {**JSON_TYPES[c.type], "nullable": True} for c in schema.columns}}


def _tables(ports: list[ServicePort]) -> dict[str, Any]:
    return {"type": "object", "required": [p.name for p in ports], "additionalProperties": False,
            "properties": {p.name: {"type": "array", "items": record_schema(p.schema)} for p in ports}}


def swagger(name: str, version: int, deployment: PreparedDeployment) -> dict[str, Any]:
    parameters = {p.name: {"description": f"{p.kind} pipeline parameter", "default": p.default}
                  for p in deployment.pipeline.parameters}
    score_body = {"type": "object", "required": ["Inputs"], "properties": {
        "Inputs": _tables(deployment.inputs),
        "GlobalParameters": {"type": "object", "properties": parameters, "additionalProperties": False}}}
    first_input = deployment.inputs[0].schema
    invocations_body = {"type": "object", "properties": {
        "dataframe_records": {"type": "array", "items": record_schema(first_input)},
        "dataframe_split": {"type": "object", "properties": {"columns": {"type": "array", "items": {"type": "string"}},
                                                             "data": {"type": "array"}}},
        "instances": {"type": "array"}, "inputs": {}}}

    def post(summary: str, body: dict, result: dict, csv: bool = False) -> dict:
        content = {"application/json": {"schema": body}, **({"text/csv": {"schema": {"type": "string"}}} if csv else {})}
        return {"post": {"summary": summary, "security": [{"Bearer": []}], "requestBody": {"content": content},
                         "responses": {"200": {"description": "Scored", "content": {
                             "application/json": {"schema": result}}}}}}

    return {"openapi": "3.0.1",
            "info": {"title": name, "version": str(version),
                     "description": f'Online endpoint "{name}" serving "{deployment.pipeline.name}".'},
            "paths": {
                f"/endpoints/{name}/score": post("Score rows (Azure designer format)", score_body, {
                    "type": "object", "properties": {"Results": _tables(deployment.outputs)}}),
                f"/endpoints/{name}/invocations": post("Score rows (MLflow format)", invocations_body, {
                    "type": "object", "properties": {"predictions": {"type": "array"}}}, csv=True)},
            "components": {"securitySchemes": {"Bearer": {
                "type": "http", "scheme": "bearer", "description": "The endpoint's primary or secondary key."}}}}
