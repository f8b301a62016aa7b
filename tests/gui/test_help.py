"""Help in place: F1 opens the selected component's reference page; shortcuts and About list real things."""
from __future__ import annotations

from importlib.metadata import version

from PySide6 import QtCore, QtWidgets

from tests.gui.helpers import node_by_component


def test_f1_opens_the_selected_components_page(qtbot, main_window):
    adapter = main_window.adapter
    uuid = adapter.add_component("clean_missing_data")
    adapter.select(uuid)
    main_window.actions["help"].trigger()
    reference = main_window.reference
    qtbot.waitExposed(reference)
    text = reference.page.toPlainText()
    assert text.startswith("Clean Missing Data")
    for param in adapter.node(uuid).COMPONENT.params:
        assert param.name in text
    assert "Computes with:" in text and "fillna" in text
    reference.activateWindow()
    qtbot.waitUntil(reference.isActiveWindow)
    qtbot.keyClick(reference.page, QtCore.Qt.Key.Key_W, QtCore.Qt.KeyboardModifier.ControlModifier)
    assert not reference.isVisible()


def test_reference_lists_every_component_and_follows_the_selection(qtbot, main_window):
    reference = main_window.show_help()
    names = {reference.tree.topLevelItem(i).child(j).text(0)
             for i in range(reference.tree.topLevelItemCount())
             for j in range(reference.tree.topLevelItem(i).childCount())}
    assert names == {c.name for c in main_window.engine.registry}
    node = node_by_component(main_window.adapter, "split_data")
    main_window.adapter.select(node.id)
    main_window.show_help()
    assert reference.page.toPlainText().startswith("Split Data")


def test_shortcuts_and_about(qtbot, main_window):
    main_window.actions["shortcuts"].trigger()
    main_window.actions["about"].trigger()
    dialogs = {w.windowTitle(): w.findChild(QtWidgets.QTextBrowser).toPlainText()
               for w in main_window.findChildren(QtWidgets.QDialog)}
    assert "Submit" in dialogs["Keyboard shortcuts"] and "F5" in dialogs["Keyboard shortcuts"]
    assert "F1" in dialogs["Keyboard shortcuts"]
    about = dialogs["About Designer"]
    assert f"scikit-learn {version('scikit-learn')}" in about and f"pandas {version('pandas')}" in about
