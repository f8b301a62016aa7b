"""Applying the schema's pending migrations (`engine.store_migrations`) with sqlite_utils' Migrations, which records
each one by name in `_sqlite_migrations`."""
from __future__ import annotations

from sqlite_utils import Database, Migrations

from engine.store_migrations import MIGRATIONS

migrations = Migrations("designer")
for _migration in MIGRATIONS:
    migrations()(_migration)


def upgrade(db: Database) -> int:
    """Apply the pending migrations; the number applied in all (the schema's version)."""
    migrations.apply(db)
    return len(migrations.applied(db))
