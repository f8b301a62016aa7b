import pickle

import pandas as pd

from nodes.components.scoring.apply_transformation import COMPONENT as APPLY
from nodes.components.transformation.select_columns_transform import COMPONENT
from nodes.context import RunContext
from nodes.table import Role, Table
from tests.components.transform_data import configure, error_code, gappy_frame, gappy_table, resolved, run

TRANSFORM = "Columns selection transformation"


def test_replays_the_column_subset_on_new_data():
    fitted = Table(gappy_frame()[["label", "city"]], {"label": Role.LABEL})
    transform = pickle.loads(pickle.dumps(run(COMPONENT, {"Dataset with desired columns": fitted})[TRANSFORM]))
    assert configure(COMPONENT, {"Dataset with desired columns": fitted.schema})[TRANSFORM] == transform.schema
    inputs = {"Transformation": transform, "Dataset": gappy_table()}
    out = run(APPLY, inputs)["Transformed dataset"]
    pd.testing.assert_frame_equal(out.frame, gappy_frame()[["label", "city"]])
    assert out.roles == {"label": Role.LABEL}
    assert configure(APPLY, {"Transformation": transform.schema, "Dataset": gappy_table().schema})[
        "Transformed dataset"] == out.schema


def test_a_missing_column_is_error_0001():
    transform = run(COMPONENT, {"Dataset with desired columns": gappy_table()})[TRANSFORM]
    inputs = {"Transformation": transform, "Dataset": Table(gappy_frame().drop(columns="num"))}
    assert error_code(APPLY.run, RunContext(), inputs, resolved(APPLY, {})) == 1


def test_empty_data_set_gives_an_empty_selection():
    transform = run(COMPONENT, {"Dataset with desired columns": Table(gappy_frame().iloc[0:0, :2])})[TRANSFORM]
    out = run(APPLY, {"Transformation": transform, "Dataset": gappy_table()})["Transformed dataset"]
    assert list(out.frame.columns) == ["num", "count"] and len(out.frame) == 8
