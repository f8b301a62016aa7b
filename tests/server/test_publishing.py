"""Pipeline endpoints and workspace tokens, on a real workspace (no HTTP)."""
from __future__ import annotations

import pytest

from engine.engine import InvalidPipeline
from engine.pipeline import Pipeline
from engine.publishing import EndpointNotFound, PublishingError, VersionDisabled, VersionNotFound
from engine.tokens import TokenNotFound, Tokens
from tests.server.conftest import ENDPOINT, SAMPLE_DATA, with_default


def test_versions_count_up_from_0_and_the_publisher_chooses_the_default(endpoints, regression):
    first = endpoints.publish(regression, ENDPOINT, description="first", source="draft d1")
    assert (first.version, first.default, first.source) == (0, True, "draft d1")
    second = endpoints.publish(regression, ENDPOINT)
    assert (second.version, second.default) == (1, False)
    third = endpoints.publish(regression, ENDPOINT, make_default=True)
    assert (third.version, third.default) == (2, True)
    endpoint = endpoints.get(ENDPOINT)
    assert [v.version for v in endpoint.versions] == [0, 1, 2] and endpoint.default_version == 2
    assert endpoint.description == "first"
    endpoints.set_default(ENDPOINT, 0)
    assert endpoints.version(ENDPOINT).version == 0
    assert [e.name for e in endpoints.list()] == [ENDPOINT]


def test_a_published_version_is_frozen_with_its_data_sets_pinned(endpoints, regression, workspace, tmp_path):
    published = endpoints.publish(regression, ENDPOINT)
    data_node = next(n for n in published.pipeline.nodes if n.component == "dataset")
    assert data_node.params["Version"] == 1
    assert published.pipeline.parameter("input").default == {"Name": SAMPLE_DATA, "Version": 1}
    path = tmp_path / "newer.csv"
    workspace.datasets.load_dataset(SAMPLE_DATA).frame.head(50).to_csv(path, index=False)
    workspace.datasets.register(path, SAMPLE_DATA)  # version 2: the published version still reads version 1
    regression.parameters[0].default = 0.9  # and later edits of the document change nothing
    again = endpoints.version(ENDPOINT, 0)
    assert again.pipeline.parameter("input").default == {"Name": SAMPLE_DATA, "Version": 1}
    assert again.pipeline.parameter("training-fraction").default == 0.7
    assert endpoints.publish(regression, ENDPOINT).pipeline.parameter("input").default["Version"] == 2


def test_disabled_versions_are_kept_and_refused(endpoints, regression):
    endpoints.publish(regression, ENDPOINT)
    endpoints.publish(regression, ENDPOINT)
    with pytest.raises(PublishingError, match="is the default"):
        endpoints.disable(ENDPOINT, 0)
    endpoints.disable(ENDPOINT, 1)
    assert endpoints.version(ENDPOINT, 1).disabled
    with pytest.raises(VersionDisabled, match="Version 1 .* is disabled"):
        endpoints.callable(ENDPOINT, 1)
    with pytest.raises(VersionDisabled):
        endpoints.set_default(ENDPOINT, 1)
    assert endpoints.callable(ENDPOINT).version == 0


def test_unknown_endpoints_and_versions_say_which(endpoints, regression):
    with pytest.raises(EndpointNotFound, match='No pipeline endpoint "nope"'):
        endpoints.get("nope")
    endpoints.publish(regression, ENDPOINT)
    with pytest.raises(VersionNotFound, match=r"no version 4 \(its versions: 0\)"):
        endpoints.version(ENDPOINT, 4)


def test_an_invalid_pipeline_is_not_published(endpoints, regression, workspace):
    broken = with_default(regression, "input", "No such data")
    with pytest.raises(InvalidPipeline):
        endpoints.publish(Pipeline(nodes=[regression.nodes[1]]), ENDPOINT)
    with pytest.raises(InvalidPipeline, match="No such data"):
        endpoints.publish(broken, ENDPOINT)
    assert endpoints.list() == []
    assert workspace.store.db["pipeline_versions"].count == 0


def test_tokens_keep_only_hashes_and_revoked_ones_stop_working(workspace):
    tokens = Tokens(workspace.store)
    token_id, secret = tokens.create("ci")
    other_id, other = tokens.create()
    assert len(secret) >= 43 and secret != other  # 32 random bytes, url-safe
    assert tokens.verify(secret) and tokens.verify(other) and not tokens.verify(secret + "x")
    assert secret not in str(list(workspace.store.db["tokens"].rows))
    tokens.revoke(token_id)
    assert not tokens.verify(secret) and tokens.verify(other)
    assert [(t.id, t.name, t.revoked is not None) for t in tokens.list()] == [(token_id, "ci", True),
                                                                             (other_id, "", False)]
    with pytest.raises(TokenNotFound):
        tokens.revoke("nope")
