"""Workspace tokens: random secrets for the built-in server, shown once, kept only as sha256 hashes."""
from __future__ import annotations

import uuid
from dataclasses import dataclass

from engine.secret_keys import matches, new_secret, secret_hash
from engine.store import Store, insert, now


class TokenNotFound(KeyError):
    def __str__(self) -> str:
        return f"No token with id {self.args[0]}."


@dataclass(frozen=True)
class TokenInfo:
    id: str
    name: str
    created: str
    revoked: str | None


class Tokens:
    def __init__(self, store: Store) -> None:
        self.store = store

    def create(self, name: str = "") -> tuple[str, str]:
        """A new token: (its id, its secret); the secret is not kept and cannot be shown again."""
        token_id, secret = uuid.uuid4().hex[:12], new_secret()
        with self.store.write() as conn:
            insert(conn, "tokens", {"id": token_id, "name": name, "hash": secret_hash(secret), "created": now(),
                                    "revoked": None})
        return token_id, secret

    def list(self) -> list[TokenInfo]:
        rows = self.store.query("select id, name, created, revoked from tokens order by created")
        return [TokenInfo(r["id"], r["name"] or "", r["created"], r["revoked"]) for r in rows]

    def revoke(self, token_id: str) -> None:
        with self.store.write() as conn:
            cursor = conn.execute("update tokens set revoked = coalesce(revoked, ?) where id = ?", [now(), token_id])
        if cursor.rowcount == 0:
            raise TokenNotFound(token_id)

    def verify(self, secret: str) -> bool:
        """The secret is one of a token that is not revoked; every hash is compared in constant time."""
        return matches(secret, (r[0] for r in self.store.conn.execute("select hash from tokens where revoked is null")))
