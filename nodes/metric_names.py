"""The evaluation metrics' names, as Evaluate Model's columns and the sweeps' results show them: what `configure`
needs of `nodes.evaluation` (which computes them with scikit-learn), free of any data library."""
from __future__ import annotations

REGRESSION = ("Mean_Absolute_Error", "Root_Mean_Squared_Error", "Relative_Squared_Error",
              "Relative_Absolute_Error", "Coefficient_of_Determination")
BINARY = ("AUC", "Accuracy", "Precision", "Recall", "F1_Score", "TN", "FP", "FN", "TP")
COUNTS = ("TN", "FP", "FN", "TP")
MULTICLASS = ("Overall_Accuracy", "Micro_Precision", "Macro_Precision", "Micro_Recall", "Macro_Recall")

# Tune Model Hyperparameters, Cross Validate Model and Permutation Feature Importance: from class probabilities.
CLASSIFICATION = ("Accuracy", "Precision", "Recall", "F-score", "AUC", "Average Log Loss", "Train Log Loss")
LOWER_IS_BETTER = frozenset({"Average Log Loss", "Mean_Absolute_Error", "Root_Mean_Squared_Error",
                             "Relative_Squared_Error", "Relative_Absolute_Error"})

# Clustering: distances of each row to every cluster center, and the cluster each row is assigned to.
CLUSTERING = ("Average Distance to Other Center", "Average Distance to Cluster Center", "Number of Points",
              "Maximal Distance to Cluster Center")
COMBINED = "Combined Evaluation"
