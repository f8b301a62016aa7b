"""K-Means Clustering: groups rows around a chosen number of centroids."""
from __future__ import annotations

from nodes.components.algorithms.learners import learner_component, random_seed
from nodes.params import Boolean, Int, Mode, Params, TrainerMode
from nodes.tasks import Task

CENTROIDS = "Number of centroids"
INITIALIZATION = "Initialization"
RANDOM = "Random"
K_MEANS_PP = "K-Means++"
FIRST_N = "Default"
K_MEANS_PP_FAST = "K-Means++ Fast"
METRIC = "Metric"
EUCLIDEAN = "Euclidean"
COSINE = "Cosine"
NORMALIZE = "Normalize features"
ITERATIONS = "Iterations"
LABEL_MODE = "Assign label mode"
IGNORE_LABEL = "Ignore label column"
FILL_MISSING = "Fill missing values"
OVERWRITE = "Overwrite from closest to center"
IMPLEMENTATION = "nodes.components.algorithms._k_means_clustering"


def clusters(params: Params) -> tuple[int, ...]:
    """The cluster numbers of the learner's output: 0 to Number of centroids - 1."""
    return tuple(range(params[CENTROIDS]))

COMPONENT = learner_component(
    "k_means_clustering", "K-Means Clustering", Task.CLUSTERING,
    "Assigns each row to the nearest of k centroids, which K-Means moves to the centre of their rows.",
    (
        TrainerMode(),
        Int(CENTROIDS, 2, min=2, sweep="2; 3; 4; 5", range_name="Range for Number of Centroids"),
        Mode(INITIALIZATION, [K_MEANS_PP, RANDOM, FIRST_N, K_MEANS_PP_FAST], K_MEANS_PP,
             description="How the first centroids are chosen (Default: the first k rows)."),
        Mode(METRIC, [EUCLIDEAN, COSINE], EUCLIDEAN),
        Boolean(NORMALIZE, True, description="Rescale the numeric features to [0, 1] first."),
        Int(ITERATIONS, 100, min=1, description="The most iterations of one K-Means run."),
        random_seed(),
        Mode(LABEL_MODE, [IGNORE_LABEL, FILL_MISSING, OVERWRITE], IGNORE_LABEL,
             description="What clustering does to a label column: leave it, fill its missing values, or overwrite "
                         "every value with the label of the training row closest to the row's cluster center."),
    ),
    IMPLEMENTATION,
    "sklearn.cluster.KMeans(n_init=1): Number of centroids -> n_clusters, Initialization -> init (K-Means++ and "
    'K-Means++ Fast "k-means++", Random "random", Default the first k rows), Iterations -> max_iter, Random number '
    "seed -> random_state; Normalize features -> MinMaxScaler on the numeric features; Cosine -> rows scaled to "
    "unit length (sklearn.preprocessing.Normalizer) before the Euclidean K-Means; Assign label mode: each "
    "cluster's label is that of the labelled training row nearest its center (numpy argmin of KMeans.transform).",
    unknown=None, classes=clusters,
)
