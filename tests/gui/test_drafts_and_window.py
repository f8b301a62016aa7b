"""Draft commands (rename, duplicate, delete, export/import), the last draft and the window's theme and layout
remembered across restarts, and ranges enforced by the parameter editors."""
from __future__ import annotations

from designer_app.settings import app_settings
from tests.gui.helpers import node_by_component


def test_rename_is_undoable_and_reaches_the_workspace(qtbot, main_window):
    drafts = main_window.drafts
    drafts.rename("My cars")
    assert main_window.workspace.drafts.load(drafts.current).name == "My cars"
    assert main_window.windowTitle().startswith("My cars")
    main_window.actions["undo"].trigger()
    qtbot.waitUntil(lambda: main_window.workspace.drafts.load(drafts.current).name != "My cars", timeout=3000)


def test_duplicate_delete_and_export_import(main_window, tmp_path):
    drafts, store = main_window.drafts, main_window.workspace.drafts
    original = drafts.current
    nodes = [n.id for n in main_window.adapter.to_pipeline().nodes]
    copy = drafts.duplicate()
    assert copy != original and drafts.current == copy
    assert [n.id for n in store.load(copy).nodes] == nodes
    path = tmp_path / "exported.json"
    drafts.export_file(path)
    imported = drafts.import_file(path)
    same = {"name": None, "id": None, "lineage": None}  # an imported file is a new document copied from it
    assert store.load(imported).to_dict() | same == store.load(copy).to_dict() | same
    assert store.load(imported).lineage.source == store.load(copy).id != store.load(imported).id
    drafts.delete()
    assert imported not in [d.id for d in store.list()]
    assert drafts.current in (original, copy)  # the newest remaining draft is open


def test_the_last_draft_theme_and_layout_come_back(open_main_window, engine):
    window = open_main_window(engine)
    draft = window.drafts.duplicate()
    window.set_theme("light")
    window.docks["palette"].hide()
    window.close()
    assert app_settings().value("ui/theme") == "light"
    again = open_main_window(engine)
    assert again.drafts.current == draft
    assert again.theme == "light"
    assert not again.docks["palette"].isVisible()


def test_editors_keep_values_within_range(main_window, adapter):
    split = node_by_component(adapter, "split_data")
    adapter.select(split.id)
    fraction = main_window.properties.editors["Fraction of rows in the first output dataset"]
    fraction.spin.setValue(7.5)
    assert fraction.spin.value() == 1.0
    seed = main_window.properties.editors["Random seed"]
    seed.spin.setValue(-5)
    assert seed.spin.value() == 0
    assert adapter.to_pipeline().node(split.id).params["Random seed"] == 0
