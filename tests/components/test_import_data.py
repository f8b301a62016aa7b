"""Import Data: each format read as pandas reads it, reading options, folders and globs, http sources, errors,
and the fingerprint that makes a changed file be read again."""
from __future__ import annotations

import http.server
import os
import socket
import threading
from functools import partial

import pandas as pd
import pytest

from nodes.components.data_io.import_data import COMPONENT
from nodes.context import DesignContext
from nodes.errors import ComponentError
from tests.components.transform_data import configure, error_code, resolved, run, run_checked
from tests.engine.builders import node, pipeline

OUTPUT = "Results dataset"
FRAME = pd.DataFrame({"x": [1, 2, 3], "y": [0.5, None, 2.5], "name": ["a", "b", None]})


def imported(**values) -> pd.DataFrame:
    return run_checked(COMPONENT, {}, values)[OUTPUT].frame


def test_question_marks_read_as_missing_make_numeric_columns_numeric(tmp_path):
    path = tmp_path / "raw.csv"
    path.write_text("make,price,doors\nalfa,13495,two\naudi,?,four\nbmw,16500,?\n")
    frame = imported(Path=str(path), **{"Missing value markers": "?"})
    pd.testing.assert_frame_equal(frame, pd.read_csv(path, na_values=["?"]))
    assert frame["price"].dtype == "float64" and frame["doors"].isna().tolist() == [False, False, True]
    assert imported(Path=str(path))["price"].dtype != "float64"  # without the marker the column is text


@pytest.mark.parametrize("suffix", ["csv", "tsv", "parquet", "json", "jsonl", "xlsx"])
def test_each_format_reads_as_pandas_reads_it(tmp_path, suffix):
    path = tmp_path / f"data.{suffix}"
    writers = {"csv": partial(FRAME.to_csv, index=False), "tsv": partial(FRAME.to_csv, index=False, sep="\t"),
               "parquet": FRAME.to_parquet, "json": partial(FRAME.to_json, orient="records"),
               "jsonl": partial(FRAME.to_json, orient="records", lines=True),
               "xlsx": partial(FRAME.to_excel, index=False)}
    writers[suffix](path)
    readers = {"csv": pd.read_csv, "tsv": partial(pd.read_csv, sep="\t"), "parquet": pd.read_parquet,
               "json": pd.read_json, "jsonl": partial(pd.read_json, lines=True), "xlsx": pd.read_excel}
    pd.testing.assert_frame_equal(imported(Path=str(path)), readers[suffix](path))


def test_an_explicit_format_overrides_the_extension(tmp_path):
    path = tmp_path / "data.txt"
    FRAME.to_csv(path, index=False, sep="\t")
    pd.testing.assert_frame_equal(imported(Path=str(path), **{"File format": "TSV"}), FRAME)


def test_delimiter_header_and_encoding_options(tmp_path):
    path = tmp_path / "latin.csv"
    path.write_bytes("José|1\nZoë|2\n".encode("latin-1"))
    frame = imported(Path=str(path), Delimiter="pipe", **{"Has header row": False, "Encoding": "latin-1"})
    assert list(frame.columns) == ["col1", "col2"] and frame["col1"].tolist() == ["José", "Zoë"]
    assert imported(Path=str(path), Delimiter="|", **{"Has header row": False})["col1"].tolist() == ["José", "Zoë"]
    with pytest.raises(ComponentError) as caught:
        run(COMPONENT, {}, {"Path": str(path), "Encoding": "utf-8", "Has header row": False})
    assert caught.value.code == 18 and "latin.csv does not parse as CSV" in caught.value.message


@pytest.mark.parametrize(("values", "parameter"), [({"Encoding": "no-such-codec"}, "Encoding"),
                                                   ({"Delimiter": "::"}, "Delimiter")])
def test_a_wrong_reading_option_is_error_0002_naming_it(tmp_path, values, parameter):
    (tmp_path / "d.csv").write_text("a\n1\n")
    for call in (configure, run):
        with pytest.raises(ComponentError) as caught:
            call(COMPONENT, {}, {"Path": str(tmp_path / "d.csv"), **values})
        assert (caught.value.code, caught.value.parameter) == (2, parameter)


def test_a_folder_or_a_glob_reads_every_file_concatenated(tmp_path):
    folder = tmp_path / "parts"
    (folder / "deeper").mkdir(parents=True)
    parts = [FRAME.iloc[:1], FRAME.iloc[1:2], FRAME.iloc[2:]]
    for path, part in zip([folder / "a.csv", folder / "b.csv", folder / "deeper" / "c.csv"], parts, strict=True):
        part.to_csv(path, index=False)
    (folder / "README.md").write_text("not data")
    (folder / ".hidden.csv").write_text("other,columns\n1,2\n")
    expected = pd.concat([pd.read_csv(folder / n) for n in ("a.csv", "b.csv", "deeper/c.csv")], ignore_index=True)
    pd.testing.assert_frame_equal(imported(Path=str(folder)), expected)
    pd.testing.assert_frame_equal(imported(Path=str(folder / "**" / "*.csv")), expected)
    top = pd.concat([pd.read_csv(folder / n) for n in ("a.csv", "b.csv")], ignore_index=True)
    pd.testing.assert_frame_equal(imported(Path=str(folder / "*.csv")), top)


def test_files_with_other_columns_are_refused_naming_the_file(tmp_path):
    FRAME.to_csv(tmp_path / "a.csv", index=False)
    FRAME.rename(columns={"x": "z"}).to_csv(tmp_path / "b.csv", index=False)
    with pytest.raises(ComponentError) as caught:
        run(COMPONENT, {}, {"Path": str(tmp_path)})
    assert caught.value.code == 18 and "b.csv has other columns than a.csv" in caught.value.message


@pytest.mark.parametrize("path", ["missing.csv", "empty_folder", "empty_folder/*.csv"])
def test_a_path_that_names_no_file_is_error_0018_at_design_time(tmp_path, path):
    (tmp_path / "empty_folder").mkdir()
    for call in (configure, run):
        with pytest.raises(ComponentError) as caught:
            call(COMPONENT, {}, {"Path": str(tmp_path / path)})
        assert (caught.value.code, caught.value.parameter) == (18, "Path")


@pytest.mark.parametrize(("name", "content", "fragment"), [
    ("bad.csv", b"", "the file is empty"), ("bad.csv", b"\x00\x01\x02" * 10, "binary"),
    ("bad.csv", b'a,b\n1,"open\n', "does not parse as CSV"), ("bad.xlsx", b"PK\x03\x04junk", "does not parse as EXCEL"),
    ("bad.json", b'{"a": [1, 2', "does not parse as JSON"), ("bad.parquet", b"a,b\n", "does not parse as PARQUET"),
])
def test_a_file_that_does_not_parse_is_one_clear_error(tmp_path, name, content, fragment):
    (tmp_path / name).write_bytes(content)
    assert error_code(run, COMPONENT, {}, {"Path": str(tmp_path / name)}) == 18
    with pytest.raises(ComponentError, match=fragment) as caught:
        configure(COMPONENT, {}, {"Path": str(tmp_path / name)})
    assert "\n" not in caught.value.message and name in caught.value.message


def test_the_content_key_follows_the_files(tmp_path):
    path = tmp_path / "d.csv"
    path.write_text("a\n1\n")
    key = partial(COMPONENT.content_key, DesignContext())
    params = resolved(COMPONENT, {"Path": str(path)})
    first = key(params)
    assert key(params) == first
    path.write_text("a\n2\n")
    os.utime(path, ns=(1, 1))
    assert key(params) != first
    regenerating = resolved(COMPONENT, {"Path": str(path), "Regenerate output": True})
    assert key(regenerating) != key(regenerating)


def test_a_job_reads_a_changed_file_again_and_reuses_an_unchanged_one(engine, tmp_path):
    path = tmp_path / "d.csv"
    path.write_text("a\n1\n")
    reader = node("import_data", Path=str(path))
    first = engine.submit(pipeline(reader)).wait(60)
    assert first.status == "Completed", first.error
    assert engine.submit(pipeline(reader)).wait(60).step(reader.id).status == "Reused"
    path.write_text("a\n1\n2\n")
    os.utime(path, ns=(10**9, 10**9))
    third = engine.submit(pipeline(reader)).wait(60)
    assert third.step(reader.id).status == "Completed"
    assert third.step(reader.id).outputs != first.step(reader.id).outputs


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def test_an_http_source_is_downloaded_and_read(tmp_path):
    FRAME.to_csv(tmp_path / "served.csv", index=False)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(tmp_path)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_port}/served.csv"
        values = {"Data source": "URL via HTTP", "URL": url}
        assert configure(COMPONENT, {}, values) == {OUTPUT: None}
        pd.testing.assert_frame_equal(run(COMPONENT, {}, values)[OUTPUT].frame, FRAME)
        with pytest.raises(ComponentError, match="404"):
            run(COMPONENT, {}, {**values, "URL": url.replace("served", "absent")})
    finally:
        server.shutdown()
        server.server_close()


def test_an_unreachable_http_source_fails_with_a_clear_message():
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(ComponentError) as caught:
        run(COMPONENT, {}, {"Data source": "URL via HTTP", "URL": f"http://127.0.0.1:{port}/data.csv"})
    error = caught.value
    assert (error.code, error.parameter) == (39, "URL")
    assert f'Could not download "http://127.0.0.1:{port}/data.csv"' in error.message and "online" in error.message


@pytest.mark.parametrize("url", ["ftp://example.com/data.csv", "data.csv", "http://"])
def test_an_address_that_is_not_http_is_error_0002(url):
    assert error_code(configure, COMPONENT, {}, {"Data source": "URL via HTTP", "URL": url}) == 2
