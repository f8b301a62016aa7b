import numpy as np
import pandas as pd
import pytest
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.preprocessing import normalize

from nodes.columns import ColumnSelection
from nodes.components.text.extract_ngram_features import COMPONENT
from nodes.context import DesignContext, RunContext
from nodes.table import Role, Table
from tests.components.transform_data import configure, error_code, gappy_table, resolved, run

PICK, MODE, WEIGHTING = "Text column", "Vocabulary mode", "Weighting function"
OUT, VOCABULARY = "Results dataset", "Result vocabulary"
FEW = {"Minimum n-gram document absolute frequency": 1}
TEXTS = ["good movie good fun", "bad movie", "good fun day", None, "fun movie, an ok one",
         b"tr\xe8s bon film".decode("latin-1")]


def reviews(texts=TEXTS) -> Table:
    return Table(pd.DataFrame({"t": texts, "y": range(len(texts))}), {"y": Role.LABEL})


def extract(table: Table, vocabulary: Table | None = None, **values) -> dict:
    inputs = {"Dataset": table} if vocabulary is None else {"Dataset": table, "Input vocabulary": vocabulary}
    return run(COMPONENT, inputs, {PICK: ["t"], **values})


def direct(texts, ngrams=1, min_df=1) -> tuple[np.ndarray, list[str]]:
    counter = CountVectorizer(token_pattern=r"(?u)\b\w{3,25}\b", ngram_range=(1, ngrams), min_df=min_df)
    counts = counter.fit_transform(pd.Series(texts).fillna("")).toarray()
    return counts, [g.replace(" ", "_") for g in counter.get_feature_names_out()]


@pytest.mark.parametrize(("weighting", "ngrams", "min_df"), [
    ("Binary", 1, 1), ("TF", 2, 1), ("IDF", 1, 2), ("TF-IDF", 2, 2)])
def test_weights_match_count_vectorizer(weighting, ngrams, min_df):
    out = extract(reviews(), **{WEIGHTING: weighting, "N-Grams size": ngrams,
                                "Minimum n-gram document absolute frequency": min_df})
    counts, grams = direct(TEXTS, ngrams, min_df)
    idf = np.log(len(TEXTS) / (counts > 0).sum(axis=0))
    expected = {"Binary": counts > 0, "TF": counts, "IDF": (counts > 0) * idf, "TF-IDF": counts * idf}[weighting]
    features = [f"t.[{g}]" for g in grams]
    assert list(out[OUT].frame.columns) == ["t", "y", *features]
    assert np.allclose(out[OUT].frame[features].to_numpy(dtype=float), expected)
    vocabulary = out[VOCABULARY].frame
    assert vocabulary["NGram"].tolist() == grams and np.allclose(vocabulary["IDF"], idf)
    assert vocabulary["DF"].tolist() == (counts > 0).sum(axis=0).tolist()
    assert out[OUT].roles == {"y": Role.LABEL}
    assert configure(COMPONENT, {"Dataset": reviews().schema, "Input vocabulary": None}, {PICK: ["t"]})[
        VOCABULARY] == out[VOCABULARY].schema


def test_read_only_reuses_the_vocabulary_and_its_idf_on_new_data():
    trained = extract(reviews(), **{"N-Grams size": 2, WEIGHTING: "TF-IDF", **FEW})
    fresh = reviews(["good fun again", "unseen words only", "bad movie bad"])
    out = extract(fresh, trained[VOCABULARY], **{MODE: "ReadOnly", WEIGHTING: "TF-IDF"})
    vocabulary = trained[VOCABULARY].frame
    assert list(out[OUT].frame.columns)[2:] == [f"t.[{g}]" for g in vocabulary["NGram"]]
    row = out[OUT].frame.iloc[0]
    idf = dict(zip(vocabulary["NGram"], vocabulary["IDF"]))
    assert row["t.[good_fun]"] == pytest.approx(idf["good_fun"]) and row["t.[movie]"] == 0
    assert out[OUT].frame.iloc[2]["t.[bad]"] == pytest.approx(2 * idf["bad"])
    assert out[OUT].frame.iloc[1, 2:].sum() == 0
    pd.testing.assert_frame_equal(out[VOCABULARY].frame, vocabulary)


def test_normalized_vectors_and_word_lengths():
    out = extract(reviews(), **{WEIGHTING: "TF", "Normalize n-gram feature vectors": True, **FEW,
                                "Minimum word length": 4, "Maximum word length": 4})
    counter = CountVectorizer(token_pattern=r"(?u)\b\w{4,4}\b")
    counts = counter.fit_transform(pd.Series(TEXTS).fillna("")).toarray()
    assert np.allclose(out[OUT].frame.iloc[:, 2:].to_numpy(dtype=float), normalize(counts.astype(float)))
    assert out[VOCABULARY].frame["NGram"].tolist() == list(counter.get_feature_names_out())


def test_empty_table_and_all_missing_text():
    empty = extract(Table(reviews().frame.iloc[0:0]))
    assert empty[OUT].frame.empty and empty[VOCABULARY].frame.empty
    gaps = extract(reviews([None, None]))
    assert list(gaps[OUT].frame.columns) == ["t", "y"] and gaps[VOCABULARY].frame.empty


@pytest.mark.parametrize(("values", "code"), [
    ({PICK: ["nope"]}, 1), ({PICK: ["num"]}, 17), ({PICK: ColumnSelection.types("DateTime")}, 22),
    ({PICK: ["city"], MODE: "ReadOnly"}, 3),
    ({PICK: ["city"], "Minimum word length": 9, "Maximum word length": 4}, 8),
])
def test_errors(values, code):
    params = resolved(COMPONENT, values)
    assert error_code(COMPONENT.configure, DesignContext(), {"Dataset": gappy_table().schema}, params) == code
    assert error_code(COMPONENT.run, RunContext(), {"Dataset": gappy_table()}, params) == code


def test_a_vocabulary_without_its_columns_is_error_0001():
    params = resolved(COMPONENT, {PICK: ["city"], MODE: "ReadOnly"})
    inputs = {"Dataset": gappy_table(), "Input vocabulary": gappy_table()}
    assert error_code(COMPONENT.run, RunContext(), inputs, params) == 1
