import io

import joblib
import numpy as np
import pytest
from sklearn.naive_bayes import GaussianNB

from nodes.columns import ColumnSelection
from nodes.components.python_language.create_python_model import COMPONENT
from nodes.components.scoring.score_model import COMPONENT as SCORE
from nodes.components.training.cross_validate_model import COMPONENT as CROSS_VALIDATE
from nodes.components.training.train_model import COMPONENT as TRAIN
from nodes.errors import ComponentError
from nodes.models import Task
from nodes.table import Table
from tests.components.ml_data import ml_breast_cancer, ml_configure, ml_frame, ml_run

REGRESSOR = '''
import numpy as np

class Helper:  # a class of the script itself, stored with the model
    def __init__(self, mean):
        self.mean = mean

class AzureMLModel:
    def __init__(self):
        self.helper = None

    def train(self, df_train, df_label):
        assert list(df_train.columns) == ["x1", "x2"] and df_label.name == "y"
        self.helper = Helper(float(df_label.mean()))

    def predict(self, df):
        return np.full(len(df), self.helper.mean) + df["x2"].to_numpy()
'''


def learner(**values):
    return ml_run(COMPONENT, {}, **values)["Untrained model"]


def train(untrained, table, label):
    return ml_run(TRAIN, {"Untrained model": untrained, "Dataset": table},
                  **{"Label column": ColumnSelection.names(label).to_dict()})["Trained model"]


def test_the_template_trains_and_scores_like_the_scikit_learn_model_it_wraps():
    frame = ml_breast_cancer()
    model = train(learner(), Table(frame), "target")
    scored = ml_run(SCORE, {"Trained model": model, "Dataset": Table(frame)})["Scored dataset"].frame
    features = frame.drop(columns=["target"])
    direct = GaussianNB().fit(features, frame["target"])
    np.testing.assert_array_equal(scored["Scored Labels"], direct.predict(features))
    np.testing.assert_allclose(scored["Scored Probabilities"], direct.predict_proba(features)[:, 1], atol=1e-15)
    assert model.task is Task.BINARY and model.classes == sorted(frame["target"].unique())


def test_the_trained_model_reloads_without_the_script_and_keeps_the_scripts_own_classes():
    frame = ml_frame(40).drop(columns=["cls", "colour", "size"])
    model = train(learner(**{"Python script": REGRESSOR, "Task type": "Regression"}), Table(frame), "y")
    buffer = io.BytesIO()
    joblib.dump(model, buffer)
    buffer.seek(0)
    copy = joblib.load(buffer)
    expected = frame["y"].mean() + frame["x2"]
    np.testing.assert_allclose(copy.score(frame)["Scored Labels"], expected)


def test_it_cross_validates_like_a_built_in_learner():
    frame = ml_frame(40).drop(columns=["cls", "colour", "size"])
    out = ml_run(CROSS_VALIDATE, {"Untrained model": learner(**{"Python script": REGRESSOR, "Task type": "Regression"}),
                                  "Dataset": Table(frame)}, **{"Label column": ColumnSelection.names("y").to_dict()})
    assert len(out["Evaluation results by fold"].frame) == 12


def test_design_time_never_runs_the_script(tmp_path):
    marker = tmp_path / "ran"
    script = f"open({str(marker)!r}, 'w').close()\nclass AzureMLModel: pass\n"
    schema = ml_configure(COMPONENT, {}, **{"Python script": script, "Task type": "Multiclass classification"})
    assert schema["Untrained model"].task is Task.MULTICLASS and not marker.exists()


@pytest.mark.parametrize(("script", "words"), [
    ("x = 1\n", "must define a class AzureMLModel"),
    ("def broken(:\n", "SyntaxError"),
    ("class AzureMLModel:\n    def train(self, df_train, df_label):\n        raise KeyError('nope')\n"
     "    def predict(self, df):\n        return df\n", "KeyError"),
])
def test_a_failing_script_is_error_0085(script, words):
    frame = ml_frame(40).drop(columns=["cls", "colour", "size"])
    with pytest.raises(ComponentError) as caught:
        train(learner(**{"Python script": script, "Task type": "Regression"}), Table(frame), "y")
    assert caught.value.code == 85 and words in caught.value.message
