"""Run a shipped sample pipeline as a job and read its nodes' outputs by component."""
from __future__ import annotations

from engine.samples import sample_pipelines


def run_sample(engine, name):
    """The completed job and `output(component, port, i=0)`: the port's value on the i-th node of that component."""
    pipeline = sample_pipelines()[name]
    job = engine.submit(pipeline, regenerate=True).wait(300)
    assert job.status == "Completed", job.error
    nodes = {}
    for node in pipeline.nodes:
        nodes.setdefault(node.component, []).append(node.id)
    return job, lambda component, port, i=0: engine.output(job.id, nodes[component][i], port)
