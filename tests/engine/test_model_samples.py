"""The model-side sample pipelines (issue 10): each runs, and shows what it is there to show."""
from __future__ import annotations

import numpy as np
import pytest

from tests.engine.sample_runs import run_sample


def run(engine, name):
    return run_sample(engine, name)[1]


def test_boosted_trees_and_decision_forest_are_compared_in_one_evaluate_model(engine):
    output = run(engine, "Regression: Automobile fuel economy (Advanced)")
    result = output("evaluate_model", "Evaluation results").frame
    assert len(result) == 2 and result["Root_Mean_Squared_Error"].nunique() == 2
    assert {output("train_model", "Trained model", i).name for i in (0, 1)} == {
        "Boosted Decision Tree Regression", "Decision Forest Regression"}


def test_feature_selection_trains_and_scores_on_the_five_chosen_columns(engine):
    output = run(engine, "Binary Classification: Breast cancer with feature selection")
    model = output("train_model", "Trained model")
    chosen = [c.name for c in model.features]
    assert len(chosen) == 5
    assert set(output("apply_transformation", "Transformed dataset").frame.columns) == {*chosen, "diagnosis"}
    assert output("evaluate_model", "Evaluation results").frame["AUC"].iloc[0] > 0.9


def test_multiclass_penguins_score_every_species(engine):
    output = run(engine, "Multiclass Classification: Palmer penguins")
    scored = output("score_model", "Scored dataset").frame
    species = sorted(scored["species"].dropna().unique())
    assert [f"Scored Probabilities_{s}" for s in species] == [c for c in scored.columns if c.startswith("Scored P")]
    result = output("evaluate_model", "Evaluation results").frame
    assert len(result) == 2 and result["Overall_Accuracy"].between(0.9, 1).all()


def test_clustering_evaluates_each_cluster_and_all_held_out_rows(engine):
    output = run(engine, "Clustering: Palmer penguins")
    assigned = output("assign_data_to_clusters", "Results dataset").frame
    result = output("evaluate_model", "Evaluation results").frame
    assert list(result["Result Description"]) == ["Cluster No.0", "Cluster No.1", "Cluster No.2",
                                                  "Combined Evaluation"]
    assert result["Number of Points"].iloc[:3].tolist() == [float((assigned["Assignments"] == i).sum())
                                                            for i in range(3)]
    assert result["Number of Points"].iloc[3] == len(assigned)


def test_cross_validation_uses_the_five_folds_of_partition_and_sample(engine):
    output = run(engine, "Cross Validation: Breast cancer diagnosis")
    scored = output("cross_validate_model", "Scored results").frame
    assert (scored["Fold Number"] == output("partition_and_sample", "oDataset").frame["Fold"]).all()
    by_fold = output("cross_validate_model", "Evaluation results by fold").frame
    assert by_fold["Fold Number"].tolist() == ["1", "2", "3", "4", "5", "Mean", "Standard Deviation"]
    assert by_fold["AUC"].iloc[5] == pytest.approx(by_fold["AUC"].iloc[:5].mean())
    assert output("evaluate_model", "Evaluation results").frame["Accuracy"].iloc[0] > 0.9


def test_tuning_keeps_the_point_with_the_best_validation_auc(engine):
    output = run(engine, "Tune Parameters: Breast cancer diagnosis")
    results = output("tune_model_hyperparameters", "Sweep results").frame
    assert len(results) == 6 and results["AUC"].iloc[0] == results["AUC"].max()
    best = output("tune_model_hyperparameters", "Trained best model").pipeline[-1]
    assert best.max_iter == results["Total number of trees constructed"].iloc[0]
    assert np.isclose(best.learning_rate, results["Learning rate"].iloc[0])
