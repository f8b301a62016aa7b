"""Create Python Model: the user's `AzureMLModel` class as a scikit-learn estimator fitted on the raw feature columns.

The script runs only when the model is trained (Train Model, Cross Validate Model, Tune Model Hyperparameters),
never at design time; the trained instance pickles by value with cloudpickle, so the stored model does not need
the script's module to exist when it is loaded again.
"""
from __future__ import annotations

import pickle
import traceback
from dataclasses import dataclass

import cloudpickle
import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator
from sklearn.pipeline import Pipeline

from nodes.components.python_language.create_python_model import NAME, OUTPUT, SCRIPT, TASK, TASKS
from nodes.context import RunContext
from nodes.errors import ComponentError
from nodes.features import feature_columns
from nodes.learner import Learner, fitted_classes, label_values
from nodes.models import LABELS, PROBABILITIES, Task, TrainedModel
from nodes.params import Params
from nodes.table import Column, Table

CLASS = "AzureMLModel"
USER_MODULE = "azureml_user_model"  # not importable: cloudpickle stores the user's classes by value
SCRIPT_FILE = "Python script"


def script_failed(error: BaseException, doing: str) -> ComponentError:
    """Error 0085 with the script's own lines of the traceback."""
    frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename == SCRIPT_FILE]
    where = "".join(traceback.format_list(frames))
    return ComponentError(85, "FailedToEvaluateScript",
                          f"The Python script failed while {doing}: {type(error).__name__}: {error}"
                          + (f"\n{where}" if where else ""), parameter=SCRIPT)


def model_class(script: str) -> type:
    """The `AzureMLModel` class the script defines (error 0085 when it fails or defines none)."""
    namespace: dict = {"__name__": USER_MODULE}
    try:
        exec(compile(script, SCRIPT_FILE, "exec"), namespace)  # noqa: S102 - the user's own code, run as theirs
    except Exception as error:
        raise script_failed(error, "running") from error
    found = namespace.get(CLASS)
    if not isinstance(found, type) or not all(callable(getattr(found, m, None)) for m in ("train", "predict")):
        raise ComponentError(85, "FailedToEvaluateScript",
                             f"The Python script must define a class {CLASS} with methods train(df_train, df_label) "
                             "and predict(df).", parameter=SCRIPT)
    return found


class PythonModel(BaseEstimator):
    """A scikit-learn estimator over an `AzureMLModel`: `fit` trains a new instance, `predict` and
    `predict_proba` read the Scored Labels and Scored Probabilities its predict returns."""

    def __init__(self, script: str = "", task: Task = Task.BINARY, label: str = "label") -> None:
        self.script = script
        self.task = task
        self.label = label

    def fit(self, x: pd.DataFrame, y: np.ndarray) -> PythonModel:
        model = model_class(self.script)
        try:
            self.model_ = model()
            self.model_.train(x, pd.Series(y, index=x.index, name=self.label))
        except Exception as error:
            raise script_failed(error, "training") from error
        if self.task.classification:
            self.classes_ = np.unique(y)
        return self

    def _scores(self, x: pd.DataFrame) -> pd.DataFrame:
        try:
            out = self.model_.predict(x)
        except Exception as error:
            raise script_failed(error, "predicting") from error
        frame = out if isinstance(out, pd.DataFrame) else pd.DataFrame({LABELS: np.asarray(out).reshape(-1)})
        if LABELS not in frame.columns and len(frame.columns) == 1:
            frame = frame.set_axis([LABELS], axis=1)
        if LABELS not in frame.columns or len(frame) != len(x):
            raise ComponentError(85, "FailedToEvaluateScript",
                                 f'{CLASS}.predict must return one value per row, or a DataFrame with a "{LABELS}" '
                                 f"column and one row per row; it returned {len(frame)} rows for {len(x)}.",
                                 parameter=SCRIPT)
        return frame.reset_index(drop=True)

    def predict(self, x: pd.DataFrame) -> np.ndarray:
        return self._scores(x)[LABELS].to_numpy()

    def predict_proba(self, x: pd.DataFrame) -> np.ndarray:
        """The returned probabilities; without them, 1 for the class predicted and 0 for the others."""
        scores = self._scores(x)
        per_class = [f"{PROBABILITIES}_{c}" for c in self.classes_]
        if len(self.classes_) == 2 and PROBABILITIES in scores:
            positive = scores[PROBABILITIES].to_numpy(dtype=float)
            return np.column_stack([1 - positive, positive])
        if all(c in scores for c in per_class):
            return scores[per_class].to_numpy(dtype=float)
        predicted = scores[LABELS].to_numpy()
        return np.column_stack([predicted == c for c in self.classes_]).astype(float)

    def __getstate__(self) -> dict:
        state = super().__getstate__()
        if "model_" in state:
            state["model_"] = cloudpickle.dumps(state["model_"])
        return state

    def __setstate__(self, state: dict) -> None:
        if isinstance(state.get("model_"), bytes):
            state = {**state, "model_": pickle.loads(state["model_"])}  # noqa: S301 - our own artifact's bytes
        super().__setstate__(state)


def estimator(params: Params) -> PythonModel:
    return PythonModel(params[SCRIPT], TASKS[params[TASK]])


@dataclass(frozen=True)
class PythonLearner(Learner):
    """A learner whose model receives the raw feature columns, without the built-in learners' preparation."""

    def fit(self, table: Table, label: str | None, features: list[Column] | None = None) -> TrainedModel:
        schema, frame = table.schema, table.frame
        features = feature_columns(schema, label) if features is None else features
        model = self.estimator.set_params(label=label)
        pipeline = Pipeline([("model", model)])
        pipeline.fit(frame[[c.name for c in features]], label_values(frame[label], self.task))
        return TrainedModel(self.name, self.task, label, features, pipeline, fitted_classes(pipeline, self.task),
                            schema[label].type)


def run(ctx: RunContext, inputs: dict, params: Params) -> dict:
    model_class(params[SCRIPT])  # fails early, on this node, when the script does not define the class
    return {OUTPUT: PythonLearner(NAME, TASKS[params[TASK]], estimator, params)}
