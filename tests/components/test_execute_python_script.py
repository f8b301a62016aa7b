"""Execute Python Script: the azureml_main contract, both outputs, the bundle on sys.path, prints and warnings in
the step log, errors naming the script's line, a hard stop on cancel, and the pictures the script saves."""
from __future__ import annotations

import io
import threading
import time
import zipfile

import pandas as pd
import pytest
from PIL import Image

from engine.step_logs import capture
from nodes.components.python_language.execute_python_script import COMPONENT
from nodes.context import RunContext
from nodes.errors import Cancelled, ComponentError
from nodes.table import Table
from tests.components.transform_data import configure, gappy_table, resolved

SCRIPT = "Python script"
FRAME = pd.DataFrame({"x": [1, 2, 3], "y": ["a", "b", "c"]})


def execute(script: str, *, ctx: RunContext | None = None, **inputs) -> dict:
    return COMPONENT.run(ctx or RunContext(), inputs, resolved(COMPONENT, {SCRIPT: script, **inputs.pop("_", {})}))


def failure(script: str, **inputs) -> ComponentError:
    with pytest.raises(ComponentError) as caught:
        execute(script, **inputs)
    return caught.value


def test_both_data_sets_in_and_out_as_pandas_computes_them():
    script = ("def azureml_main(dataframe1=None, dataframe2=None):\n"
              "    joined = dataframe1.merge(dataframe2, on='x')\n"
              "    return joined, dataframe2.describe()\n")
    other = pd.DataFrame({"x": [1, 3], "w": [0.5, 1.5]})
    out = execute(script, Dataset1=Table(FRAME), Dataset2=Table(other))
    pd.testing.assert_frame_equal(out["Result Dataset"].frame, FRAME.merge(other, on="x"))
    pd.testing.assert_frame_equal(out["Python Device"].frame, other.describe().reset_index(drop=True))
    assert out["Plots"].frame.empty


def test_unconnected_ports_pass_none_and_one_frame_leaves_the_device_empty():
    out = execute("import pandas as pd\ndef azureml_main(a, b):\n    return pd.DataFrame({'a': [a is None], "
                  "'b': [b is None]}),\n")
    assert out["Result Dataset"].frame.to_dict("list") == {"a": [True], "b": [True]}
    assert out["Python Device"].frame.shape == (0, 0)


def test_the_default_script_returns_its_input():
    out = COMPONENT.run(RunContext(), {"Dataset1": gappy_table()}, resolved(COMPONENT, {}))
    pd.testing.assert_frame_equal(out["Result Dataset"].frame, gappy_table().frame)


def test_prints_and_warnings_go_to_the_step_log():
    with capture() as log:
        execute("import sys, warnings\ndef azureml_main(a, b):\n    print('rows:', len(a))\n"
                "    print('to stderr', file=sys.stderr)\n    warnings.warn('careful now')\n    return a,\n",
                Dataset1=Table(FRAME))
    text = log.getvalue()
    assert "rows: 3" in text and "to stderr" in text and "UserWarning: careful now" in text


@pytest.mark.parametrize(("script", "expected"), [
    ("def azureml_main(a, b):\n    x = 1\n    return a['missing'],\n",
     "KeyError: 'missing' (Python script, line 3)"),
    ("def azureml_main(a, b)\n    return a,\n", "SyntaxError: expected ':' (Python script, line 1)"),
    ("import no_such_module_here\n", "ModuleNotFoundError: No module named 'no_such_module_here' (Python script, line 1)"),
    ("def main(a, b):\n    return a,\n", "The script does not define azureml_main(dataframe1, dataframe2)."),
    ("def azureml_main(a, b):\n    return 42\n", "azureml_main must return one or two pandas DataFrames"),
    ("def azureml_main(a, b):\n    return a, a, a\n", "azureml_main must return one or two pandas DataFrames"),
    ("import sys\ndef azureml_main(a, b):\n    sys.exit(3)\n", "SystemExit: 3 (Python script, line 3)"),
    ("import os\ndef azureml_main(a, b):\n    os._exit(9)\n", "ended without an answer (exit code 9)"),
])
def test_a_failing_script_is_error_0085_naming_the_line(script, expected):
    error = failure(script, Dataset1=Table(FRAME))
    assert error.code == 85 and expected in error.message and error.parameter == SCRIPT


def test_duplicate_column_names_are_error_0028():
    error = failure("import pandas as pd\ndef azureml_main(a, b):\n    return pd.DataFrame([[1, 2]], "
                    "columns=['x', 'x']),\n")
    assert error.code == 28 and "x" in error.message


def test_cancel_kills_the_script_at_once():
    cancel = threading.Event()
    threading.Timer(1.0, cancel.set).start()
    started = time.monotonic()
    with pytest.raises(Cancelled):
        execute("import time\ndef azureml_main(a, b):\n    while True:\n        time.sleep(0.01)\n",
                ctx=RunContext(cancel_event=cancel))
    assert time.monotonic() - started < 30


def test_the_bundle_is_unpacked_and_importable(tmp_path):
    bundle = tmp_path / "bundle.zip"
    with zipfile.ZipFile(bundle, "w") as archive:
        archive.writestr("helpers.py", "def double(frame):\n    return frame.assign(x=frame.x * 2)\n")
        archive.writestr("table.csv", "q\n7\n")
    script = ("import pandas as pd\nimport helpers\ndef azureml_main(a, b):\n"
              "    return helpers.double(a), pd.read_csv('Script Bundle/table.csv')\n")
    out = execute(script, Dataset1=Table(FRAME), _={"Script Bundle": str(bundle)})
    assert out["Result Dataset"].frame["x"].tolist() == [2, 4, 6]
    assert out["Python Device"].frame["q"].tolist() == [7]


def test_a_bad_bundle_is_error_0102_at_design_time(tmp_path):
    (tmp_path / "not.zip").write_text("plain text")
    with pytest.raises(ComponentError) as caught:
        configure(COMPONENT, {}, {"Script Bundle": str(tmp_path / "not.zip")})
    assert (caught.value.code, caught.value.parameter) == (102, "Script Bundle")


def test_the_bundle_is_part_of_the_content_key(tmp_path):
    bundle = tmp_path / "b.zip"
    keys = []
    for body in ("x = 1\n", "x = 2\n"):
        with zipfile.ZipFile(bundle, "w") as archive:
            archive.writestr("m.py", body)
        keys.append(COMPONENT.content_key(None, resolved(COMPONENT, {"Script Bundle": str(bundle)})))
    assert keys[0] != keys[1]


def test_saved_pictures_and_open_figures_are_the_plots_output():
    script = ("import matplotlib.pyplot as plt\nimport os\n"
              "def azureml_main(a, b):\n"
              "    plt.plot(a['x'])\n    os.makedirs('graphs')\n    plt.savefig('graphs/line.png')\n"
              "    plt.figure(); plt.bar([1, 2], [3, 4])\n"
              "    return a,\n")
    out = execute(script, Dataset1=Table(FRAME))
    plots = out["Plots"].frame
    assert plots["Name"].tolist() == ["graphs/line.png", "Figure 1.png", "Figure 2.png"]
    for data in plots["Image"]:
        assert Image.open(io.BytesIO(data)).format == "PNG"
    assert configure(COMPONENT, {}, {})["Plots"] == out["Plots"].schema
