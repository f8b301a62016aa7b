"""Ready-to-paste client code for an online endpoint of the built-in server: curl and Python `requests` in the
Azure designer's format (POST .../score), and MLflow's scoring protocol (POST .../invocations with a pandas
DataFrame as `dataframe_split`), with `requests` or with MLflow's own deployments client. Each reads the endpoint
key from the ENDPOINT_KEY environment variable, sends the example rows and prints the answer (or the error the
server gave)."""
from __future__ import annotations

import json
import shlex
from dataclasses import dataclass

from designer_app.consume_snippets import python_literal
from designer_app.endpoint_requests import ExampleInput, score_body

KEY_VARIABLE = "ENDPOINT_KEY"


@dataclass(frozen=True)
class OnlineTarget:
    """What a snippet calls: the server's base URL, the endpoint's name, and example rows per input (None while
    they are being read)."""

    base_url: str
    endpoint: str
    inputs: tuple[ExampleInput, ...] | None

    @property
    def scoring_uri(self) -> str:
        return f"{self.base_url}/endpoints/{self.endpoint}/score"

    @property
    def invocations_uri(self) -> str:
        return f"{self.base_url}/endpoints/{self.endpoint}/invocations"


def curl_snippet(target: OnlineTarget) -> str:
    body = shlex.quote(json.dumps(score_body(list(target.inputs or ())), indent=2))
    return (f"# export {KEY_VARIABLE}=<the endpoint's primary or secondary key>\n"
            f"curl -sS --fail-with-body -X POST '{target.scoring_uri}' \\\n"
            f'  -H "Authorization: Bearer ${KEY_VARIABLE}" \\\n'
            "  -H 'Content-Type: application/json' \\\n"
            f"  -d {body}\n")


def python_snippet(target: OnlineTarget) -> str:
    """Python with `requests`: score the rows and print each output's records."""
    return f'''import os

import requests

SCORING_URI = "{target.scoring_uri}"
KEY = os.environ["{KEY_VARIABLE}"]  # the endpoint's primary or secondary key

body = {python_literal(score_body(list(target.inputs or ())))}
response = requests.post(SCORING_URI, json=body, headers={{"Authorization": "Bearer " + KEY}}, timeout=60)
if not response.ok:
    raise SystemExit(f"{{response.status_code}}: {{response.text}}")
for output, rows in response.json()["Results"].items():
    print(output, rows)
'''


def _frame(target: OnlineTarget) -> str:
    """Python source of a DataFrame of the first input's example rows."""
    return f"frame = pd.DataFrame({python_literal(target.inputs[0].rows if target.inputs else [])})"


def mlflow_snippet(target: OnlineTarget) -> str:
    """MLflow's scoring protocol with `requests`: the DataFrame as `dataframe_split` (missing values as null) to
    /invocations, answered with `{"predictions": [...]}` as an MLflow model server answers."""
    return f'''import json
import os

import pandas as pd
import requests

INVOCATIONS_URI = "{target.invocations_uri}"
KEY = os.environ["{KEY_VARIABLE}"]  # the endpoint's primary or secondary key

{_frame(target)}
body = {{"dataframe_split": json.loads(frame.to_json(orient="split", index=False))}}
response = requests.post(INVOCATIONS_URI, json=body, headers={{"Authorization": "Bearer " + KEY}}, timeout=60)
if not response.ok:
    raise SystemExit(f"{{response.status_code}}: {{response.text}}")
print(response.json()["predictions"])
'''


def mlflow_client_snippet(target: OnlineTarget) -> str:
    """MLflow's deployments client: it posts to {base}/endpoints/{name}/invocations and sends
    MLFLOW_TRACKING_TOKEN as the bearer token."""
    return f'''import json
import os

import pandas as pd
from mlflow.deployments import get_deploy_client

os.environ["MLFLOW_TRACKING_TOKEN"] = os.environ["{KEY_VARIABLE}"]  # sent as the bearer token: the endpoint key
client = get_deploy_client("{target.base_url}")

{_frame(target)}
answer = client.predict(endpoint="{target.endpoint}",
                        inputs={{"dataframe_split": json.loads(frame.to_json(orient="split", index=False))}})
print(answer["predictions"])
'''


SNIPPETS = {"Python": python_snippet, "curl": curl_snippet, "MLflow format": mlflow_snippet,
            "MLflow client": mlflow_client_snippet}
"""The Consume tab's snippets by tab name."""
