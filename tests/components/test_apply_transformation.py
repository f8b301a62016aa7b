import pandas as pd

from nodes.components.scoring.apply_transformation import COMPONENT
from nodes.components.transformation.clean_missing_data import COMPONENT as CLEAN
from nodes.components.transformation.normalize_data import COMPONENT as NORMALIZE
from nodes.context import DesignContext, RunContext
from nodes.table import Role, Table
from tests.components.transform_data import configure, error_code, gappy_frame, gappy_table, run, run_checked


def fitted(component, **values):
    outputs = run(component, {"Dataset": gappy_table()}, values)
    return next(v for v in outputs.values() if not isinstance(v, Table))


def test_other_columns_pass_through_and_roles_follow_the_fit():
    transform = fitted(NORMALIZE, **{"Columns to transform": ["num"]})
    frame = gappy_frame()[["label", "city", "num"]]
    out = run_checked(COMPONENT, {"Transformation": transform, "Dataset": Table(frame, {"city": Role.LABEL})}, {})
    result = out["Transformed dataset"]
    pd.testing.assert_frame_equal(result.frame[["label", "city"]], frame[["label", "city"]])
    assert result.roles == {"city": Role.LABEL}


def test_missing_column_is_error_0001():
    transform = fitted(CLEAN, **{"Columns to be cleaned": ["num", "city"]})
    data = Table(gappy_frame().drop(columns="city"))
    assert error_code(COMPONENT.run, RunContext(), {"Transformation": transform, "Dataset": data},
                      COMPONENT.resolve_params({})[0]) == 1
    assert error_code(COMPONENT.configure, DesignContext(),
                      {"Transformation": transform.schema, "Dataset": data.schema},
                      COMPONENT.resolve_params({})[0]) == 1


def test_unknown_inputs_give_unknown_schema():
    assert configure(COMPONENT, {"Transformation": None, "Dataset": gappy_table().schema}) == {
        "Transformed dataset": None}
