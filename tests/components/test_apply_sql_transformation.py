import numpy as np
import pandas as pd
import pytest

from nodes.components.transformation.apply_sql_transformation import COMPONENT
from nodes.context import DesignContext, RunContext
from nodes.table import Table
from tests.components.transform_data import configure, error_code, gappy_frame, gappy_table, resolved, run

QUERY = "SQL query script"


def sql(query: str, **tables: Table) -> pd.DataFrame:
    return run(COMPONENT, tables, {QUERY: query})["Result_dataset"].frame


def test_select_all_round_trips_numbers_and_text():
    out = sql("select * from t1", t1=gappy_table())
    frame = gappy_frame()
    pd.testing.assert_series_equal(out["num"], frame["num"])
    assert out["count"].tolist() == frame["count"].tolist()
    assert out["city"].tolist() == frame["city"].tolist()
    assert out["flag"].astype("boolean").tolist() == frame["flag"].tolist()  # SQLite stores booleans as 0/1
    assert out["label"].dtype == np.int64


def test_group_by_matches_pandas():
    out = sql("select city, avg(num) as mean, count(*) as n from t1 where city is not null group by city "
              "order by city", t1=gappy_table())
    expected = gappy_frame().groupby("city").agg(mean=("num", "mean"), n=("num", "size")).reset_index()
    assert out["city"].tolist() == expected["city"].tolist()
    assert np.allclose(out["mean"], expected["mean"], equal_nan=True) and out["n"].tolist() == expected["n"].tolist()


def test_three_inputs_several_statements_and_duplicate_names():
    t2 = Table(pd.DataFrame({"city": ["Oslo", "Rome"], "country": ["NO", "IT"]}))
    t3 = Table(pd.DataFrame({"country": ["NO"], "note": ["a;b"]}))
    out = sql("create table c as select t2.*, note from t2 left join t3 on t2.country = t3.country;\n"
              "select t1.city, c.* from t1 join c on t1.city = c.city where label = 1;", t1=gappy_table(), t2=t2, t3=t3)
    assert list(out.columns) == ["city", "city_1", "country", "note"]
    assert out["note"].tolist() == ["a;b", "a;b"]
    assert out["country"].tolist() == ["NO", "NO"]


def test_odd_column_names_and_non_ascii_text():
    text = b"S\xe3o Paulo".decode("latin-1")
    t1 = Table(pd.DataFrame({"normalized-losses": [1.5, 2.5], "place": [text, "Lima"]}))
    out = sql('select [normalized-losses] * 2 as twice, "place" from t1 where place like \'S%\'', t1=t1)
    assert out.values.tolist() == [[3.0, text]]


def test_empty_and_all_missing():
    assert sql("select * from t1", t1=Table(gappy_frame().iloc[0:0])).shape == (0, 6)
    out = sql("select * from t1", t1=Table(pd.DataFrame({"gap": [np.nan, np.nan]})))
    assert out["gap"].isna().all() and len(out) == 2


def test_design_schema_is_unknown():
    assert configure(COMPONENT, {"t1": gappy_table().schema, "t2": None, "t3": None}) == {"Result_dataset": None}


@pytest.mark.parametrize(("query", "code"), [
    ("select nope from t1", 69),
    ("select * from t2", 69),
    ("selec * from t1", 69),
    ("create table x (a int)", 69),
    (" ; ", 3),
])
def test_errors(query, code):
    params = resolved(COMPONENT, {QUERY: query})
    assert error_code(COMPONENT.run, RunContext(), {"t1": gappy_table()}, params) == code
    if code == 3:
        assert error_code(COMPONENT.configure, DesignContext(), {"t1": gappy_table().schema}, params) == 3
