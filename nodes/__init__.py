"""The component catalogue: declarative specs plus pure functions over pandas and scikit-learn.

Nothing here imports Qt, SQLite or HTTP; the engine loads and saves what components consume and produce.
"""
