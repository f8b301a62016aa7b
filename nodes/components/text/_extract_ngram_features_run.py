"""Extract N-Gram Features' implementation: counts from CountVectorizer over the vocabulary, then the weights."""
from __future__ import annotations

import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.preprocessing import normalize

from nodes.column_names import deduplicated
from nodes.components.text._extract_ngram_features import text_column, vocabulary_schema
from nodes.components.text.extract_ngram_features import (
    BINARY,
    DATASET,
    DF,
    ID,
    IDF,
    IDF_COLUMN,
    MAX_DF,
    MAX_LENGTH,
    MIN_DF,
    MIN_LENGTH,
    MODE,
    NGRAM,
    NGRAMS,
    NORMALIZE,
    OUTPUT,
    READ_ONLY,
    TF,
    VOCABULARY_IN,
    VOCABULARY_OUT,
    WEIGHTING,
)
from nodes.context import RunContext
from nodes.params import Params
from nodes.table import Table


def vectorizer(params: Params, vocabulary: list[str] | None = None) -> CountVectorizer:
    pattern = rf"(?u)\b\w{{{params[MIN_LENGTH]},{params[MAX_LENGTH]}}}\b"
    if vocabulary is not None:  # n-grams as long as the vocabulary's longest
        longest = max((g.count("_") + 1 for g in vocabulary), default=1)
        return CountVectorizer(token_pattern=pattern, ngram_range=(1, longest),
                               vocabulary={g.replace("_", " "): i for i, g in enumerate(vocabulary)})
    return CountVectorizer(token_pattern=pattern, ngram_range=(1, params[NGRAMS]), min_df=params[MIN_DF],
                           max_df=params[MAX_DF])


def empty_vocabulary(rows: int) -> tuple[np.ndarray, Table]:
    return np.zeros((rows, 0), dtype=np.int64), Table(pd.DataFrame(
        {ID: pd.Series([], dtype="int64"), NGRAM: pd.Series([], dtype="str"), DF: pd.Series([], dtype="int64"),
         IDF_COLUMN: pd.Series([], dtype="float64")}))


def create(texts: pd.Series, params: Params) -> tuple[np.ndarray, Table]:
    """The counts and the vocabulary (n-grams in alphabetical order, their document frequency and IDF)."""
    counter = vectorizer(params)
    try:
        counts = counter.fit_transform(texts).toarray()
    except ValueError:  # no text, or no n-gram left: an empty vocabulary
        return empty_vocabulary(len(texts))
    grams = [g.replace(" ", "_") for g in counter.get_feature_names_out()]
    df = (counts > 0).sum(axis=0)
    vocabulary = pd.DataFrame({ID: np.arange(len(grams), dtype=np.int64), NGRAM: pd.Series(grams, dtype="str"),
                               DF: df.astype(np.int64), IDF_COLUMN: np.log(len(texts) / df)})
    return counts, Table(vocabulary)


def run(ctx: RunContext, inputs: dict, params: Params) -> dict:
    table: Table = inputs[DATASET]
    source = text_column(table.schema, params)
    given: Table | None = inputs.get(VOCABULARY_IN)
    vocabulary_schema(None if given is None else given.schema, params)
    texts = table.frame[source].fillna("").astype(str)
    if params[MODE] == READ_ONLY:
        vocabulary = given
        grams = vocabulary.frame[NGRAM].astype(str).tolist()
        counts = vectorizer(params, grams).transform(texts).toarray() if len(texts) else np.zeros((0, len(grams)))
    else:
        counts, vocabulary = create(texts, params)
        grams = vocabulary.frame[NGRAM].tolist()
    weights = weighted(counts, vocabulary.frame[IDF_COLUMN].to_numpy(dtype="float64"), params)
    names = deduplicated(table.schema.names, [f"{source}.[{g}]" for g in grams])
    features = pd.DataFrame(weights, columns=names, index=table.frame.index)
    return {OUTPUT: table.with_frame(pd.concat([table.frame, features], axis=1)), VOCABULARY_OUT: vocabulary}


def weighted(counts: np.ndarray, idf: np.ndarray, params: Params) -> np.ndarray:
    """Presence (0/1), counts, IDF where present or counts times IDF; rows scaled to unit length if asked."""
    weighting = params[WEIGHTING]
    if weighting == BINARY:
        weights = (counts > 0).astype(np.int64)
    elif weighting == TF:
        weights = counts.astype(np.int64)
    elif weighting == IDF:
        weights = (counts > 0) * idf
    else:
        weights = counts * idf
    if params[NORMALIZE]:
        return normalize(weights.astype("float64"), norm="l2") if len(weights) else weights.astype("float64")
    return weights if weighting in (BINARY, TF) else weights.astype("float64")
