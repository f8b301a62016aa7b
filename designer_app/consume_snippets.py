"""Ready-to-paste client code for a pipeline endpoint of the built-in server: curl, and Python with the standard
library only. Both read the workspace token from the DESIGNER_TOKEN environment variable, submit a run with
every pipeline input at its default, wait for it, and download its scored output (rest-contracts.md)."""
from __future__ import annotations

import json
import shlex
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from engine.graph import topological_order
from engine.pipeline import Pipeline
from nodes.ports import TABLE_VIEWER, PortType
from nodes.registry import Registry

TOKEN_VARIABLE = "DESIGNER_TOKEN"
EXPERIMENT = "batch-scoring"
FINAL = ("Completed", "Failed", "Canceled")


@dataclass(frozen=True)
class Target:
    """What a snippet calls: the server's base URL, the endpoint, a version (None: the default one), the
    version's pipeline, and the output to download (node id, port name), if it has one."""

    base_url: str
    endpoint: str
    version: int | None
    pipeline: Pipeline
    output: tuple[str, str] | None

    @property
    def submit_path(self) -> str:
        query = "" if self.version is None else f"?version={self.version}"
        return f"/pipelines/{_quote_path(self.endpoint)}/submit{query}"


def scored_output(pipeline: Pipeline, registry: Registry) -> tuple[str, str] | None:
    """The first table output of the last node that has one (Score Model's scored data set in a batch pipeline,
    where only Evaluate Model may follow)."""
    for node_id in reversed(topological_order(pipeline)):
        component = pipeline.node(node_id).component
        for port in registry[component].outputs if component in registry else ():
            if port.type is PortType.DATAFRAME and port.viewer == TABLE_VIEWER:
                return node_id, port.name
    return None


def submit_body(pipeline: Pipeline) -> dict[str, Any]:
    """The submit request with each pipeline input at its default: data sets by name (and pinned version)."""
    body: dict[str, Any] = {"ExperimentName": EXPERIMENT, "ParameterAssignments": {}}
    datasets: dict[str, Any] = {}
    for parameter in pipeline.parameters:
        default = parameter.default
        if parameter.kind == "Dataset" and default:
            name, version = (default["Name"], default.get("Version")) if isinstance(default, dict) else (default, None)
            reference = {"Name": name} if version is None else {"Name": name, "Version": str(version)}
            datasets[parameter.name] = {"DataSetReference": reference}
        elif default is not None:
            body["ParameterAssignments"][parameter.name] = default
    if datasets:
        body["DataSetDefinitionValueAssignments"] = datasets
    return body


def curl_snippet(target: Target) -> str:
    """A POSIX shell script: submit, wait for the run to end, and save its scored output as scored.csv (python3
    reads the JSON answers)."""
    body = shlex.quote(json.dumps(submit_body(target.pipeline), indent=2))
    field = "python3 -c 'import json, sys; print(json.load(sys.stdin)[\"{}\"])'"
    lines = [
        f"# export {TOKEN_VARIABLE}=<a workspace token: designer token create>",
        f"BASE_URL={target.base_url}",
        f'AUTH="Authorization: Bearer ${TOKEN_VARIABLE}"',
        f'RUN=$(curl -sS -f -X POST "$BASE_URL{target.submit_path}" -H "$AUTH" \\',
        "  -H 'Content-Type: application/json' \\",
        f"  -d {body} | {field.format('Id')})",
        'echo "Submitted run $RUN"',
        "while :; do",
        f'  STATUS=$(curl -sS -f -H "$AUTH" "$BASE_URL/runs/$RUN" | {field.format("Status")})',
        f"  case $STATUS in {'|'.join(FINAL)}) break;; esac",
        "  sleep 1",
        "done",
        'echo "Run $STATUS"',
    ]
    if target.output:
        node, port = target.output
        lines.append(f'curl -sS -f -H "$AUTH" -o scored.csv "$BASE_URL/runs/$RUN/outputs/{node}/{_quote_path(port)}"')
    return "\n".join(lines) + "\n"


def python_snippet(target: Target) -> str:
    """A script: submit, wait for the run to end, and save its scored output as scored.csv."""
    body = python_literal(submit_body(target.pipeline))
    download = ""
    if target.output:
        node, port = target.output
        download = (f'\nif status == "Completed":\n'
                    f'    path = "/runs/" + run["Id"] + "/outputs/{node}/{_quote_path(port)}"\n'
                    f"    with open(\"scored.csv\", \"wb\") as file:\n"
                    f"        file.write(call(\"GET\", path, parse=False))\n"
                    f'    print("Saved scored.csv")\n')
    return f'''import json
import os
import time
import urllib.request

BASE_URL = "{target.base_url}"
TOKEN = os.environ["{TOKEN_VARIABLE}"]  # designer token create


def call(method, path, body=None, parse=True):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(BASE_URL + path, data=data, method=method, headers={{
        "Authorization": "Bearer " + TOKEN, "Content-Type": "application/json"}})
    with urllib.request.urlopen(request) as response:
        content = response.read()
    return json.loads(content) if parse else content


body = {body}
run = call("POST", "{target.submit_path}", body)
print("Submitted run", run["Id"])
while True:
    status = call("GET", "/runs/" + run["Id"])["Status"]
    if status in {FINAL!r}:
        break
    time.sleep(1)
print("Run", status)
{download}'''


def python_literal(value: Any, indent: str = "") -> str:
    """A JSON-like value as indented Python source (True, None: not JSON's true, null)."""
    inner = indent + "    "
    if isinstance(value, dict) and value:
        items = ",\n".join(f"{inner}{key!r}: {python_literal(item, inner)}" for key, item in value.items())
        return f"{{\n{items},\n{indent}}}"
    if isinstance(value, list) and value:
        items = ",\n".join(f"{inner}{python_literal(item, inner)}" for item in value)
        return f"[\n{items},\n{indent}]"
    return repr(value)


def _quote_path(text: str) -> str:
    """A port name as a URL path segment ("Scored dataset" -> "Scored%20dataset")."""
    return quote(text, safe="")
