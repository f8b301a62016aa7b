import re

import numpy as np
import pandas as pd
import pytest
from sklearn.model_selection import train_test_split

from nodes.components.transformation.split_data import COMPONENT
from nodes.context import DesignContext, RunContext
from nodes.table import Role, Table
from tests.components.transform_data import error_code, gappy_frame, gappy_table, resolved, run_checked

FIRST, SECOND = "Results dataset1", "Results dataset2"
FRACTION = "Fraction of rows in the first output dataset"


def split(table: Table, **values) -> tuple[pd.DataFrame, pd.DataFrame]:
    out = run_checked(COMPONENT, {"Dataset": table}, values)
    assert out[FIRST].roles == table.roles == out[SECOND].roles
    return out[FIRST].frame, out[SECOND].frame


def numbered(rows: int) -> Table:
    return Table(pd.DataFrame({"id": range(rows), "group": ["a", "b", "b", "c"] * (rows // 4)}))


@pytest.mark.parametrize(("fraction", "seed"), [(0.5, 0), (0.6, 7), (0.75, 4294967295)])
def test_randomized_split_matches_train_test_split(fraction, seed):
    first, second = split(numbered(40), **{FRACTION: fraction, "Random seed": seed})
    train, test = train_test_split(np.arange(40), train_size=fraction, random_state=seed)
    assert first["id"].tolist() == sorted(train)
    assert second["id"].tolist() == sorted(test)


def test_ordered_split_keeps_order():
    first, second = split(gappy_table(), **{FRACTION: 0.25, "Randomized split": False})
    pd.testing.assert_frame_equal(first, gappy_frame().iloc[:2])
    pd.testing.assert_frame_equal(second, gappy_frame().iloc[2:].reset_index(drop=True))


@pytest.mark.parametrize("randomized", [True, False])
def test_stratified_split_keeps_fraction_per_class(randomized):
    first, second = split(numbered(40), **{FRACTION: 0.5, "Stratified split": "True", "Randomized split": randomized,
                                           "Stratification key column": ["group"]})
    assert first["group"].value_counts().to_dict() == {"b": 10, "a": 5, "c": 5}
    assert sorted(first["id"].tolist() + second["id"].tolist()) == list(range(40))
    if not randomized:
        assert first["id"].tolist() == list(range(20))


def test_stratified_split_with_missing_keys():
    first, _ = split(gappy_table(), **{FRACTION: 0.5, "Stratified split": "True",
                                       "Stratification key column": ["kind"]})
    assert first["kind"].value_counts(dropna=False).to_dict() == {"a": 1, "b": 1, np.nan: 1}


def test_fraction_edges():
    first, second = split(gappy_table(), **{FRACTION: 0.0})
    assert first.empty and len(second) == 8
    first, second = split(gappy_table(), **{FRACTION: 1.0})
    assert len(first) == 8 and second.empty


@pytest.mark.parametrize(("expression", "query"), [
    ('\\"num" > 3', "num > 3"),
    ('\\"num" >= 3 & \\"label" == 0', "num >= 3 and label == 0"),
    ('\\"num" < 2 | \\"count" >= 4 & \\"label" != 0', "num < 2 or (count >= 4 and label != 0)"),
    ('\\"city" == Oslo', "city == 'Oslo'"),
    ('\\"city" != "Rome"', "city != 'Rome' and city == city"),
    ('(\\0) <= 3.5', "num <= 3.5"),
    ('\\"kind" == a', "kind == 'a'"),
])
def test_relative_expression_matches_pandas_query(expression, query):
    frame = gappy_frame()
    first, second = split(gappy_table(), **{"Splitting mode": "Relative Expression",
                                            "Relational expression": expression})
    mask = frame.eval(query).fillna(False).astype(bool)
    pd.testing.assert_frame_equal(first, frame[mask].reset_index(drop=True))
    pd.testing.assert_frame_equal(second, frame[~mask].reset_index(drop=True))


@pytest.mark.parametrize(("expression", "pattern", "column"), [
    ('\\"city" ^O', "^O", "city"),
    ('\\"city" m', "m", "city"),
    ('(\\3) a|b', "a|b", "kind"),
])
def test_regular_expression_matches_re_search(expression, pattern, column):
    frame = gappy_frame()
    first, _ = split(gappy_table(), **{"Splitting mode": "Regular Expression", "Regular expression": expression})
    mask = frame[column].astype(object).map(lambda v: isinstance(v, str) and re.search(pattern, v) is not None)
    pd.testing.assert_frame_equal(first, frame[mask.astype(bool)].reset_index(drop=True))


@pytest.mark.parametrize(("values", "code"), [
    ({"Splitting mode": "Relative Expression", "Relational expression": '\\"nope" > 3'}, 1),
    ({"Splitting mode": "Relative Expression", "Relational expression": "(\\9) > 3"}, 1),
    ({"Splitting mode": "Relative Expression", "Relational expression": '\\"city" > 3'}, 17),
    ({"Splitting mode": "Relative Expression", "Relational expression": '\\"num" > abc'}, 2),
    ({"Splitting mode": "Relative Expression", "Relational expression": '\\"num" 3'}, 2),
    ({"Splitting mode": "Regular Expression", "Regular expression": '\\"city" ('}, 2),
    ({"Splitting mode": "Regular Expression", "Regular expression": '\\"nope" x'}, 1),
    ({"Stratified split": "True", "Stratification key column": ["nope"]}, 1),
    ({"Stratified split": "True", "Stratification key column": ["num", "city"]}, 22),
])
def test_errors(values, code):
    params = resolved(COMPONENT, values)
    assert error_code(COMPONENT.configure, DesignContext(), {"Dataset": gappy_table().schema}, params) == code
    assert error_code(COMPONENT.run, RunContext(), {"Dataset": gappy_table()}, params) == code


def test_parameter_visibility_and_required_key():
    params, problems = COMPONENT.resolve_params({"Stratified split": "True"})
    assert [p.code for p in problems] == [3] and problems[0].parameter == "Stratification key column"
    params, _ = COMPONENT.resolve_params({"Splitting mode": "Regular Expression"})
    assert params[FRACTION] is None and params["Regular expression"] == '\\"column name" ^start'
    assert COMPONENT.pass_through_in_inference


def test_roles_survive():
    table = Table(gappy_frame(), {"label": Role.LABEL, "num": Role.WEIGHT})
    split(table)
