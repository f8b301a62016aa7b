"""PCA-Based Anomaly Detection: flags rows far from the principal subspace of the training data."""
from __future__ import annotations

from nodes.components.algorithms.learners import learner_component
from nodes.params import Boolean, Int, TrainerMode
from nodes.tasks import Task

COMPONENTS = "Number of components to use in PCA"
OVERSAMPLING = "Oversampling parameter for randomized PCA"
CENTER = "Enable input feature mean normalization"

COMPONENT = learner_component(
    "pca_based_anomaly_detection", "PCA-Based Anomaly Detection", Task.ANOMALY_DETECTION,
    "An anomaly detector: rows that its principal components reconstruct badly score as anomalies.",
    (
        TrainerMode("Training mode"),
        Int(COMPONENTS, 2, min=1, sweep="2; 4; 6; 8; 10", range_name="Range for number of PCA components"),
        Int(OVERSAMPLING, 2, min=0, sweep="2; 4; 6; 8; 10",
            range_name="Range for the oversampling parameter used in randomized PCA"),
        Boolean(CENTER, False, description="Centre the features on their means before the decomposition."),
    ),
    "nodes.components.algorithms._pca_based_anomaly_detection",
    'sklearn.decomposition.PCA(svd_solver="randomized") when Enable input feature mean normalization, else '
    'sklearn.decomposition.TruncatedSVD(algorithm="randomized"): Number of components -> n_components, '
    "Oversampling parameter -> n_oversamples, random_state=42; numeric features rescaled by MinMaxScaler; the "
    "anomaly score is the squared reconstruction error e, Scored Probabilities = e/(e + t) with t the 99th "
    "percentile of the training errors, Scored Labels = 1 (anomaly) at 0.5 and above.",
    unknown=None,
)
