"""Secrets of the built-in server (workspace tokens, endpoint keys): random, shown once, kept only as sha256
hashes, and compared in constant time."""
from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Iterable

SECRET_BYTES = 32


def new_secret() -> str:
    return secrets.token_urlsafe(SECRET_BYTES)


def secret_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def matches(secret: str, hashes: Iterable[str]) -> bool:
    """The secret hashes to one of `hashes`; every one is compared in constant time (no early exit)."""
    digest = secret_hash(secret)
    return sum(hmac.compare_digest(digest, h) for h in hashes) > 0
