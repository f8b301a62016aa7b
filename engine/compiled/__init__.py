"""The compiled fast path of real-time serving: a prepared inference graph turned into NumPy functions on column
arrays (no pandas, no per-request graph evaluation), when every step is one the compiler knows.

`compiler.compile_graph` walks the prepared graph in topological order and asks the kernel maker registered for
each component (`kernels.MAKERS`: Select Columns, Edit Metadata, Apply Transformation of a fitted Clean Missing
Data or Normalize Data, Score Model, Web Service Output) for a function of column arrays. Score Model compiles
the learner's fitted scikit-learn pipeline (`models`): its feature preparation (imputation, scaling, one-hot
encoding) and its estimator (linear, logistic and Poisson models, decision trees, random forests, histogram
gradient boosting, multi-layer perceptrons, sigmoid-calibrated linear classifiers). Any other step or fitted
object makes the graph `NotCompilable`, and the general path serves it. Column values follow `arrays`.
"""
