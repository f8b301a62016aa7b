import numpy as np
import pandas as pd
import pytest
from sklearn.feature_extraction.text import HashingVectorizer

from nodes.columns import ColumnSelection
from nodes.components.text.feature_hashing import COMPONENT
from nodes.context import DesignContext, RunContext
from nodes.table import ColumnType, Role, Table
from tests.components.transform_data import error_code, gappy_table, resolved, run_checked

PICK, BITS, NGRAMS = "Target column(s)", "Hashing bitsize", "N-grams"


def reviews() -> Table:
    text = ["The movie was great, great fun", "Dull plot; dull acting", None, b"Caf\xe9 cr\xe8me scenes".decode("latin-1")]
    return Table(pd.DataFrame({"review": text, "stars": [5, 1, 3, 4]}), {"stars": Role.LABEL})


def hashed(table: Table, **values) -> Table:
    return run_checked(COMPONENT, {"Dataset": table}, values)["Transformed dataset"]


@pytest.mark.parametrize(("bits", "ngrams"), [(4, 1), (6, 2), (3, 0)])
def test_matches_hashing_vectorizer(bits, ngrams):
    out = hashed(reviews(), **{BITS: bits, NGRAMS: ngrams})
    vectorizer = HashingVectorizer(n_features=2 ** bits, ngram_range=(1, max(1, ngrams)), alternate_sign=False,
                                   norm=None)
    expected = vectorizer.transform(reviews().frame["review"].fillna("")).toarray()
    features = [f"review_HashingFeature.{i}" for i in range(2 ** bits)]
    assert list(out.frame.columns) == ["review", "stars", *features]
    assert np.array_equal(out.frame[features].to_numpy(), expected)
    assert out.schema[features[0]].type is ColumnType.INTEGER and out.roles == {"stars": Role.LABEL}
    assert out.frame[features].iloc[2].sum() == 0  # the missing review


def test_empty_table():
    out = hashed(Table(reviews().frame.iloc[0:0]), **{BITS: 2})
    assert out.frame.shape == (0, 6)


@pytest.mark.parametrize(("values", "code"), [
    ({PICK: ["nope"]}, 1), ({PICK: ["num"]}, 17), ({PICK: ColumnSelection.types("DateTime")}, 11),
    ({PICK: ["city"], BITS: 17}, 8),
])
def test_errors(values, code):
    params = resolved(COMPONENT, values)
    assert error_code(COMPONENT.configure, DesignContext(), {"Dataset": gappy_table().schema}, params) == code
    assert error_code(COMPONENT.run, RunContext(), {"Dataset": gappy_table()}, params) == code
