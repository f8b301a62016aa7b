"""Pipeline drafts saved in the workspace, as pipeline JSON (never NodeGraphQt's session format)."""
from __future__ import annotations

import uuid
from dataclasses import dataclass

from engine.pipeline import Pipeline
from engine.store import Store, insert, now


class DraftNotFound(KeyError):
    def __str__(self) -> str:
        return f"No draft with id {self.args[0]}."


@dataclass(frozen=True)
class DraftInfo:
    id: str
    name: str
    created: str
    modified: str


class Drafts:
    def __init__(self, store: Store) -> None:
        self.store = store

    def create(self, pipeline: Pipeline, name: str | None = None) -> str:
        """A new draft holding a copy of `pipeline` as a new document (`Pipeline.cloned`): new id, its source."""
        draft_id = str(uuid.uuid4())
        stamp = now()
        pipeline = pipeline.cloned(name)
        with self.store.write() as conn:
            insert(conn, "drafts", {"id": draft_id, "name": pipeline.name, "pipeline": pipeline.to_json(indent=None),
                                    "created": stamp, "modified": stamp})
        return draft_id

    def save(self, draft_id: str, pipeline: Pipeline) -> None:
        """Replace the draft's pipeline (its name follows the pipeline's)."""
        with self.store.write() as conn:
            cursor = conn.execute("update drafts set pipeline = ?, name = ?, modified = ? where id = ?",
                                  [pipeline.to_json(indent=None), pipeline.name, now(), draft_id])
        if cursor.rowcount == 0:
            raise DraftNotFound(draft_id)

    def load(self, draft_id: str) -> Pipeline:
        row = self.store.conn.execute("select pipeline from drafts where id = ?", [draft_id]).fetchone()
        if row is None:
            raise DraftNotFound(draft_id)
        return Pipeline.from_json(row[0], source=f"draft {draft_id}")

    def rename(self, draft_id: str, name: str) -> None:
        self.save(draft_id, self.load(draft_id).model_copy(update={"name": name}))

    def duplicate(self, draft_id: str, name: str | None = None) -> str:
        pipeline = self.load(draft_id)
        return self.create(pipeline, name or f"{pipeline.name} (copy)")

    def delete(self, draft_id: str) -> None:
        with self.store.write() as conn:
            cursor = conn.execute("delete from drafts where id = ?", [draft_id])
        if cursor.rowcount == 0:
            raise DraftNotFound(draft_id)

    def list(self) -> list[DraftInfo]:
        rows = self.store.query("select id, name, created, modified from drafts order by modified desc")
        return [DraftInfo(**r) for r in rows]
