"""Feature Hashing: turns text columns into fixed-width token and n-gram counts by hashing."""
from __future__ import annotations

from nodes.columns import ColumnSelection
from nodes.component import Component
from nodes.lazy import implemented_in
from nodes.params import ColumnPicker, Int
from nodes.ports import DataFrame

DATASET = "Dataset"
OUTPUT = "Transformed dataset"
COLUMNS = "Target column(s)"
BITS = "Hashing bitsize"
NGRAMS = "N-grams"

COMPONENT = Component(
    id="feature_hashing",
    name="Feature Hashing",
    category="Text Analytics",
    description="Appends 2^bitsize count columns <column>_HashingFeature.<i> per text column: the lower-cased "
                "words and n-grams of up to N words (0 counts as 1), hashed into that many buckets.",
    inputs=(DataFrame(DATASET),),
    outputs=(DataFrame(OUTPUT),),
    params=(ColumnPicker(COLUMNS, ColumnSelection.types("String"), description="Text columns to hash."),
            Int(BITS, 10, min=1, max=31),
            Int(NGRAMS, 2, min=0, max=10)),
    row_wise=True,
    maps_to="sklearn.feature_extraction.text.HashingVectorizer(n_features=2**bitsize, ngram_range=(1, N), "
            "alternate_sign=False, norm=None) per column, as dense integer counts",
    **implemented_in("nodes.components.text._feature_hashing",
                     run_module="nodes.components.text._feature_hashing_run"),
)
