"""The component catalogue: declarative specs plus pure functions over pandas and scikit-learn.

Nothing here imports Qt, SQLite or HTTP; the engine loads and saves what components consume and produce.
"""

import os

# OpenMP threads (scikit-learn's histogram gradient boosting, K-means) spin while they wait for work by default.
# Steps run side by side here, on as few as two cores: spinning threads then starve each other (a 0.2 s fit took
# 4 to 8 s with another job running). Passive waiting, set before any OpenMP runtime loads, keeps it at 0.2 s.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
