import re

import pandas as pd
import pytest
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from nodes.columns import ColumnSelection
from nodes.components.text.preprocess_text import COMPONENT, OPTIONS
from nodes.context import DesignContext, RunContext
from nodes.table import ColumnType, Role, Table
from tests.components.transform_data import error_code, gappy_table, resolved, run_checked

PICK = "Text column to clean"
NONE = dict.fromkeys(OPTIONS, False)
TEXT = ("I can't believe it!!! Sooooo good. Visit https://x.com/a?b=1 or mail me@a.org, 3.5 stars; "
        "state-of-the-art C:\\dir")


def clean(texts: list, stop_words: Table | None = None, **values) -> list:
    inputs = {"Dataset": Table(pd.DataFrame({"t": texts, "y": range(len(texts))}), {"y": Role.LABEL})}
    if stop_words is not None:
        inputs["Stop words"] = stop_words
    out = run_checked(COMPONENT, inputs, {PICK: ["t"], **values})["Results dataset"]
    assert list(out.frame.columns) == ["t", "y", "Preprocessed t"] and out.roles == {"y": Role.LABEL}
    assert out.schema["Preprocessed t"].type is ColumnType.STRING
    return out.frame["Preprocessed t"].tolist()


def test_all_default_options():
    assert clean([TEXT, None])[0] == "believe ||| good ||| visit mail stars state art c dir"


@pytest.mark.parametrize(("option", "text", "expected"), [
    ("Remove URLs", "a https://x.com/p?q=1 before www.y.org", "a before"),
    ("Remove email addresses", "write me@a.org now", "write now"),
    ("Normalize case to lowercase", "ABC Def", "abc def"),
    ("Remove numbers", "room 12 a1 3.5 numbers", "room a1 numbers"),
    ("Expand verb contractions", "can't they're", "can not they are"),
    ("Normalize backslashes to slashes", "c:\\dir\\file", "c:/dir/file"),
    ("Remove duplicate characters", "sooooo good", "so good"),
])
def test_single_options(option, text, expected):
    assert clean([text], **{**NONE, option: True}) == [expected]


def test_stop_words_match_scikit_learns_list_or_the_connected_one():
    text = "this is a small test of the stop word list"
    expected = " ".join(w for w in text.split() if w not in ENGLISH_STOP_WORDS)
    assert clean([text], **{**NONE, "Remove stop words": True}) == [expected]
    custom = Table(pd.DataFrame({"word": ["Small", "TEST"]}))
    assert clean([text], custom, **{**NONE, "Remove stop words": True}) == ["this is a of the stop word list"]


def test_sentences_special_characters_and_custom_pattern():
    values = {**NONE, "Detect sentences": True, "Split tokens on special characters": True,
              "Remove special characters": True, "Custom regular expression": r"\bfoo\b",
              "Custom replacement string": "bar"}
    assert clean(["foo-bar is x. Next one! Done"], **values) == ["bar bar is x ||| Next one ||| Done"]


def test_non_ascii_text_and_missing_values():
    text = b"Caf\xe9 cr\xe8me \xe0 3 EUR".decode("latin-1")
    assert clean([text, None], **{**NONE, "Normalize case to lowercase": True, "Remove numbers": True})[:1] == [
        re.sub(r"\s+", " ", text.lower().replace("3", ""))]
    assert pd.isna(clean([None, None])[0])


def test_empty_table():
    out = run_checked(COMPONENT, {"Dataset": Table(pd.DataFrame({"t": pd.Series([], dtype="str")}))}, {PICK: ["t"]})
    assert out["Results dataset"].frame.empty


@pytest.mark.parametrize(("values", "code"), [
    ({PICK: ["nope"]}, 1), ({PICK: ["num"]}, 17), ({PICK: ColumnSelection.types("DateTime")}, 22),
    ({PICK: ["city"], "Custom regular expression": "(unclosed"}, 2),
])
def test_errors(values, code):
    params = resolved(COMPONENT, values)
    assert error_code(COMPONENT.configure, DesignContext(), {"Dataset": gappy_table().schema}, params) == code
    assert error_code(COMPONENT.run, RunContext(), {"Dataset": gappy_table()}, params) == code
