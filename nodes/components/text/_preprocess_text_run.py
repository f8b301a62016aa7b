"""Preprocess Text's implementation: one regular-expression step per option, applied in a fixed order."""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from nodes.components.text._preprocess_text import target
from nodes.components.text.preprocess_text import (
    BACKSLASHES,
    CUSTOM_REGEX,
    CUSTOM_REPLACEMENT,
    DATASET,
    DETECT_SENTENCES,
    EXPAND_CONTRACTIONS,
    LOWERCASE,
    OUTPUT,
    REMOVE_DUPLICATES,
    REMOVE_EMAILS,
    REMOVE_NUMBERS,
    REMOVE_SPECIAL,
    REMOVE_STOP_WORDS,
    REMOVE_URLS,
    SENTENCE_SEPARATOR,
    SPLIT_TOKENS,
    STOP_WORDS,
)
from nodes.context import RunContext
from nodes.params import Params
from nodes.table import Table

CONTRACTIONS = ((r"\bcan't\b", "can not"), (r"\bwon't\b", "will not"), (r"n't\b", " not"), (r"'re\b", " are"),
                (r"'ll\b", " will"), (r"'ve\b", " have"), (r"'m\b", " am"), (r"'d\b", " would"))


def _sub(pattern: str, replacement: str, flags: int = 0) -> Callable[[str], str]:
    compiled = re.compile(pattern, flags)
    return lambda text: compiled.sub(replacement, text)


def _contractions(text: str) -> str:
    for pattern, replacement in CONTRACTIONS:
        text = re.sub(pattern, replacement, text, flags=re.I)
    return text


STEPS: tuple[tuple[str, Callable[[str], str]], ...] = (
    (REMOVE_URLS, _sub(r"\b(?:https?://|www\.)\S+", " ", re.I)),
    (REMOVE_EMAILS, _sub(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b", " ")),
    (BACKSLASHES, _sub(r"\\", "/")),
    (EXPAND_CONTRACTIONS, _contractions),
    (DETECT_SENTENCES, _sub(r"(?<=[.!?])\s+(?=\S)", f" {SENTENCE_SEPARATOR} ")),
    (LOWERCASE, str.lower),
    (REMOVE_NUMBERS, _sub(r"(?<![\w.])\d+(?:[.,]\d+)*(?![\w])", " ")),
    (SPLIT_TOKENS, _sub(r"(?<=\w)[^\w\s|]+(?=\w)", " ")),
    (REMOVE_SPECIAL, _sub(r"[^\w\s|]|(?<!\|)\|(?!\|)|_", " ")),
    (REMOVE_DUPLICATES, _sub(r"(\w)\1{2,}", r"\1")),
)


@dataclass(frozen=True)
class Cleaner:
    """The checked steps, the custom pattern first and the stop words last; whitespace collapsed."""

    steps: tuple[Callable[[str], str], ...]
    stop_words: frozenset[str] = frozenset()
    custom: re.Pattern | None = None
    replacement: str = ""

    def __call__(self, text: object) -> object:
        if pd.isna(text):
            return text
        text = str(text)
        if self.custom is not None:
            text = self.custom.sub(self.replacement, text)
        for step in self.steps:
            text = step(text)
        return " ".join(w for w in text.split() if w.lower() not in self.stop_words)


def cleaner(params: Params, stop_words: Table | None) -> Cleaner:
    words: frozenset[str] = frozenset()
    if params[REMOVE_STOP_WORDS]:
        if stop_words is not None and stop_words.frame.shape[1]:
            words = frozenset(str(w).strip().lower() for w in stop_words.frame.iloc[:, 0].dropna())
        else:
            words = frozenset(ENGLISH_STOP_WORDS)
    custom = re.compile(params[CUSTOM_REGEX]) if params[CUSTOM_REGEX] else None
    return Cleaner(tuple(step for option, step in STEPS if params[option]), words, custom,
                   params[CUSTOM_REPLACEMENT] or "")


def run(ctx: RunContext, inputs: dict, params: Params) -> dict:
    table: Table = inputs[DATASET]
    source, name = target(table.schema, params)
    clean = cleaner(params, inputs.get(STOP_WORDS))
    cleaned = pd.Series([clean(v) for v in table.frame[source]], index=table.frame.index, dtype="str")
    return {OUTPUT: table.with_frame(table.frame.assign(**{name: cleaned}))}
