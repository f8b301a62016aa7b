"""The generated component reference: committed, current, and complete for every component."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from nodes.reference import anchor, component_page, reference
from nodes.registry import default_registry

DOCS = Path(__file__).resolve().parents[1] / "docs" / "components.md"


def test_docs_components_md_is_current():
    expected = reference(default_registry())
    assert DOCS.read_text(encoding="utf-8") == expected, (
        "docs/components.md is stale: run `designer components --markdown > docs/components.md`")


def test_cli_prints_the_reference():
    done = subprocess.run([sys.executable, "-m", "engine.cli", "components", "--markdown"],
                          capture_output=True, text=True, check=True)
    assert done.stdout == reference(default_registry())


def test_every_component_has_a_page_that_says_what_it_computes_with():
    document = reference(default_registry())
    for component in default_registry():
        page = component_page(component)
        assert component.maps_to, f"{component.name} does not say what it computes with (maps_to)"
        assert page in document and f"(#{anchor(component)})" in document
        for param in component.params:
            assert f"| {param.name.replace('|', chr(92) + '|')} |" in page
        for port in (*component.inputs, *component.outputs):
            assert f"| {port.name}" in page
