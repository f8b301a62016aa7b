"""Workspace tokens: random secrets for the built-in server, shown once, kept only as sha256 hashes."""
from __future__ import annotations

import hashlib
import hmac
import secrets
import uuid
from dataclasses import dataclass

from engine.store import Store, now

SECRET_BYTES = 32


class TokenNotFound(KeyError):
    def __str__(self) -> str:
        return f"No token with id {self.args[0]}."


@dataclass(frozen=True)
class TokenInfo:
    id: str
    name: str
    created: str
    revoked: str | None


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


class Tokens:
    def __init__(self, store: Store) -> None:
        self.store = store

    def create(self, name: str = "") -> tuple[str, str]:
        """A new token: (its id, its secret); the secret is not kept and cannot be shown again."""
        token_id, secret = uuid.uuid4().hex[:12], secrets.token_urlsafe(SECRET_BYTES)
        with self.store.write() as db:
            db["tokens"].insert({"id": token_id, "name": name, "hash": _hash(secret), "created": now(),
                                 "revoked": None})
        return token_id, secret

    def list(self) -> list[TokenInfo]:
        rows = self.store.db.query("select id, name, created, revoked from tokens order by created")
        return [TokenInfo(r["id"], r["name"] or "", r["created"], r["revoked"]) for r in rows]

    def revoke(self, token_id: str) -> None:
        with self.store.write() as db:
            cursor = db.execute("update tokens set revoked = coalesce(revoked, ?) where id = ?", [now(), token_id])
        if cursor.rowcount == 0:
            raise TokenNotFound(token_id)

    def verify(self, secret: str) -> bool:
        """The secret is one of a token that is not revoked; every hash is compared in constant time."""
        digest = _hash(secret)
        hashes = [r[0] for r in self.store.db.execute("select hash from tokens where revoked is null")]
        return sum(hmac.compare_digest(digest, h) for h in hashes) > 0
