"""Preprocess Text: cleans a text column (case, stop words, numbers, URLs, e-mail addresses, special characters).

Lemmatization and removal by part of speech need a downloaded language model and are not offered."""
from __future__ import annotations

from nodes.component import Component
from nodes.lazy import implemented_in
from nodes.params import Boolean, ColumnPicker, Mode, String
from nodes.ports import DataFrame

DATASET = "Dataset"
STOP_WORDS = "Stop words"
OUTPUT = "Results dataset"
LANGUAGE = "Language"
COLUMN = "Text column to clean"
REMOVE_STOP_WORDS = "Remove stop words"
DETECT_SENTENCES = "Detect sentences"
LOWERCASE = "Normalize case to lowercase"
REMOVE_NUMBERS = "Remove numbers"
REMOVE_SPECIAL = "Remove special characters"
REMOVE_DUPLICATES = "Remove duplicate characters"
REMOVE_EMAILS = "Remove email addresses"
REMOVE_URLS = "Remove URLs"
EXPAND_CONTRACTIONS = "Expand verb contractions"
BACKSLASHES = "Normalize backslashes to slashes"
SPLIT_TOKENS = "Split tokens on special characters"
CUSTOM_REGEX = "Custom regular expression"
CUSTOM_REPLACEMENT = "Custom replacement string"
SENTENCE_SEPARATOR = "|||"
OPTIONS = (REMOVE_STOP_WORDS, DETECT_SENTENCES, LOWERCASE, REMOVE_NUMBERS, REMOVE_SPECIAL, REMOVE_DUPLICATES,
           REMOVE_EMAILS, REMOVE_URLS, EXPAND_CONTRACTIONS, BACKSLASHES, SPLIT_TOKENS)

COMPONENT = Component(
    id="preprocess_text",
    name="Preprocess Text",
    category="Text Analytics",
    description="Appends Preprocessed <column>: the text cleaned by the checked options; sentences are separated "
                "by |||, and the stop words are scikit-learn's English list unless a Stop words data set (its first "
                "column) is connected.",
    inputs=(DataFrame(DATASET), DataFrame(STOP_WORDS, optional=True)),
    outputs=(DataFrame(OUTPUT),),
    params=(Mode(LANGUAGE, ["English"], "English"),
            ColumnPicker(COLUMN, single=True, port=DATASET),
            *(Boolean(option, True) for option in OPTIONS),
            String(CUSTOM_REGEX, None, required=False, description="A Python pattern replaced first in each text."),
            String(CUSTOM_REPLACEMENT, None, required=False, description="What the custom pattern becomes.")),
    maps_to="Python re substitutions per option; stop words from sklearn.feature_extraction.text.ENGLISH_STOP_WORDS",
    **implemented_in("nodes.components.text._preprocess_text",
                     run_module="nodes.components.text._preprocess_text_run"),
)
