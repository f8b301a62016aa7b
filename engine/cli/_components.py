"""What `designer components` does: the catalogue as a table, JSON, or the Markdown reference."""
from __future__ import annotations

import argparse

from engine.cli.common import answer
from nodes.reference import reference
from nodes.registry import default_registry


def list_components(args: argparse.Namespace) -> int:
    components = list(default_registry())
    if args.markdown:
        print(reference(components), end="")
        return 0
    return answer(args, [c.to_dict() for c in components],
                  (f"{c.category:<28} {c.name:<36} {c.id}" for c in components))
