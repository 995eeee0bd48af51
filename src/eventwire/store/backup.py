"""Backups of a store: a checkpointed byte copy of its DuckDB file, and its restore.

Why a file copy and not EXPORT DATABASE: the copy is the store itself, so a restore gives an
identical store (same tables, indexes, JSON columns, timestamps and schema version) with
nothing re-typed or re-indexed on the way, and it is as fast as copying a file. EXPORT to
CSV/Parquet would be portable across DuckDB storage versions, but its IMPORT rebuilds the
schema from SQL text and maps types through the files, which is not the same store.

Consistency: the backup opens the store for writing, which takes DuckDB's exclusive lock
(an ingest still running makes it fail with a clear message instead of copying a moving
file), CHECKPOINTs so the write-ahead log is folded into the main file, and copies that
file while still holding the lock. Files are written to a temporary name and renamed into
place, so a killed backup or restore never leaves half a file under the real name.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import duckdb

from .db import SCHEMA_VERSION, Store, StoreError, schema_version


@dataclass
class Copied:
    """What a backup or restore copied."""

    path: str
    version: int
    counts: dict[str, int]
    size: int


def _connect(path: Path, read_only: bool, what: str) -> duckdb.DuckDBPyConnection:
    try:
        return duckdb.connect(str(path), read_only=read_only)
    except duckdb.IOException as exc:
        if "lock" in str(exc).lower():
            raise StoreError(f"{path}: in use by another eventwire process (ingest, watch or serve);"
                             f" stop it, then retry") from None
        raise StoreError(f"{path}: not {what} (DuckDB cannot open it: {exc})") from None
    except duckdb.Error as exc:
        raise StoreError(f"{path}: not {what} (DuckDB says: {exc})") from None


def _version(con: duckdb.DuckDBPyConnection, path: Path, what: str) -> int:
    version = schema_version(con, str(path))
    if version == 0:
        raise StoreError(f"{path}: not {what} (an empty DuckDB file)")
    return version


def _copy(source: Path, target: Path) -> int:
    """Copy to a temporary file beside `target`, flush it to disk, then rename it into place."""
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        with open(source, "rb") as src, open(tmp, "wb") as dst:
            shutil.copyfileobj(src, dst, 1 << 20)
            dst.flush()
            os.fsync(dst.fileno())
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    return target.stat().st_size


def _summary(path: Path) -> Copied:
    with Store(path, read_only=True) as store:
        return Copied(str(path), store.version(), store.counts(), path.stat().st_size)


def backup(db: str | Path, out: str | Path) -> Copied:
    """Copy the store `db` to the new file `out`, consistent as of now; `db` is not migrated or changed."""
    db, out = Path(db), Path(out)
    if not db.is_file():
        raise StoreError(f"{db}: no such store")
    if out.exists():
        raise StoreError(f"{out}: already exists; give a new file name (a backup never overwrites)")
    if out.resolve() == db.resolve():
        raise StoreError(f"{out}: is the store itself")
    con = _connect(db, read_only=False, what="an eventwire store")
    try:
        version = _version(con, db, "an eventwire store")
        con.execute("CHECKPOINT")
        _copy(db, out)
    finally:
        con.close()
    if version != SCHEMA_VERSION:  # an older store is copied as it is; it cannot be opened here to count it
        return Copied(str(out), version, {}, out.stat().st_size)
    return _summary(out)


def restore(backup_file: str | Path, db: str | Path, *, force: bool = False) -> Copied:
    """Make `db` a copy of the backup; an existing store is replaced only with `force`."""
    src, db = Path(backup_file), Path(db)
    if not src.is_file():
        raise StoreError(f"{src}: no such backup file")
    if src.resolve() == (db.resolve() if db.exists() else None):
        raise StoreError(f"{src}: is the store itself")
    what = "an eventwire backup"
    con = _connect(src, read_only=True, what=what)
    try:
        version = _version(con, src, what)
        if version > SCHEMA_VERSION:
            raise StoreError(f"{src}: schema version {version} is newer than this eventwire's ({SCHEMA_VERSION});"
                             f" restore it with a newer eventwire")
    finally:
        con.close()
    if version == SCHEMA_VERSION:
        with Store(src, read_only=True) as store:
            if problems := store.problems():
                raise StoreError(f"{src}: an inconsistent store ({'; '.join(problems)}); not restored")
    if db.exists():
        if not force:
            raise StoreError(f"{db}: a store already exists; add --force to replace it with the backup")
        # Refuses a store another process holds; closing it checkpoints its write-ahead log into the file.
        _connect(db, read_only=False, what="a DuckDB store").close()
    # A write-ahead log left beside the old store belongs to it: replayed into the restored file, it would corrupt it.
    Path(str(db) + ".wal").unlink(missing_ok=True)
    _copy(src, db)
    if version != SCHEMA_VERSION:
        return Copied(str(db), version, {}, db.stat().st_size)
    return _summary(db)
