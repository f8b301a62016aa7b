"""The sample data sets and pipelines shipped in `resources/`, registered in a new workspace."""
from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from engine.datasets import Datasets
from engine.pipeline import Pipeline

SAMPLE_DATASETS = {
    "Automobile fuel economy": ("automobile_fuel_economy.csv",
                                "Fuel economy of 406 cars, 1970-1982 (auto-mpg); regression on Miles_per_Gallon."),
    "Breast cancer diagnosis": ("breast_cancer.csv",
                                "569 breast mass samples with 30 measurements; binary classification of diagnosis."),
    "Palmer penguins": ("palmer_penguins.csv",
                        "344 penguins of three species; multiclass classification with missing values."),
}


def resources() -> Path:
    return Path(str(files("resources")))


def register_samples(datasets: Datasets) -> None:
    """Register every sample data set that the workspace does not have yet (once, even from two processes)."""
    have = set(datasets.names())
    for name, (filename, description) in SAMPLE_DATASETS.items():
        if name not in have:
            datasets.register(resources() / "datasets" / filename, name, description, only_new=True)


def sample_pipelines() -> dict[str, Pipeline]:
    """The sample pipelines by name."""
    folder = resources() / "samples"
    pipelines = [Pipeline.load(path) for path in sorted(folder.glob("*.json"))]
    return {p.name: p for p in pipelines}
