"""Feature Hashing's implementation: scikit-learn's HashingVectorizer counts per hashed n-gram."""
from __future__ import annotations

import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import HashingVectorizer

from nodes.components.text._feature_hashing import feature_names
from nodes.components.text.feature_hashing import BITS, DATASET, NGRAMS, OUTPUT
from nodes.context import RunContext
from nodes.params import Params
from nodes.table import Table


def run(ctx: RunContext, inputs: dict, params: Params) -> dict:
    table: Table = inputs[DATASET]
    vectorizer = HashingVectorizer(n_features=2 ** params[BITS], ngram_range=(1, max(1, params[NGRAMS])),
                                   alternate_sign=False, norm=None)
    parts = [table.frame]
    for source, features in feature_names(table.schema, params):
        ctx.check_cancelled()
        texts = table.frame[source].fillna("").astype(str)
        counts = (vectorizer.transform(texts).toarray() if len(texts) else np.zeros((0, len(features)))).astype(np.int64)
        parts.append(pd.DataFrame(counts, columns=features, index=table.frame.index))
    return {OUTPUT: table.with_frame(pd.concat(parts, axis=1))}
