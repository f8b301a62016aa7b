"""The warnings in a step's log: the lines `warnings.formatwarning` writes ("file:line: Category: message")."""
from __future__ import annotations

import re

WARNING_LINE = re.compile(r"^.+:\d+: (?P<category>\w*Warning): (?P<message>.*)$", re.MULTILINE)


def step_warnings(logs: str | None) -> list[str]:
    """Each warning as "Category: message", in the order they were logged."""
    return [f"{m['category']}: {m['message']}" for m in WARNING_LINE.finditer(logs or "")]
