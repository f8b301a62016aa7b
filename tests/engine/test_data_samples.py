"""The data-side sample pipelines (issue 9): each runs, and shows what it is there to show."""
from __future__ import annotations

from tests.engine.sample_runs import run_sample


def test_the_python_script_replicates_malignant_rows_and_two_learners_are_compared(engine):
    job, output = run_sample(engine, "Binary Classification: Breast cancer with custom Python script")
    training = output("split_data", "Results dataset1").frame
    replicated = output("execute_python_script", "Result Dataset").frame
    malignant = int((training["diagnosis"] == "malignant").sum())
    assert len(replicated) == len(training) + 4 * malignant
    assert int((replicated["diagnosis"] == "malignant").sum()) == 5 * malignant
    step = next(s for s in job.steps if s.component == "execute_python_script")
    assert f"{malignant} malignant rows replicated" in step.logs  # the script's print is in its step log
    results = output("evaluate_model", "Evaluation results").frame
    assert len(results) == 2 and (results["AUC"] > 0.95).all()
    assert {output("train_model", "Trained model", i).name for i in (0, 1)} == {
        "Two-Class Support Vector Machine", "Two-Class Boosted Decision Tree"}


def test_sql_summaries_are_joined_to_every_penguin_before_training(engine):
    _, output = run_sample(engine, "Multiclass Classification: Palmer penguins with Join Data and SQL")
    islands = output("apply_sql_transformation", "Result_dataset").frame
    penguins = output("dataset", "Dataset").frame
    assert sorted(islands["island"]) == sorted(penguins["island"].dropna().unique())
    assert islands.set_index("island")["island_penguins"].to_dict() == penguins["island"].value_counts().to_dict()
    joined = output("join_data", "Results dataset").frame
    assert len(joined) == len(penguins) and "island_mean_flipper_length_mm" in joined.columns
    means = penguins.groupby("island")["flipper_length_mm"].mean()
    assert (joined["island_mean_flipper_length_mm"] - joined["island"].map(means)).abs().max() < 1e-9
    assert output("evaluate_model", "Evaluation results").frame["Overall_Accuracy"].iloc[0] > 0.9
