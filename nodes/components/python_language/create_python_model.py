"""Create Python Model: a learner written in Python as an `AzureMLModel` class, trained by Train Model."""
from __future__ import annotations

from nodes.component import Component
from nodes.context import DesignContext
from nodes.lazy import Lazy
from nodes.params import Mode, Params, Script
from nodes.ports import UntrainedModel
from nodes.tasks import LearnerSchema, Task

NAME = "Create Python Model"
OUTPUT = "Untrained model"
SCRIPT = "Python script"
TASK = "Task type"
BINARY, MULTICLASS, REGRESSION = "Binary classification", "Multiclass classification", "Regression"
TASKS = {BINARY: Task.BINARY, MULTICLASS: Task.MULTICLASS, REGRESSION: Task.REGRESSION}
TEMPLATE = '''\
# The class AzureMLModel is the model: Train Model calls train(df_train, df_label) with the feature columns and
# the label, Score Model calls predict(df) with the feature columns. predict returns the Scored Labels, or a
# DataFrame with a "Scored Labels" column and, for classification, "Scored Probabilities" (two classes: the
# probability of the second class in sorted order) or one "Scored Probabilities_<class>" column per class.
import pandas as pd
from sklearn.naive_bayes import GaussianNB


class AzureMLModel:
    def __init__(self):
        self.model = GaussianNB()
        self.feature_column_names = []

    def train(self, df_train, df_label):
        self.feature_column_names = df_train.columns.tolist()
        self.model.fit(df_train, df_label)

    def predict(self, df):
        features = df[self.feature_column_names]
        return pd.DataFrame({"Scored Labels": self.model.predict(features),
                             "Scored Probabilities": self.model.predict_proba(features)[:, 1]})
'''


def configure(ctx: DesignContext, inputs: dict, params: Params) -> dict:
    """The learner's schema; the script runs only when the model is trained (`_create_python_model`)."""
    return {OUTPUT: LearnerSchema(NAME, TASKS[params[TASK]])}


COMPONENT = Component(
    id="create_python_model",
    name=NAME,
    category="Python Language",
    description="A learner defined by a Python class AzureMLModel with train(df_train, df_label) and predict(df); "
                "train it with Train Model and score it with Score Model like a built-in learner.",
    outputs=(UntrainedModel(OUTPUT),),
    params=(Script(SCRIPT, TEMPLATE, description="Defines the class AzureMLModel."),
            Mode(TASK, [BINARY, MULTICLASS, REGRESSION], BINARY,
                 description="What the model predicts: which score columns it appends and which metrics apply.")),
    maps_to="The user's class, run as the user's own code on the raw feature columns (pandas DataFrame) and the "
            "label (pandas Series), wrapped as a scikit-learn estimator; the trained instance is stored with "
            "cloudpickle.",
    configure=configure,
    run=Lazy("nodes.components.python_language._create_python_model", "run"),
)
