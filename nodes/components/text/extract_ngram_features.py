"""Extract N-Gram Features from Text: one weighted column per word n-gram of a vocabulary, built from the data
(Create) or read from a vocabulary made earlier (ReadOnly, for scoring new data the same way)."""
from __future__ import annotations

from nodes.component import Component
from nodes.lazy import implemented_in
from nodes.params import Boolean, ColumnPicker, Float, Int, Mode
from nodes.ports import DataFrame

DATASET = "Dataset"
VOCABULARY_IN = "Input vocabulary"
OUTPUT = "Results dataset"
VOCABULARY_OUT = "Result vocabulary"
COLUMN = "Text column"
MODE = "Vocabulary mode"
CREATE, READ_ONLY = "Create", "ReadOnly"
NGRAMS = "N-Grams size"
WEIGHTING = "Weighting function"
BINARY, TF, IDF, TF_IDF = "Binary", "TF", "IDF", "TF-IDF"
MIN_LENGTH = "Minimum word length"
MAX_LENGTH = "Maximum word length"
MIN_DF = "Minimum n-gram document absolute frequency"
MAX_DF = "Maximum n-gram document ratio"
NORMALIZE = "Normalize n-gram feature vectors"
# The vocabulary data set's columns.
ID, NGRAM, DF, IDF_COLUMN = "Id", "NGram", "DF", "IDF"

COMPONENT = Component(
    id="extract_ngram_features",
    name="Extract N-Gram Features from Text",
    category="Text Analytics",
    description="Appends a column <column>.[<n-gram>] per n-gram of the vocabulary (words joined by _), weighted "
                "as presence, count, IDF or TF-IDF (IDF = ln(documents / documents holding it)); the result "
                "vocabulary, connected to another instance in ReadOnly mode, featurizes new data identically.",
    inputs=(DataFrame(DATASET), DataFrame(VOCABULARY_IN, optional=True)),
    outputs=(DataFrame(OUTPUT), DataFrame(VOCABULARY_OUT)),
    params=(ColumnPicker(COLUMN, single=True, port=DATASET),
            Mode(MODE, [CREATE, READ_ONLY], CREATE,
                 description="Create builds the vocabulary from this data; ReadOnly uses the input vocabulary."),
            Int(NGRAMS, 1, min=1, max=10, description="The longest n-gram, in words."),
            Mode(WEIGHTING, [BINARY, TF, IDF, TF_IDF], BINARY),
            Int(MIN_LENGTH, 3, min=1),
            Int(MAX_LENGTH, 25, min=2),
            Int(MIN_DF, 5, min=1, parent=(MODE, (CREATE,))),
            Float(MAX_DF, 1.0, min=0.0001, max=1.0, parent=(MODE, (CREATE,))),
            Boolean(NORMALIZE, False, description="Scale each row's n-gram weights to unit (L2) length.")),
    maps_to="sklearn.feature_extraction.text.CountVectorizer(ngram_range=(1, N), min_df, max_df, token_pattern of "
            "words of the given lengths; ReadOnly: vocabulary=input vocabulary), weights from the counts and IDF, "
            "sklearn.preprocessing.normalize(norm='l2')",
    **implemented_in("nodes.components.text._extract_ngram_features",
                     run_module="nodes.components.text._extract_ngram_features_run"),
)
