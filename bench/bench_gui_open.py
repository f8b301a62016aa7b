"""Opening a generated 300-node draft on the canvas: `CanvasAdapter.load` plus the first paint.

Prints the time next to a baseline (`Pipeline.from_dict` of the same document) as a ratio. Target: < 1.5 s.
"""
from __future__ import annotations

import os
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6 import QtWidgets  # noqa: E402

from designer_app.canvas.adapter import CanvasAdapter  # noqa: E402
from engine.pipeline import Edge, Node, Pipeline  # noqa: E402

NODES, TARGET_S = 300, 1.5
CHAIN = (("select_columns", "Dataset", "Results dataset"), ("clean_missing_data", "Dataset", "Cleaned dataset"),
         ("normalize_data", "Dataset", "Transformed dataset"), ("split_data", "Dataset", "Results dataset1"))


def generated_document(size: int = NODES) -> dict:
    """A tree: a Dataset feeding branches of Select Columns -> Clean Missing Data -> Normalize -> Split Data."""
    source = Node(component="dataset", params={"Dataset": "Automobile fuel economy"}, position=(0.0, 0.0))
    nodes, edges = [source], []
    branch = 0
    while len(nodes) < size:
        upstream, port = source.id, "Dataset"
        for depth, (component, in_port, out_port) in enumerate(CHAIN):
            if len(nodes) >= size:
                break
            node = Node(component=component, position=(branch * 260.0, (depth + 1) * 120.0))
            nodes.append(node)
            edges.append(Edge(source=upstream, source_port=port, target=node.id, target_port=in_port))
            upstream, port = node.id, out_port
        branch += 1
    return Pipeline(name="Generated", nodes=nodes, edges=edges).to_dict()


def main() -> None:
    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication([])
    document = generated_document()
    baseline, pipeline = float("inf"), None
    for _ in range(5):
        start = time.perf_counter()
        pipeline = Pipeline.from_dict(document)
        baseline = min(baseline, time.perf_counter() - start)
    adapter = CanvasAdapter()
    widget = adapter.widget
    widget.resize(1400, 900)
    widget.show()
    app.processEvents()
    start = time.perf_counter()
    adapter.load(pipeline)
    adapter.fit()
    widget.grab()  # the first paint
    elapsed = time.perf_counter() - start
    assert len(adapter.to_pipeline().nodes) == NODES
    verdict = "OK" if elapsed < TARGET_S else "TOO SLOW"
    print(f"open {NODES}-node draft: {elapsed:.3f} s (load + first paint) vs Pipeline.from_dict {baseline * 1000:.1f} ms "
          f"= {elapsed / baseline:.0f}x baseline; target < {TARGET_S} s: {verdict}")


if __name__ == "__main__":
    main()
