"""Filter Based Feature Selection: scores each feature against the target and keeps the best ones."""
from __future__ import annotations

from nodes.component import Component
from nodes.lazy import implemented_in
from nodes.params import Boolean, ColumnPicker, Int, Mode
from nodes.ports import DataFrame

DATASET = "Dataset"
FILTERED, FEATURES = "Filtered dataset", "Features"
FEATURES_ONLY, TARGET = "Operate on feature columns only", "Target column"
DESIRED, METHOD, MIN_NONZERO = "Number of desired features", "Feature scoring method", "Minimum number of non-zero elements"
PEARSON, MUTUAL, KENDALL = "PearsonCorrelation", "MutualInformation", "KendallCorrelation"
SPEARMAN, CHI_SQUARED, COUNT = "SpearmanCorrelation", "ChiSquared", "CountBased"
CORRELATIONS = {PEARSON: "pearson", SPEARMAN: "spearman", KENDALL: "kendall"}
WITH_TARGET = (PEARSON, MUTUAL, KENDALL, SPEARMAN, CHI_SQUARED)
FEATURE, SCORE = "Feature", "Score"

COMPONENT = Component(
    id="filter_based_feature_selection",
    name="Filter Based Feature Selection",
    category="Feature Selection",
    description="Scores every feature (correlation, mutual information or chi-squared with the target, or its count "
                "of non-zero values) and keeps the best ones with the target; the scores are the second output.",
    inputs=(DataFrame(DATASET),),
    outputs=(DataFrame(FILTERED, description="The chosen features, in the data set's order, and the target."),
             DataFrame(FEATURES, description="Each scored feature and its score, best first.")),
    params=(Boolean(FEATURES_ONLY, True, description="Off: score every column but the target, whatever its role."),
            ColumnPicker(TARGET, single=True, parent=(METHOD, WITH_TARGET)),
            Int(DESIRED, 1, min=1, description="How many of the best features to keep."),
            Mode(METHOD, [PEARSON, MUTUAL, KENDALL, SPEARMAN, CHI_SQUARED, COUNT], PEARSON),
            Int(MIN_NONZERO, 1, min=1, parent=(METHOD, (COUNT,)),
                description="A feature with fewer non-zero, non-missing values is not kept.")),
    maps_to="Pearson, Spearman, Kendall: |pandas.Series.corr(method=...)| over pairwise complete rows; "
            "MutualInformation: sklearn.feature_selection.mutual_info_classif (mutual_info_regression for a Double "
            "target), random_state=0; ChiSquared: scipy.stats.chi2_contingency statistic of pandas.crosstab, numeric "
            "columns in 10 quantile bins (pandas.qcut); CountBased: non-zero, non-missing values",
    **implemented_in("nodes.components.feature_selection._filter_based_feature_selection",
                     run_module="nodes.components.feature_selection._filter_based_feature_selection_run"),
)
