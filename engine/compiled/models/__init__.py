"""A learner's fitted scikit-learn pipeline (feature preparation, then estimator) as NumPy functions."""
