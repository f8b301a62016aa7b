"""Filter Based Feature Selection: each method's scores against scipy / scikit-learn / pandas computed directly,
the best features kept with the target, and its errors."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy.stats import chi2_contingency, kendalltau, pearsonr, spearmanr
from sklearn.feature_selection import mutual_info_classif, mutual_info_regression

from nodes.columns import ColumnSelection
from nodes.components.feature_selection.filter_based_feature_selection import COMPONENT
from nodes.errors import ComponentError
from nodes.table import Role, Table
from tests.components.ml_data import ml_frame
from tests.components.transform_data import configure, run, run_checked

METHOD, TARGET, DESIRED = "Feature scoring method", "Target column", "Number of desired features"
FILTERED, FEATURES = "Filtered dataset", "Features"


def table() -> Table:
    return Table(ml_frame(80), {"cls": Role.LABEL})


def select(method: str, target: str = "y", **values) -> dict:
    return run(COMPONENT, {"Dataset": table()}, {METHOD: method, TARGET: [target], **values})


def scores(outputs: dict) -> dict[str, float]:
    frame = outputs[FEATURES].frame
    return dict(zip(frame["Feature"], frame["Score"], strict=True))


@pytest.mark.parametrize(("method", "statistic"), [("PearsonCorrelation", pearsonr),
                                                   ("SpearmanCorrelation", spearmanr),
                                                   ("KendallCorrelation", kendalltau)])
def test_correlations_match_scipy_on_pairwise_complete_rows(method, statistic):
    frame = ml_frame(80)
    found = scores(select(method))
    assert set(found) == {"x1", "x2"}  # the numeric features; the label cls is not a feature
    for name in ("x1", "x2"):
        pair = frame[[name, "y"]].dropna()
        assert found[name] == pytest.approx(abs(statistic(pair[name], pair["y"])[0]))


def test_mutual_information_matches_scikit_learn():
    frame = ml_frame(80)
    found = scores(select("MutualInformation", "cls", **{"Operate on feature columns only": False}))
    expected = {}
    for name in ("x1", "x2", "colour", "size", "y"):
        pair = frame[[name, "cls"]].dropna()
        continuous = pd.api.types.is_float_dtype(pair[name].dtype)
        x = pair[name].to_numpy(float) if continuous else pd.factorize(pair[name], sort=True)[0].astype(float)
        expected[name] = mutual_info_classif(x.reshape(-1, 1), pd.factorize(pair["cls"], sort=True)[0],
                                             discrete_features=[not continuous], random_state=0)[0]
    assert found == pytest.approx(expected)
    on_y = scores(select("MutualInformation", "y"))
    pair = frame[["x2", "y"]]
    assert on_y["x2"] == pytest.approx(mutual_info_regression(pair[["x2"]], pair["y"], random_state=0)[0])


def test_chi_squared_matches_scipy_on_binned_columns():
    frame = ml_frame(80)
    found = scores(select("ChiSquared", "cls", **{"Operate on feature columns only": False}))
    pair = frame[["x2", "cls"]].dropna()
    crosstab = pd.crosstab(pd.qcut(pair["x2"], 10, labels=False), pair["cls"])
    assert found["x2"] == pytest.approx(chi2_contingency(crosstab, correction=False).statistic)
    pair = frame[["colour", "cls"]].dropna()
    assert found["colour"] == pytest.approx(
        chi2_contingency(pd.crosstab(pair["colour"], pair["cls"]), correction=False).statistic)


def test_count_based_counts_non_zero_values_without_a_target():
    frame = pd.DataFrame({"a": [0, 1, 2, None], "b": [0.0, 0.0, 3.0, 0.0], "c": ["x", "", None, "y"],
                          "d": [True, False, True, True]})
    outputs = run(COMPONENT, {"Dataset": Table(frame)},
                  {METHOD: "CountBased", DESIRED: 3, "Minimum number of non-zero elements": 2})
    assert scores(outputs) == {"d": 3.0, "a": 2.0, "c": 2.0, "b": 1.0}
    assert list(outputs[FILTERED].frame.columns) == ["a", "c", "d"]


def test_the_best_features_are_kept_in_the_data_sets_order_with_the_target():
    outputs = select("PearsonCorrelation", **{DESIRED: 1})
    found = scores(outputs)
    best = max(found, key=found.get)
    assert list(outputs[FILTERED].frame.columns) == [best, "y"]
    assert list(outputs[FEATURES].frame["Score"]) == sorted(found.values(), reverse=True)
    all_kept = run_checked(COMPONENT, {"Dataset": table()}, {METHOD: "PearsonCorrelation", TARGET: ["y"], DESIRED: 5})
    assert list(all_kept[FILTERED].frame.columns) == ["x1", "x2", "y"]
    assert all_kept[FILTERED].roles == {}  # y is the target here; cls, the label, was not kept


def test_an_all_missing_or_constant_feature_scores_zero():
    frame = ml_frame(40).assign(gone=np.nan, flat=1.0)
    found = scores(run(COMPONENT, {"Dataset": Table(frame)}, {METHOD: "PearsonCorrelation", TARGET: ["y"]}))
    assert found["gone"] == 0.0 and found["flat"] == 0.0


@pytest.mark.parametrize(("values", "code"), [
    ({TARGET: ColumnSelection.types("TimeSpan").to_dict()}, 11),
    ({TARGET: ["x1", "x2"]}, 22),
    ({TARGET: ["nope"]}, 1),
    ({TARGET: ["colour"]}, 17),  # a correlation needs a numeric target
])
def test_target_errors_are_coded_at_design_time(values, code):
    values = {METHOD: "PearsonCorrelation", **values}
    schema = table().schema
    for call, inputs in ((configure, {"Dataset": schema}), (run, {"Dataset": table()})):
        with pytest.raises(ComponentError) as caught:
            call(COMPONENT, inputs, values)
        assert caught.value.code == code


def test_no_numeric_feature_for_a_correlation_is_error_0020():
    frame = pd.DataFrame({"colour": ["a", "b"], "y": [1.0, 2.0]})
    with pytest.raises(ComponentError) as caught:
        run(COMPONENT, {"Dataset": Table(frame)}, {METHOD: "PearsonCorrelation", TARGET: ["y"]})
    assert caught.value.code == 20


def test_an_empty_table_scores_zero_everywhere():
    empty = Table(ml_frame(10).iloc[0:0])
    for method in ("PearsonCorrelation", "MutualInformation", "ChiSquared", "CountBased"):
        found = scores(run(COMPONENT, {"Dataset": empty}, {METHOD: method, TARGET: ["y"]}))
        assert found and set(found.values()) == {0.0}
