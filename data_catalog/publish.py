"""New warehouse versions, published atomically, written by one process at a time, recovered after a crash.

Readers never see a half-written warehouse: a writer (the build, an import, batch scoring) works on a new
file under `data/db/` — a copy of the current version, or empty for a full build — and publishes it by
swapping the `data/goyong.duckdb` link in one `rename`. A reader holding the old version keeps reading it
(an unlinked file stays readable while open); the next reader opens the new one. DuckDB caches database
instances by path, so each version needs its own file name: rewriting one file in place would leave every
process that once opened it on the stale instance.

One writer at a time: `writer_lock` takes an exclusive `flock` on `data/.warehouse.lock` without waiting,
so a second import (another session, another process, the CLI) gets a Korean "다른 작업 중" message at
once. The kernel drops the lock when a process dies, even by `kill -9`; `recover` then removes what the
dead writer left half done (see `data_catalog/importer.py` for the import's commit protocol).

The standard library's `fcntl.flock` is used rather than a lock package: it is the primitive those wrap,
it is released by the kernel on any death, and Linux is the only platform the project runs on.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import duckdb

import config
from data_catalog.errors import UserError

KEEP_VERSIONS = 2
"""Published versions kept besides the current one's predecessor chain (older ones are deleted)."""
CRASH_ENV = "GOYONG_TEST_CRASH_AT"
"""Tests set this to a crash point's name to kill the writing process there (`kill -9` semantics)."""


class WarehouseBusy(UserError):
    """Another import or build holds the writer lock."""


class WarehouseMissing(UserError):
    """No warehouse has been built yet."""


def crash_point(name: str) -> None:
    """Die here, as `kill -9` would, when a test asks for it (no cleanup, no exception handlers)."""
    if os.environ.get(CRASH_ENV) == name:
        os.kill(os.getpid(), signal.SIGKILL)


@contextmanager
def writer_lock(data_dir: config.PathLike | None = None) -> Iterator[None]:
    path = config.warehouse_lock(data_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+") as f:
        try:
            fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise WarehouseBusy(
                "다른 가져오기(또는 웨어하우스 구축·점수 계산)가 진행 중입니다. 끝난 뒤 다시 시도해 주세요. "
                "지금 보이는 자료는 그대로 유지됩니다.",
                "another import or build is running; try again when it has finished",
            ) from None
        try:
            yield
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)


def current(data_dir: config.PathLike | None = None) -> Path | None:
    """The file of the published warehouse (the link's target), or None if none was built."""
    link = config.warehouse_db(data_dir)
    if not link.exists():
        return None
    return link.resolve()


def require_current(data_dir: config.PathLike | None = None) -> Path:
    cur = current(data_dir)
    if cur is None:
        raise WarehouseMissing(
            f"웨어하우스가 아직 없습니다: {config.warehouse_db(data_dir)}. `make run`(또는 "
            "`python -m data_catalog.warehouse build`)으로 먼저 구축해 주세요.",
            "no warehouse built yet",
        )
    return cur


def _version_path(data_dir: config.PathLike | None) -> Path:
    d = config.warehouse_versions_dir(data_dir)
    d.mkdir(parents=True, exist_ok=True)
    return d / f"goyong-{datetime.now():%Y%m%d-%H%M%S-%f}-{os.getpid()}.duckdb"


def publish(version: Path, data_dir: config.PathLike | None = None) -> None:
    """Make `version` the warehouse every new reader opens: one atomic rename of the link."""
    link = config.warehouse_db(data_dir)
    tmp = link.with_name(f".{link.name}.{os.getpid()}.link")
    tmp.unlink(missing_ok=True)
    os.symlink(os.path.relpath(version, link.parent), tmp)
    os.replace(tmp, link)
    fd = os.open(link.parent, os.O_RDONLY)
    try:
        os.fsync(fd)  # the rename itself is durable before anyone is told it happened
    finally:
        os.close(fd)
    prune(data_dir)


def prune(data_dir: config.PathLike | None = None, keep: int = KEEP_VERSIONS) -> None:
    """Delete old versions beyond the newest `keep` (open readers keep their file until they close it)."""
    cur = current(data_dir)
    d = config.warehouse_versions_dir(data_dir)
    versions = sorted(d.glob("goyong-*.duckdb")) if d.exists() else []
    for old in [v for v in versions if v != cur][: max(0, len(versions) - keep)]:
        old.unlink(missing_ok=True)
        old.with_name(old.name + ".wal").unlink(missing_ok=True)


@contextmanager
def new_version(
    data_dir: config.PathLike | None = None, *, copy_current: bool = True
) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-write connection to the next warehouse version; published when the block ends without error.

    The caller holds `writer_lock`. With `copy_current` the version starts as a copy of the current one
    (an import or a re-score adds to it); without, it starts empty (a full build). On any error the new
    file is deleted and the current version stays published.
    """
    target = _version_path(data_dir)
    work = target.with_name(target.name + ".tmp")
    if copy_current:
        shutil.copyfile(require_current(data_dir), work)
    con = duckdb.connect(str(work))
    try:
        con.execute("SET memory_limit = ?", [os.environ.get("GOYONG_DUCKDB_MEMORY", "3GB")])
        yield con
        con.execute("CHECKPOINT")
        con.close()
        os.replace(work, target)
        crash_point("version_written")
        publish(target, data_dir)
    except BaseException:
        con.close()
        work.unlink(missing_ok=True)
        work.with_name(work.name + ".wal").unlink(missing_ok=True)
        raise


def discard_unpublished(data_dir: config.PathLike | None = None) -> int:
    """Remove version files a dead writer left (never published); the caller holds `writer_lock`."""
    d = config.warehouse_versions_dir(data_dir)
    if not d.exists():
        return 0
    cur = current(data_dir)
    newer = [v for v in d.glob("goyong-*.duckdb") if cur is not None and v.name > cur.name]
    stray = [*d.glob("*.tmp"), *d.glob("*.tmp.wal"), *newer]
    for f in stray:
        f.unlink(missing_ok=True)
    for f in config.warehouse_db(data_dir).parent.glob(f".{config.warehouse_db(data_dir).name}.*.link"):
        f.unlink(missing_ok=True)
    return len(stray)


def staged_file(data_dir: config.PathLike | None, table_dir: str, import_id: str) -> Path:
    """Where an import keeps its rows until the warehouse holding them is published (not read by builds)."""
    return config.imports_dir(data_dir) / table_dir / f"import-{import_id}.parquet.pending"


def committed_imports(version: Path | None) -> set[str]:
    """The import ids a warehouse version holds (its `meta_imports` table)."""
    if version is None:
        return set()
    con = duckdb.connect(str(version), read_only=True)
    try:
        return {r[0] for r in con.execute("SELECT import_id FROM meta_imports").fetchall()}
    except duckdb.CatalogException:
        return set()
    finally:
        con.close()


def recover(data_dir: config.PathLike | None = None, store: str | None = None) -> list[str]:
    """Finish or undo what a writer killed mid-way left; the caller holds `writer_lock`. Returns what was done.

    The published warehouse is the truth: an import whose id it holds is completed (its staged Parquet
    file becomes final, its log entry 'ok'); any other staged file is deleted and its log entry marked
    'interrupted' (its quarantined rows stay visible with that status).
    """
    from store.imports import ImportLog  # noqa: PLC0415 - the store imports SQLAlchemy; only writers need it

    done = []
    if discard_unpublished(data_dir):
        done.append("게시되지 않은 웨어하우스 파일을 지웠습니다.")
    committed = committed_imports(current(data_dir))
    imports = config.imports_dir(data_dir)
    for pending in sorted(imports.glob("*/import-*.parquet.pending")) if imports.exists() else []:
        import_id = pending.name.removeprefix("import-").split(".")[0]
        if import_id in committed:
            os.replace(pending, pending.with_suffix(""))
            done.append(f"가져오기 {import_id}: 반영된 자료의 원본 사본을 마무리했습니다.")
        else:
            pending.unlink()
            done.append(f"가져오기 {import_id}: 중단된 가져오기의 임시 파일을 지웠습니다.")
    log = ImportLog(store or config.store_url(data_dir))
    for import_id in log.running():
        if import_id in committed:
            log.finish(import_id, "ok", "중단 후 복구: 반영이 확인되었습니다.")
        else:
            log.finish(import_id, "interrupted", "중단되어 아무 행도 반영되지 않았습니다.")
    return done
