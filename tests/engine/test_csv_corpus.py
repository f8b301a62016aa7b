"""A corpus of awkward files for `designer datasets register`: each is registered correctly or refused in one line
(DatasetError naming the file; the command line prints it as "designer: ..." with exit 1), never a traceback."""
from __future__ import annotations

import math

import pytest

from engine.cli import main
from engine.datasets import DatasetError

WIDE = 10_000

REGISTERED = {
    "bom.csv": ("\ufeffname,age\nAda,36\n".encode(), ["name", "age"], ["Ada", 36]),
    "latin1.csv": ("nom,ville\nJosé,Zürich\n".encode("latin-1"), ["nom", "ville"], ["José", "Zürich"]),
    "short_rows.csv": (b"a,b,c\n1,2\n3,4,5\n", ["a", "b", "c"], [1, 2, None]),
    "semicolons.csv": (b"a;b;c\n1,5;2;x\n3,25;4;y\n", ["a", "b", "c"], [1.5, 2, "x"]),
    "quotes.csv": (b'a,b\n"hello, world","say ""hi"""\n"two\nlines",2\n', ["a", "b"], ["hello, world", 'say "hi"']),
    "quoted_semicolon_header.csv": (b'"x;1";"y"\n1;2\n', ["x;1", "y"], [1, 2]),
    "tabs.tsv": (b"a\tb\n1\t2\n", ["a", "b"], [1, 2]),
    "header_only.csv": (b"a,b\n", ["a", "b"], None),
    "crlf.csv": (b"a,b\r\n1,2\r\n", ["a", "b"], [1, 2]),
    "wide.csv": ((",".join(f"c{i}" for i in range(WIDE)) + "\n" + ",".join(map(str, range(WIDE))) + "\n").encode(),
                 [f"c{i}" for i in range(WIDE)], list(range(WIDE))),
}

REFUSED = {
    "empty.csv": (b"", "empty.csv does not parse as CSV: the file is empty"),
    "blank_lines.csv": (b"\n\n\n", "blank_lines.csv does not parse as CSV: No columns to parse from file"),
    "long_first_row.csv": (b"a,b\n1,2,3\n", "long_first_row.csv does not parse as CSV: line 2 has 3 fields, the "
                                            "header 2"),
    "long_rows.csv": (b"a,b\n1,2\n1,2,3\n", "long_rows.csv does not parse as CSV: Error tokenizing data. C error: "
                                         "Expected 2 fields in line 3, saw 3"),
    "duplicates.csv": (b"a,b,a\n1,2,3\n", "duplicates.csv has duplicate column names: 'a'"),
    "unterminated.csv": (b'a,b\n1,"oops\n', "unterminated.csv does not parse as CSV: Error tokenizing data. C error: "
                                            "EOF inside string starting at row 1"),
    "binary.csv": (bytes(range(256)) * 8, "binary.csv is not a text file (it holds binary data)"),
    "image.csv": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "image.csv is not a text file (it holds binary data)"),
    "parquet.parquet": (b"a,b\n1,2\n", "parquet.parquet does not parse as PARQUET: "),
    "sheet.xlsx": (b"PK\x03\x04", "sheet.xlsx: unsupported file type .xlsx; use .csv, .tsv or .parquet"),
}


def same(value, expected) -> bool:
    if expected is None:
        return value is None or (isinstance(value, float) and math.isnan(value))
    return value == expected


@pytest.mark.parametrize("name", REGISTERED)
def test_registered_correctly(workspace, tmp_path, name):
    content, columns, first_row = REGISTERED[name]
    (tmp_path / name).write_bytes(content)
    info = workspace.datasets.register(tmp_path / name, name)
    frame = workspace.datasets.load_dataset(name).frame
    assert [c.name for c in info.schema.columns] == columns == list(frame.columns)
    if first_row is None:
        assert info.row_count == 0
    else:
        assert all(same(v, e) for v, e in zip(frame.iloc[0].tolist(), first_row, strict=True))


@pytest.mark.parametrize("name", REFUSED)
def test_refused_in_one_line(workspace, tmp_path, name):
    content, message = REFUSED[name]
    (tmp_path / name).write_bytes(content)
    before = workspace.datasets.list()
    with pytest.raises(DatasetError) as error:
        workspace.datasets.register(tmp_path / name, "refused")
    assert str(error.value).startswith(message)
    assert "\n" not in str(error.value) and len(str(error.value)) < 400
    assert workspace.datasets.list() == before


@pytest.mark.parametrize("name", ["duplicates.csv", "binary.csv", "long_rows.csv"])
def test_the_command_line_says_why_in_one_line(tmp_path, capsys, name):
    content, message = REFUSED[name]
    (tmp_path / name).write_bytes(content)
    code = main(["--workspace", str(tmp_path / "ws"), "datasets", "register", str(tmp_path / name), "--name", "x"])
    err = capsys.readouterr().err
    assert (code, err.splitlines()) == (1, [f"designer: {message}"])
