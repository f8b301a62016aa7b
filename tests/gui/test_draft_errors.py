"""Bad pipelines in the editor get a clear message and lose nothing."""
from __future__ import annotations

import json

import pytest

from engine.pipeline import Node, Pipeline, PipelineFormatError


def test_importing_a_pipeline_with_an_unknown_component_creates_nothing(main_window, tmp_path):
    path = tmp_path / "plugin.json"
    path.write_text(Pipeline(name="Needs a plug-in", nodes=[Node(component="my_plugin_thing")]).to_json())
    before = [d.id for d in main_window.workspace.drafts.list()]
    shown = main_window.adapter.to_pipeline()
    with pytest.raises(PipelineFormatError, match='"Needs a plug-in" uses components .*: my_plugin_thing'):
        main_window.drafts.import_file(path)
    assert [d.id for d in main_window.workspace.drafts.list()] == before
    assert main_window.adapter.to_pipeline() == shown


def test_malformed_json_is_refused(main_window, tmp_path):
    path = tmp_path / "broken.json"
    path.write_text("{not json")
    with pytest.raises(PipelineFormatError, match="not valid JSON"):
        main_window.drafts.import_file(path)


def test_a_draft_that_cannot_load_is_skipped_at_start_and_kept(main_window):
    drafts = main_window.workspace.drafts
    broken = drafts.create(Pipeline(name="Broken", nodes=[Node(component="gone_plugin")]))
    current = main_window.drafts.current
    with pytest.raises(PipelineFormatError):
        main_window.drafts.open(broken)
    assert main_window.drafts.current == current  # still on the draft that was open
    assert main_window.drafts.restore() != broken
    assert json.loads(drafts.load(broken).to_json())["nodes"][0]["component"] == "gone_plugin"
