"""Export Data: the file each format writes reads back as the data set, atomically replaced; bad targets refused."""
from __future__ import annotations

import pandas as pd
import pytest

from engine.inference import create_inference_pipeline
from engine.pipeline import Edge, Node, Pipeline
from engine.samples import resources
from nodes.components.data_io.export_data import COMPONENT
from nodes.errors import ComponentError
from nodes.table import Table
from tests.components.transform_data import configure, error_code, gappy_table, run, run_checked

READ = {"csv": pd.read_csv, "tsv": lambda p: pd.read_csv(p, sep="\t"), "parquet": pd.read_parquet}


@pytest.mark.parametrize("file_format", list(READ))
def test_each_format_reads_back_as_the_data_set(tmp_path, file_format):
    table = gappy_table()
    folder = tmp_path / "new" / "folder"
    outputs = run_checked(COMPONENT, {"Dataset": table}, {"Path": str(folder), "File format": file_format})
    assert outputs["Exported dataset"] is table
    back = READ[file_format](folder / f"data.{file_format}")
    expected = table.frame if file_format == "parquet" else pd.read_csv(
        pd.io.common.StringIO(table.frame.to_csv(index=False)))
    pd.testing.assert_frame_equal(back, expected)
    assert [p.name for p in folder.iterdir()] == [f"data.{file_format}"]  # no temporary file left


def test_an_existing_file_is_replaced_and_an_empty_table_writes_its_header(tmp_path):
    (tmp_path / "out.csv").write_text("old\n")
    empty = Table(gappy_table().frame.iloc[0:0])
    run(COMPONENT, {"Dataset": empty}, {"Path": str(tmp_path), "File name": "out"})
    assert (tmp_path / "out.csv").read_text().strip() == ",".join(empty.frame.columns)


@pytest.mark.parametrize(("values", "parameter"), [({"Path": "https://example.com/x"}, "Path"),
                                                   ({"File name": "sub/name"}, "File name")])
def test_a_url_or_a_file_name_with_a_folder_is_error_0002(tmp_path, values, parameter):
    values = {"Path": str(tmp_path), **values}
    with pytest.raises(ComponentError) as caught:
        configure(COMPONENT, {"Dataset": gappy_table().schema}, values)
    assert (caught.value.code, caught.value.parameter) == (2, parameter)


def test_a_folder_that_cannot_be_made_is_error_0160(tmp_path):
    (tmp_path / "file").write_text("")
    assert error_code(run, COMPONENT, {"Dataset": gappy_table()}, {"Path": str(tmp_path / "file" / "under")}) == 160


def test_an_inference_pipeline_scores_without_exporting(engine, workspace, tmp_path):
    training = Pipeline.load(resources() / "samples" / "regression_automobile_fuel_economy.json")
    (score,) = [n for n in training.nodes if n.component == "score_model"]
    export = Node(component="export_data", params={"Path": str(tmp_path)})
    training.nodes.append(export)
    training.edges.append(Edge(source=score.id, source_port="Scored dataset", target=export.id,
                               target_port="Dataset"))
    job = engine.submit(training).wait(120)
    assert job.status == "Completed", job.error
    assert (tmp_path / "data.csv").exists()
    for kind in ("realtime", "batch"):
        inference, _ = create_inference_pipeline(workspace, job.id, kind)
        assert not [n for n in inference.nodes if n.component == "export_data"]
        assert [n for n in inference.nodes if n.component == "score_model"]
