import pickle

import numpy as np
import pandas as pd
import pytest

from nodes.columns import ColumnSelection
from nodes.components.scoring.apply_transformation import COMPONENT as APPLY
from nodes.components.transformation.convert_to_indicator_values import COMPONENT
from nodes.context import DesignContext, RunContext
from nodes.table import Role, Table
from tests.components.transform_data import configure, error_code, gappy_frame, gappy_table, resolved, run, run_checked

PICK, OVERWRITE = "Categorical columns to convert", "Overwrite categorical columns"
OUT, TRANSFORM = "Results dataset", "Indicator values transformation"


def convert(table: Table, **values) -> dict:
    return run(COMPONENT, {"Dataset": table}, values)


def test_matches_get_dummies_and_replays():
    frame = gappy_frame()
    out = convert(gappy_table(), **{PICK: ["city", "kind"]})
    dummies = pd.get_dummies(frame[["city", "kind"]], prefix_sep="-", dtype=np.int64)
    expected = pd.concat([frame, dummies], axis=1)
    pd.testing.assert_frame_equal(out[OUT].frame, expected)
    assert out[OUT].roles == {"label": Role.LABEL}

    fresh = Table(frame.assign(city=["Rome", "Paris", None, "Oslo", "Lima", "Rome", "Oslo", "Oslo"]))
    transform = pickle.loads(pickle.dumps(out[TRANSFORM]))
    replayed = run_checked(APPLY, {"Transformation": transform, "Dataset": fresh})["Transformed dataset"].frame
    assert replayed["city-Rome"].tolist() == [1, 0, 0, 0, 0, 1, 0, 0]
    assert replayed["city-Oslo"].tolist() == [0, 0, 0, 1, 0, 0, 1, 1]  # Paris, never seen, is 0 everywhere


def test_overwrite_drops_the_source_columns():
    out = convert(gappy_table(), **{PICK: ["kind"], OVERWRITE: True})[OUT].frame
    assert list(out.columns) == ["num", "count", "city", "flag", "label", "kind-a", "kind-b"]


def test_categorical_numbers_and_unused_categories():
    table = Table(pd.DataFrame({"n": pd.Series([3, 1, 3], dtype="category").cat.add_categories([7])}))
    out = convert(table, **{PICK: ["n"]})[OUT].frame
    assert list(out.columns) == ["n", "n-1", "n-3", "n-7"] and out["n-7"].tolist() == [0, 0, 0]


def test_names_already_taken_get_a_suffix_and_non_ascii_levels():
    text = b"Z\xfcrich".decode("latin-1")
    table = Table(pd.DataFrame({"c": [text, "b"], "c-b": [1, 2]}))
    out = convert(table, **{PICK: ["c"]})[OUT].frame
    assert list(out.columns) == ["c", "c-b", f"c-{text}", "c-b_1"]  # levels in sorted order


def test_empty_and_all_missing():
    out = convert(Table(gappy_frame().iloc[0:0]), **{PICK: ["city"]})[OUT].frame
    assert list(out.columns) == list(gappy_frame().columns)
    gaps = convert(Table(pd.DataFrame({"g": pd.Series([None, None], dtype="str")})), **{PICK: ["g"]})[OUT].frame
    assert list(gaps.columns) == ["g"]


def test_design_schemas_are_unknown():
    assert configure(COMPONENT, {"Dataset": gappy_table().schema}) == {OUT: None, TRANSFORM: None}


@pytest.mark.parametrize(("values", "code"), [
    ({PICK: ["nope"]}, 1), ({PICK: ["num"]}, 56), ({PICK: ColumnSelection.types("DateTime")}, 11),
])
def test_errors(values, code):
    params = resolved(COMPONENT, values)
    assert error_code(COMPONENT.configure, DesignContext(), {"Dataset": gappy_table().schema}, params) == code
    assert error_code(COMPONENT.run, RunContext(), {"Dataset": gappy_table()}, params) == code


def test_too_many_levels_is_error_0014():
    table = Table(pd.DataFrame({"id": [f"r{i}" for i in range(1001)]}))
    assert error_code(COMPONENT.run, RunContext(), {"Dataset": table}, resolved(COMPONENT, {PICK: ["id"]})) == 14
