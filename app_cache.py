"""The only place pages get cached resources: the DuckDB connection and cached query results.

Pages call these wrappers instead of `analytics/` directly when the result is worth caching, so
`analytics/` stays free of Streamlit (a test enforces it).
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd
import streamlit as st

import config
from analytics import caseload, market, regions
from analytics.filters import MarketFilter
from data_catalog import calibration, realism
from geo import boundaries
from models.common import registry
from store import legacy
from store.imports import ImportLog
from store.interest import InterestStore

TTL = 600


class WarehouseMissing(RuntimeError):
    pass


def db_path() -> Path:
    return config.warehouse_db()


@st.cache_resource(show_spinner=False)
def _connect(path: str, mtime: float) -> duckdb.DuckDBPyConnection:
    return duckdb.connect(path, read_only=True)


_warehouse_seen: list[tuple[str, float]] = []


def con() -> duckdb.DuckDBPyConnection:
    """A cursor on the shared read-only connection to the published warehouse version.

    A build or an import publishes a new version file (`data_catalog.publish`); the next call here opens it,
    while cursors on the old version keep working until their page run ends.

    A rebuilt (or different) warehouse also empties every cached query result here, in one place,
    so no page shows figures of the old file until their TTL runs out.
    """
    p = db_path()
    if not p.exists():
        raise WarehouseMissing(f"웨어하우스 파일이 없습니다: {p}. 터미널에서 `make run`을 실행해 주세요.")
    stamp = (str(p.resolve()), p.stat().st_mtime)  # a published version is a new file: a new connection
    if _warehouse_seen and _warehouse_seen[-1] != stamp:
        st.cache_data.clear()
        _connect.clear()  # the old version's connection closes once its last running cursor is done
    _warehouse_seen[:] = [stamp]
    return _connect(*stamp).cursor()


@st.cache_data(ttl=TTL, show_spinner=False)
def market_metrics(f: MarketFilter, level: str | None) -> pd.DataFrame:
    return market.market_metrics(con(), f, level)


@st.cache_data(ttl=TTL, show_spinner=False)
def monthly_trend(f: MarketFilter, level: str | None = None, region: str | None = None) -> pd.DataFrame:
    return market.monthly_trend(con(), f, level, region)


@st.cache_data(ttl=TTL, show_spinner=False)
def top_occupations(f: MarketFilter, level: str | None = None, region: str | None = None, n: int = 10) -> pd.DataFrame:
    return market.top_occupations(con(), f, level, region, n)


@st.cache_data(ttl=TTL, show_spinner=False)
def wage_distribution(f: MarketFilter, level: str | None = None, region: str | None = None) -> pd.DataFrame:
    return market.wage_distribution(con(), f, level, region)


@st.cache_resource(show_spinner=False)
def geojson(level: str) -> dict:
    return boundaries.geojson(level, str(config.geo_cache_dir()))


def data_dir() -> Path:
    return config.data_dir()


@st.cache_resource(show_spinner=False)
def adaptive_test(max_job_zone: int | None):
    """One adaptive-test engine per preparation level: its memos (keyed by answers) then survive reruns."""
    from models.interest.cat import AdaptiveTest  # noqa: PLC0415 - SciPy-heavy: only the interest page pays for it

    return AdaptiveTest(max_job_zone=max_job_zone)


@st.cache_data(ttl=TTL, show_spinner=False)
def calibration_report(mtime: float) -> pd.DataFrame:
    return calibration.report(con())


@st.cache_data(ttl=TTL, show_spinner=False)
def realism_report(mtime: float) -> pd.DataFrame:
    return realism.report(con())


@st.cache_data(ttl=TTL, show_spinner=False)
def _reference(mtime: float) -> dict:
    return regions.reference_frames(con())


def page_context() -> tuple[duckdb.DuckDBPyConnection, dict, tuple]:
    """Connection, reference frames and data period for a page; stops the page with a Korean error if absent."""
    try:
        c = con()
    except WarehouseMissing as e:
        st.error(str(e))
        st.stop()
    return c, _reference(db_path().stat().st_mtime), market.data_period(c)


@st.cache_data(ttl=TTL, show_spinner=False)
def occupation_openings() -> pd.DataFrame:
    return market.occupation_openings(con())


@st.cache_resource(show_spinner=False)
def _interest_store(url: str) -> InterestStore:
    store = InterestStore(url)
    legacy.adopt_interest_answers(config.legacy_state_db(), store)
    return store


def interest_store() -> InterestStore:
    """Interest tests and answers in the operational store (separate from the read-only warehouse)."""
    return _interest_store(config.store_url())


def import_log() -> ImportLog:
    return ImportLog(config.store_url())


@st.cache_resource(show_spinner=False)
def _model(path: str) -> tuple:
    return registry.load(Path(path))


def model(name: str) -> tuple | None:
    """(model, meta, tables) of the latest registered model `name`, or None."""
    p = registry.latest(name)
    return _model(str(p)) if p else None


def scores_or_stop() -> None:
    """Stop the page with a Korean notice when the warehouse has no batch scores (never a crash)."""
    if not caseload.scores_available(con()):
        st.warning(
            "점수 없음 — 모델을 다시 학습해 주세요. 터미널에서 `python -m models train --if-missing`(또는 "
            "`make run`)을 실행하면 점수가 다시 계산됩니다."
        )
        st.stop()


@st.cache_data(ttl=TTL, show_spinner=False)
def seeker_scores() -> pd.DataFrame:
    """Batch scores with the peer-grouping fields (age band, sido, desired major)."""
    from models.common.fairness import age_band  # noqa: PLC0415 - imports scikit-learn: only model pages pay for it

    df = caseload.peer_scores(con())
    return df.assign(age_band=age_band(df["age"]))


def model_or_stop(name: str) -> tuple:
    """(model, meta, tables) of the latest model `name`; stops the page with a Korean error if absent."""
    loaded = model(name)
    if loaded is None:
        kind = registry.kind(name)
        st.error(
            f"{kind.title_ko} 모델이 아직 없습니다. 터미널에서 `make run`(또는 `python -m {kind.package} train`)을 "
            "실행해 주세요."
        )
        st.stop()
    return loaded


def reference() -> dict | None:
    """Reference frames (names, codes) when the warehouse exists, else None."""
    return _reference(db_path().stat().st_mtime) if db_path().exists() else None


@st.cache_data(ttl=TTL, show_spinner=False, max_entries=200)
def _write_posting(req, backend: str, variant: int, llm: str):  # noqa: ANN001, ANN202
    from models.posting_writer import service  # noqa: PLC0415 - only the writer page pays for the import

    return service.write(req, backend, variant)


def write_posting(req, backend: str, variant: int):  # noqa: ANN001, ANN201 - a writer Request → its Result
    """One written posting per (conditions, backend, variant, LLM settings): a rerun never calls the LLM again, and a
    changed or repaired endpoint is used at once."""
    return _write_posting(req, backend, variant, repr(config.llm_settings()) if backend == "llm" else "")


def posting_store():  # noqa: ANN201 - a store.postings.PostingStore
    """Saved postings and review decisions in the operational store."""
    from store.postings import PostingStore  # noqa: PLC0415

    return PostingStore(config.store_url())


@st.cache_resource(show_spinner=False)
def _anomaly_scorer(path: str):  # noqa: ANN202 - an AnomalyScorer
    return registry.load(Path(path))[0]


def anomaly_scorer():  # noqa: ANN201 - the latest posting_check.anomaly.AnomalyScorer, or None
    p = registry.latest("posting_anomaly")
    return _anomaly_scorer(str(p)) if p else None


@st.cache_data(ttl=TTL, show_spinner=False)
def _review_queue(start, end, mtime: float, scorer_version: str):  # noqa: ANN001, ANN202
    from models.posting_check import queue  # noqa: PLC0415

    return queue.checked(con(), start, end, anomaly_scorer())


def review_queue(start, end):  # noqa: ANN001, ANN201 - dates → the checked postings frame
    """The postings of [start, end] checked (rules + ML score), most suspicious first; per warehouse version and per
    scorer version (a retrained score is used at once)."""
    return _review_queue(start, end, db_path().stat().st_mtime, str(registry.latest("posting_anomaly")))


@st.cache_data(ttl=TTL, show_spinner=False, max_entries=20)
def _bulk_report(raw: bytes, name: str, scorer_version: str | None):  # noqa: ANN202
    from models.posting_check import queue  # noqa: PLC0415

    return queue.bulk_report(raw, name, anomaly_scorer() if scorer_version else None)


def bulk_report(raw: bytes, name: str, use_score: bool):  # noqa: ANN201 - an uploaded file → its report frame
    """An uploaded file checked once per content (a rerun of the page does not check it again)."""
    return _bulk_report(raw, name, str(registry.latest("posting_anomaly")) if use_score else None)


@st.cache_resource(show_spinner="일자리 매칭 모델과 임베딩을 불러오는 중…")
def _matcher(db: str, mtime: float, model_path: str):  # noqa: ANN202 - a models.matching.service.Matcher
    from models.matching import service  # noqa: PLC0415 - only the matching pages pay for the import

    return service.load(con())


def matcher():  # noqa: ANN201 - the Matcher for the published warehouse and the latest model, or None
    """The loaded re-ranker with every posting and seeker vector (reloaded when either is replaced)."""
    p = registry.latest("matching")
    if p is None or not db_path().exists():
        return None
    return _matcher(str(db_path().resolve()), db_path().stat().st_mtime, str(p))


@st.cache_data(show_spinner=False, max_entries=64)
def _applicants_fit(model_path: str, mtime: float, posting_id: int, firm_id: int, seeker_ids: tuple[int, ...]):  # noqa: ANN202
    from models.matching import service  # noqa: PLC0415

    return service.applicants_fit(matcher(), posting_id, firm_id, list(seeker_ids))


def applicants_fit(posting_id: int, firm_id: int, seeker_ids: tuple[int, ...]):  # noqa: ANN201 - a DataFrame
    """Fit score and reasons of a posting's applicants (empty without a matching model): the board's cards."""
    p = registry.latest("matching")
    if p is None or matcher() is None:
        return pd.DataFrame()
    return _applicants_fit(str(p), db_path().stat().st_mtime, int(posting_id), int(firm_id), tuple(seeker_ids))


def matcher_or_stop():  # noqa: ANN201 - a Matcher
    m = matcher()
    if m is None:
        st.error(
            "일자리 매칭 모델이 아직 없습니다. 터미널에서 `make run`(또는 `python -m models.matching train`)을 "
            "실행해 주세요."
        )
        st.stop()
    return m


def application_store():  # noqa: ANN201 - a store.applications.ApplicationStore
    """Saved jobs and applications in the operational store."""
    from store.applications import ApplicationStore  # noqa: PLC0415

    return ApplicationStore(config.store_url())


@st.cache_resource(show_spinner="상담 지식 색인을 불러오는 중입니다…", max_entries=1)
def _assistant(folder: str):  # noqa: ANN202 - a models.qa.service.Assistant
    from models.qa.service import Assistant  # noqa: PLC0415 - the embedders load only for the Q&A pages

    return Assistant.load(folder=Path(folder))


def assistant_or_stop():  # noqa: ANN201 - the Q&A Assistant of the published index
    """The loaded Q&A (reloaded when a new index version is published), or a Korean message and stop."""
    from models.qa import index  # noqa: PLC0415
    from models.qa.service import IndexMissing  # noqa: PLC0415

    folder = index.current(config.data_dir())
    if folder is None:
        prog = index.progress_of(config.data_dir())
        if prog and prog["running"]:
            done, total = prog["done"], prog["total"]
            st.info("상담 지식 색인을 만드는 중입니다(처음 한 번, 2코어에서 약 5분). 끝나면 바로 질문할 수 있습니다.")
            st.progress(done / total if total else 0.0, text=f"임베딩 {done:,}/{total:,} 조각")
            st.button("새로 고침", key="qa_index_refresh")
        else:
            st.error(IndexMissing().ko)
        st.stop()
    return _assistant(str(folder))


def qa_store():  # noqa: ANN201 - a store.qa.QaStore
    """Questions, feedback and hand-overs in the operational store."""
    from store.qa import QaStore  # noqa: PLC0415

    return QaStore(config.store_url())


def tracking():  # noqa: ANN201 - a store.ats.Tracking
    """Applicant-tracking pipelines, cards and moves in the operational store."""
    from store.ats import Tracking  # noqa: PLC0415

    return Tracking(config.store_url())


def notices():  # noqa: ANN201 - a store.notices.Notices
    """Applicants' notices (templates, e-mail, the communication history) in the operational store."""
    from store.notices import Notices  # noqa: PLC0415

    return Notices(config.store_url())


def ats_report():  # noqa: ANN201 - a store.ats_report.AtsReport
    """The firm's cards and moves as frames, for the applicant-tracking statistics."""
    from store.ats_report import AtsReport  # noqa: PLC0415

    return AtsReport(config.store_url())


def interviews():  # noqa: ANN201 - a store.interviews.Interviews
    """Interviews of applicant tracking in the operational store."""
    from store.interviews import Interviews  # noqa: PLC0415

    return Interviews(config.store_url())


def documents():  # noqa: ANN201 - a store.documents.Documents
    """채용서류 (application documents, their return requests and the purge) in the operational store."""
    from store.documents import Documents  # noqa: PLC0415

    return Documents(config.store_url())


@st.cache_resource(show_spinner=False, max_entries=4)
def _purge_on(url: str, day: str) -> int:
    from store.documents import Documents  # noqa: PLC0415

    return Documents(url).purge()


def daily_purge() -> int:
    """The scheduled purge while the app runs: documents past their deadline destroyed at most once a day per process
    and store (the first page run of each day pays for it; `make run` also purges before the app starts)."""
    from datetime import date  # noqa: PLC0415

    return _purge_on(config.store_url(), date.today().isoformat())
