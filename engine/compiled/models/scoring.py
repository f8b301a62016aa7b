"""A trained model's score columns from the compiled feature preparation and estimator, as
`TrainedModel.score` makes them (reference §0.5)."""
from __future__ import annotations

from collections.abc import Callable

import numpy as np
from sklearn.pipeline import Pipeline

from engine.compiled.kernel import Arrays, NotCompilable
from engine.compiled.models import calibrated, clusters, linear, neural, trees
from engine.compiled.models.features import Features, compile_features, compile_step
from nodes.models import ASSIGNMENTS, DISTANCE, LABELS, PROBABILITIES, THRESHOLD, Task, TrainedModel
from nodes.schema import Column, ColumnType, Role, TableSchema

Scorer = Callable[[Arrays], Arrays]
ESTIMATORS = {**linear.ESTIMATORS, **trees.ESTIMATORS, **neural.ESTIMATORS, **calibrated.ESTIMATORS}
TASKS = (Task.REGRESSION, Task.BINARY, Task.MULTICLASS, Task.CLUSTERING)
LABEL_TYPES = {"U": ColumnType.STRING, "O": ColumnType.STRING, "i": ColumnType.INTEGER, "u": ColumnType.INTEGER,
               "f": ColumnType.DOUBLE, "b": ColumnType.BOOLEAN}


def compile_scorer(model: TrainedModel, schema: TableSchema) -> tuple[Scorer, TableSchema]:
    """The score columns of `model` for rows of a `schema` table, and their schema."""
    pipeline = model.pipeline
    if type(pipeline) is not Pipeline or len(pipeline.steps) < 2 or model.task not in TASKS:
        raise NotCompilable(f"the {model.task.value} model {model.name}")
    (_, preparation), *middle, (_, estimator) = pipeline.steps
    compile_estimator = (clusters.CLUSTERERS if model.task is Task.CLUSTERING else ESTIMATORS).get(type(estimator))
    if compile_estimator is None:
        raise NotCompilable(f"the {type(estimator).__name__} estimator of {model.name}")
    features = _chain(compile_features(preparation, schema), [compile_step(step) for _, step in middle])
    predict = compile_estimator(estimator)
    if model.task is Task.CLUSTERING:
        names = [f"{DISTANCE}{c}" for c in model.classes]

        def assign(columns: Arrays) -> Arrays:
            nearest, distances = predict(features(columns))
            return {ASSIGNMENTS: nearest, **{name: distances[:, i] for i, name in enumerate(names)}}

        return assign, model.score_schema()
    if model.task is Task.REGRESSION:
        return (lambda columns: {LABELS: predict(features(columns)).astype(np.float64)}), model.score_schema()
    classes = np.asarray(model.classes)
    labels = LABEL_TYPES.get(classes.dtype.kind)
    if labels is None or list(estimator.classes_) != list(model.classes):
        raise NotCompilable(f"the classes of {model.name}")
    as_labels = (lambda picked: classes[picked].astype(object)) if labels is ColumnType.STRING else classes.take
    scores = model.score_schema()
    scores = scores.replace_columns(**{LABELS: Column(LABELS, labels, role=Role.SCORE)})
    if model.task is Task.BINARY:
        def binary(columns: Arrays) -> Arrays:
            positive = predict(features(columns))[:, 1]
            return {LABELS: as_labels((positive >= THRESHOLD).astype(int)), PROBABILITIES: positive}

        return binary, scores
    names = [f"{PROBABILITIES}_{c}" for c in model.classes]

    def multiclass(columns: Arrays) -> Arrays:
        probabilities = predict(features(columns))
        return {**{name: probabilities[:, i] for i, name in enumerate(names)},
                LABELS: as_labels(probabilities.argmax(axis=1))}

    return multiclass, scores


def _chain(features: Features, steps: list[Callable[[np.ndarray], np.ndarray]]) -> Features:
    """The feature matrix through the pipeline's steps between preparation and estimator."""
    if not steps:
        return features

    def chained(columns: Arrays) -> np.ndarray:
        matrix = features(columns)
        for step in steps:
            matrix = step(matrix)
        return matrix

    return chained
