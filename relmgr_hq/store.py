"""Head office's database through SQLAlchemy Core: SQLite by default, PostgreSQL by URL.

Three tables: the enrolled branches (with the last sequence number stored for each), the received
summaries (id unique) and the log of rejections (reasons only, never a payload). Exactly-once
rests on two things inside one transaction: the branch's row is locked (SELECT ... FOR UPDATE in
PostgreSQL; SQLite takes its write lock at BEGIN IMMEDIATE) while the id and sequence are checked
and the summary stored, and the unique summary id backs that up.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

metadata = sa.MetaData()

branches = sa.Table(
    "hq_branches", metadata,
    sa.Column("branch_id", sa.String(64), primary_key=True),
    sa.Column("public_key", sa.String(64), nullable=False),
    sa.Column("enrolled_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("last_sequence", sa.Integer, nullable=False, default=0),
)

summaries = sa.Table(
    "hq_summaries", metadata,
    sa.Column("summary_id", sa.String(64), primary_key=True),
    sa.Column("branch_id", sa.String(64), sa.ForeignKey("hq_branches.branch_id"), nullable=False),
    sa.Column("sequence", sa.Integer, nullable=False),
    sa.Column("period_from", sa.String(10), nullable=False),
    sa.Column("period_to", sa.String(10), nullable=False),
    sa.Column("schema", sa.String(64), nullable=False),
    sa.Column("payload", sa.JSON, nullable=False),
    sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
    sa.UniqueConstraint("branch_id", "sequence", name="hq_summaries_branch_sequence"),
)

rejections = sa.Table(
    "hq_rejections", metadata,
    sa.Column("rejection_id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("source", sa.String(200), nullable=False),
    sa.Column("branch_id", sa.String(64)),
    sa.Column("reason", sa.String(500), nullable=False),
)


def now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def open_db(url: str) -> Engine:
    """An engine on `url` with the tables created; ValueError when the URL is not usable."""
    try:
        url_obj = sa.engine.make_url(url)
    except sa.exc.ArgumentError:
        raise ValueError(f"--db {url!r}: not a database URL (sqlite:///PATH or "
                         "postgresql+psycopg://USER:PASSWORD@HOST/DB)") from None
    if url_obj.get_backend_name() == "sqlite":
        engine = sa.create_engine(url_obj, connect_args={"timeout": 60, "check_same_thread": False})
        _serialise_sqlite_writers(engine)
    elif url_obj.get_backend_name() == "postgresql":
        engine = sa.create_engine(url_obj, pool_size=20, max_overflow=20, pool_pre_ping=True)
    else:
        raise ValueError(f"--db: {url_obj.get_backend_name()} is not supported (SQLite or PostgreSQL)")
    try:
        metadata.create_all(engine)
    except sa.exc.SQLAlchemyError as error:
        raise ValueError(f"--db: cannot open the database ({_first_line(error)})") from None
    return engine


def _first_line(error: Exception) -> str:
    return str(getattr(error, "orig", None) or error).strip().splitlines()[0]


def _serialise_sqlite_writers(engine: Engine) -> None:
    """pysqlite starts transactions late and as readers, so two receivers could both read the
    same last sequence; BEGIN IMMEDIATE takes the write lock first (the SQLAlchemy recipe)."""

    @sa.event.listens_for(engine, "connect")
    def _connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        dbapi_connection.execute("PRAGMA journal_mode=WAL")
        dbapi_connection.execute("PRAGMA foreign_keys=ON")

    @sa.event.listens_for(engine, "begin")
    def _begin(connection: sa.Connection) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def enrol(engine: Engine, branch_id: str, public_key: str) -> bool:
    """Register (or replace) a branch's public key; True when the branch is new."""
    with engine.begin() as conn:
        known = conn.execute(sa.select(branches.c.branch_id).where(
            branches.c.branch_id == branch_id).with_for_update()).first()
        if known:
            conn.execute(branches.update().where(branches.c.branch_id == branch_id)
                         .values(public_key=public_key))
        else:
            conn.execute(branches.insert().values(branch_id=branch_id, public_key=public_key,
                                                  enrolled_at=now(), last_sequence=0))
    return known is None


def log_rejection(engine: Engine, source: str, branch_id: str | None, reason: str) -> None:
    with engine.begin() as conn:
        conn.execute(rejections.insert().values(at=now(), source=source[:200],
                                                branch_id=branch_id, reason=reason[:500]))


def list_rejections(engine: Engine) -> list[dict[str, Any]]:
    with engine.connect() as conn:
        rows = conn.execute(sa.select(rejections).order_by(rejections.c.rejection_id))
        return [dict(r._mapping) for r in rows]


def count_summaries(engine: Engine) -> dict[str, int]:
    """Stored summaries per branch."""
    with engine.connect() as conn:
        rows = conn.execute(sa.select(summaries.c.branch_id, sa.func.count())
                            .group_by(summaries.c.branch_id))
        return {branch: n for branch, n in rows}


def newest_per_branch(engine: Engine) -> list[dict[str, Any]]:
    """Each enrolled branch's newest stored summary (highest sequence), by branch id."""
    newest = (sa.select(summaries.c.branch_id, sa.func.max(summaries.c.sequence).label("sequence"))
              .group_by(summaries.c.branch_id).subquery())
    query = (sa.select(summaries).join(newest, sa.and_(
        summaries.c.branch_id == newest.c.branch_id, summaries.c.sequence == newest.c.sequence))
        .order_by(summaries.c.branch_id))
    with engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(query)]
