"""Real-time scoring of the fuel-economy endpoint under the real server (loopback, keep-alive, `wrk` with 8
connections, single-row requests), side by side in one run with MLflow's scoring server on the same fitted
scikit-learn model, a bare Starlette app on uvicorn (uvloop, httptools, orjson, plain NumPy: the stack's ceiling)
and in-process prediction of one row; then one 1,000-row request against in-process scoring plus JSON encoding.

    python bench/bench_online.py [SECONDS]          (default 5 s per load run; 2 interleaved runs per target)
    MLFLOW_PYTHON=/tmp/mlflow-venv/bin/python       the Python of a venv with mlflow (and this scikit-learn)

Needs `wrk` (Debian package). The general path is measured on a second endpoint of the same job whose compiled
form is switched off.
"""
from __future__ import annotations

import http.client
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

import joblib
import numpy as np
import orjson
import pandas as pd

from engine.engine import Engine
from engine.inference import create_inference_pipeline
from engine.online import OnlineEndpoints
from engine.samples import sample_pipelines
from engine.server import Server
from engine.server.scoring_formats import Scored, encode
from engine.tokens import Tokens
from engine.workspace import Workspace

SAMPLE = "Regression: Automobile fuel economy (Basic)"
INPUT = "WebServiceInput0"
CONNECTIONS = 8
ROUNDS = 2
"""Load runs per target, interleaved; the best is reported."""
MLFLOW_PYTHON = os.environ.get("MLFLOW_PYTHON", "/tmp/mlflow-venv/bin/python")
BARE_APP = textwrap.dedent('''
    """The stack's ceiling: Starlette on uvicorn (uvloop, httptools), orjson, a linear model in plain NumPy."""
    import sys
    import numpy as np
    import orjson
    import uvicorn
    from starlette.applications import Starlette
    from starlette.responses import Response
    from starlette.routing import Route

    model = orjson.loads(open(sys.argv[1], "rb").read())
    names, weights = model["numeric"], np.array(model["weights"])
    levels, column, intercept = model["levels"], model["categorical"], model["intercept"]

    async def score(request):
        rows = orjson.loads(await request.body())["Inputs"]["WebServiceInput0"]
        x = np.array([[row[n] for n in names] for row in rows], dtype=np.float64)
        scores = intercept + x @ weights + np.array([levels.get(row[column], 0.0) for row in rows])
        return Response(orjson.dumps({"Results": {"WebServiceOutput0": [
            {**row, "Scored Labels": s} for row, s in zip(rows, scores.tolist())]}}), media_type="application/json")

    app = Starlette(routes=[Route("/score", score, methods=["POST"])])
    uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[2]), loop="uvloop", http="httptools", log_level="warning")
''')


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(port: int, path: str, timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", path)
            connection.getresponse().read()
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"nothing answers on port {port}")


def post(url: str, body: bytes, headers: dict[str, str]) -> bytes:
    host, port = url.removeprefix("http://").split("/")[0].split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=60)
    connection.request("POST", "/" + url.split("/", 3)[3], body, {"Content-Type": "application/json", **headers})
    response = connection.getresponse()
    data = response.read()
    if response.status != 200:
        raise RuntimeError(f"{url}: {response.status} {data[:300]!r}")
    return data


def load(url: str, body: bytes, headers: dict[str, str], seconds: int, folder: Path) -> dict[str, float]:
    """wrk, 2 threads, 8 keep-alive connections, POSTing `body`: requests/s, p50 and p99 (ms), failed requests."""
    post(url, body, headers)  # answers, and warms up
    script = folder / "post.lua"
    lines = ['wrk.method = "POST"', f"wrk.body = {lua_string(body.decode())}",
             'wrk.headers["Content-Type"] = "application/json"',
             *(f'wrk.headers["{k}"] = {lua_string(v)}' for k, v in headers.items())]
    script.write_text("\n".join(lines) + "\n")
    out = subprocess.run(["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{seconds}s", "--latency", "-s", str(script), url],
                         capture_output=True, text=True, check=True).stdout
    failed = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = re.search(r"Socket errors: .*", out)
    return {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
            "p50": latency(out, "50%"), "p99": latency(out, "99%"),
            "failed": int(failed.group(1)) if failed else 0, "socket_errors": errors.group(0) if errors else ""}


def lua_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def latency(out: str, percentile: str) -> float:
    value, unit = re.search(rf"^\s+{percentile}\s+([\d.]+)(us|ms|s)\s*$", out, re.M).groups()
    return float(value) * {"us": 1e-3, "ms": 1.0, "s": 1e3}[unit]


def linear_form(model, features: list[str], row: dict) -> dict:
    """The fitted pipeline as intercept + weights . numbers + a value per level of its one text column (probed from
    the pipeline's own predictions, so the bare app computes exactly what it does)."""
    numeric = [f for f in features if not isinstance(row[f], str)]
    (categorical,) = [f for f in features if isinstance(row[f], str)]
    levels = model.named_steps["features"].named_transformers_["categorical"].named_steps["encode"].categories_[0]
    base = {**dict.fromkeys(numeric, 0.0), categorical: levels[0]}

    def predict(**changed) -> float:
        return float(model.predict(pd.DataFrame([{**base, **changed}]))[0])
    intercept = predict()
    return {"numeric": numeric, "categorical": categorical, "intercept": intercept,
            "weights": [predict(**{n: 1.0}) - intercept for n in numeric],
            "levels": {str(level): predict(**{categorical: level}) - intercept for level in levels}}


def in_process(function, repeat: int = 200) -> float:
    """Median milliseconds of `function()`."""
    function()
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return float(np.median(times) * 1000)


def start_mlflow(model_path: Path, folder: Path) -> tuple[subprocess.Popen | None, str]:
    """MLflow's scoring server on the same fitted pipeline; (None, why) when MLflow is not installed."""
    if not Path(MLFLOW_PYTHON).exists():
        return None, f"skipped: no MLflow Python at {MLFLOW_PYTHON} (set MLFLOW_PYTHON)"
    saved = folder / "mlflow-model"
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1]),  # the pipeline pickles nodes' functions
           "PATH": f"{Path(MLFLOW_PYTHON).parent}{os.pathsep}{os.environ.get('PATH', '')}"}  # its uvicorn
    saving = subprocess.run([MLFLOW_PYTHON, "-c", "import sys, joblib, mlflow.sklearn; "
                             "mlflow.sklearn.save_model(joblib.load(sys.argv[1]), sys.argv[2], serialization_format='cloudpickle')", str(model_path),
                             str(saved)], env=env, capture_output=True, text=True)
    if saving.returncode:
        return None, f"skipped: MLflow could not save the model ({saving.stderr.strip().splitlines()[-1]})"
    port = free_port()
    process = subprocess.Popen([str(Path(MLFLOW_PYTHON).parent / "mlflow"), "models", "serve", "-m", str(saved),
                                "--env-manager", "local", "-h", "127.0.0.1", "-p", str(port)], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_for(port, "/ping")
    return process, f"http://127.0.0.1:{port}/invocations"


def main(seconds: int) -> None:
    if shutil.which("wrk") is None:
        print("online scoring: skipped, it needs wrk (apt-get install -y wrk)")  # make bench goes on
        return
    processes: list[subprocess.Popen] = []
    with tempfile.TemporaryDirectory() as tmp, Workspace(Path(tmp) / "ws") as workspace:
        folder = Path(tmp)
        engine = Engine(workspace)
        training = engine.submit(sample_pipelines()[SAMPLE]).wait()
        assert training.status == "Completed", training.error
        inference, _ = create_inference_pipeline(workspace, training.id, "realtime")
        job = engine.submit(inference).wait()
        assert job.status == "Completed", job.error
        online = OnlineEndpoints(workspace, engine.registry)
        _, key = online.deploy(job.id, "fuel")
        _, general_key = online.deploy(job.id, "fuel-general")
        _, token = Tokens(workspace.store).create("bench")
        server = Server(workspace, engine, port=0)
        url = server.start()
        live = server.app.state.live
        while live.state("fuel", 1)[0] != "Healthy" or live.state("fuel-general", 1)[0] != "Healthy":
            live.refresh("fuel", 1), live.refresh("fuel-general", 1)
            time.sleep(0.05)
        compiled = live.serving("fuel", 1).deployment
        live.serving("fuel-general", 1).deployment.compiled = None  # this endpoint: the general path
        model = engine.output(training.id, next(s.node_id for s in training.steps if s.name == "Train Model"),
                              "Trained model")
        features = [c.name for c in model.features]
        rows = json.loads(engine.output(training.id, next(s.node_id for s in training.steps if s.name == "Score Model"),
                                        "Scored dataset").frame.drop(columns=["Scored Labels"]).assign(Name="a car")
                          .to_json(orient="records"))
        row = rows[0]
        body = orjson.dumps({"Inputs": {INPUT: [row]}})
        path_shown = json.loads(_get(url, "/endpoints/fuel", token))["scoring_path"]
        model_path = folder / "model.joblib"
        joblib.dump(model.pipeline, model_path)
        bare_model = folder / "linear.json"
        bare_model.write_bytes(orjson.dumps(linear_form(model.pipeline, features, row)))
        (folder / "bare.py").write_text(BARE_APP)
        bare_port = free_port()
        processes.append(subprocess.Popen([sys.executable, str(folder / "bare.py"), str(bare_model), str(bare_port)]))
        results: dict[str, dict | str] = {}
        try:
            wait_for(bare_port, "/")
            bare_url = f"http://127.0.0.1:{bare_port}/score"
            bare_scores = orjson.loads(post(bare_url, body, {}))["Results"]["WebServiceOutput0"][0]["Scored Labels"]
            assert abs(bare_scores - model.pipeline.predict(pd.DataFrame([row])[features])[0]) < 1e-6
            targets = {"general": (f"{url}/endpoints/fuel-general/score", body, {"Authorization": f"Bearer {general_key}"}),
                       "compiled": (f"{url}/endpoints/fuel/score", body, {"Authorization": f"Bearer {key}"}),
                       "bare": (bare_url, body, {})}
            mlflow, where = start_mlflow(model_path, folder)
            if mlflow is None:
                results["mlflow"] = where
            else:
                processes.append(mlflow)
                targets["mlflow"] = (where, orjson.dumps({"dataframe_records": [{f: row[f] for f in features}]}), {})
            for _ in range(ROUNDS):  # interleaved, so that every target sees the machine's load alike
                for name, (target, target_body, headers) in targets.items():
                    figures = load(target, target_body, headers, seconds, folder)
                    if name not in results or figures["rps"] > results[name]["rps"]:
                        results[name] = figures
        finally:
            for process in processes:
                process.terminate()
                process.wait(30)

        one_row = pd.DataFrame([row])[features]
        predict_ms = in_process(lambda: model.pipeline.predict(one_row))
        many = (rows * (1000 // len(rows) + 1))[:1000]
        big_body = orjson.dumps({"Inputs": {INPUT: many}})
        big_frame = pd.DataFrame(many)

        def in_process_1000() -> bytes:
            scored = big_frame.assign(**{"Scored Labels": model.pipeline.predict(big_frame[features])})
            return encode({"Results": {"WebServiceOutput0": Scored(
                {str(c): scored[c].tolist() for c in scored.columns}, []).records()}})
        big_ms = {name: in_process(lambda k=k, e=e: post(f"{url}/endpoints/{e}/score", big_body,
                                                         {"Authorization": f"Bearer {k}"}), 20)
                  for name, e, k in (("compiled", "fuel", key), ("general", "fuel-general", general_key))}
        local_ms = in_process(in_process_1000, 20)
        server.stop()
        engine.close()
    report(results, path_shown, compiled.path, predict_ms, big_ms, local_ms, seconds)


def _get(url: str, path: str, token: str) -> bytes:
    host, port = url.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=60)
    connection.request("GET", path, headers={"Authorization": f"Bearer {token}"})
    return connection.getresponse().read()


def report(results: dict, path_shown: str, path: str, predict_ms: float, big_ms: dict[str, float], local_ms: float,
           seconds: int) -> None:
    print(f"online scoring, fuel-economy endpoint, one row per request, wrk -t2 -c{CONNECTIONS} -d{seconds}s, "
          f"loopback keep-alive, {os.cpu_count()} cores, best of {ROUNDS} interleaved runs")
    print(f"  endpoint fuel reports scoring_path={path_shown!r} (deployment path {path!r})")
    mlflow, bare = results.get("mlflow"), results["bare"]
    for name, label in (("general", "Designer, general path"), ("compiled", "Designer, compiled path"),
                        ("bare", "bare Starlette+uvicorn+orjson+NumPy"), ("mlflow", "MLflow models serve")):
        figures = results[name]
        if isinstance(figures, str):
            print(f"  {label:38s}: {figures}")
            continue
        ratios = f"{figures['rps'] / bare['rps']:.2f}x bare"
        if isinstance(mlflow, dict):
            ratios += f", {figures['rps'] / mlflow['rps']:.1f}x MLflow"
        failed = f", {figures['failed']} failed" if figures["failed"] else ""
        print(f"  {label:38s}: {figures['rps']:8.0f} req/s  p50 {figures['p50']:6.2f} ms  p99 {figures['p99']:6.2f} ms"
              f"  ({ratios}{failed}) {figures['socket_errors']}")
    print(f"  in-process sklearn predict of one row   : {predict_ms:6.2f} ms")
    print("  1,000-row request (sequential, median of 20):")
    for name, ms in big_ms.items():
        print(f"    Designer {name:8s}: {ms:6.1f} ms  ({ms / local_ms:.2f}x in-process predict + JSON encoding"
              f" {local_ms:.1f} ms; goal <= 1.5x)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
