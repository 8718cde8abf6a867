"""Shapes the declared specs, warehouse counts and docs into the catalog page's tables."""

from __future__ import annotations

import json
import re
from pathlib import Path

import duckdb
import pandas as pd

from data_catalog.schemas import allowed_text
from data_catalog.spec import DTYPES, PII_CLASSES, TABLES, TableSpec

MASK = "●●●"
CLASS_COUNTS = {k: f"{label.split('(')[0]} 열" for k, label in PII_CLASSES.items() if k != "none"}
"""The overview's count column of each personal-data class ('식별자 열' …; class 'none' is not counted)."""
CLASSES_NOTE = (
    "개인정보 구분 — 식별자: 한 사람을 가리키는 키 · 개인정보: 한 사람에 관한 사실(나이, 거주지, 생활 사건의 날짜, "
    "임금)이나 본인이 쓴 글 · 민감정보(감사 전용): 모델 공정성 감사에만 쓰며 모델 입력이 아니고, 본인이 아닌 "
    "사람이 보는 개인별 화면에 나오지 않음 · 해당 없음: 사업체·공고·과정 자료와 사람을 특정하지 않는 분류값."
)
QUARANTINE_COLUMNS: dict[str, tuple[str, str]] = {
    "id": ("격리 행 번호", "none"),
    "import_id": ("가져오기 ID", "none"),
    "source_file": ("원본 파일 이름", "none"),
    "target_table": ("대상 테이블", "none"),
    "row_number": ("파일의 행 번호", "none"),
    "column_name": ("첫 오류 열", "none"),
    "reason_ko": ("격리 사유(잘못된 값이 인용될 수 있음)", "personal"),
    "raw_json": ("원본 행 전체(구직자 파일이면 민감정보 포함)", "personal"),
}
"""The quarantine's columns (operational store, `store.schema.quarantine`) and their personal-data class:
the raw row keeps whatever the file held, so it is personal data (a seekers file's row also holds the
audit-only attributes), and a reason may quote the rejected value."""


def spec_of(name: str) -> TableSpec:
    return TABLES[name.split(".")[-1]]


def _qualified(spec: TableSpec) -> str:
    return f"truth.{spec.name}" if spec.schema == "truth" else spec.name


def table_overview(con: duckdb.DuckDBPyConnection, quarantined: int | None = None) -> pd.DataFrame:
    """One row per warehouse table, plus the quarantine (kept in the operational store) when its count is given."""
    rows = []
    for spec in TABLES.values():
        n = con.execute(f"SELECT count(*) FROM {_qualified(spec)}").fetchone()[0]  # name from the spec registry
        classes = [c.pii_class for c in spec.columns]
        rows.append(
            {
                "테이블": _qualified(spec),
                "설명": spec.ko,
                "행 수": n,
                "열 수": len(spec.columns),
                **{label: classes.count(k) for k, label in CLASS_COUNTS.items()},
                "용도": "평가 전용" if spec.schema == "truth" else "운영",
            }
        )
    if quarantined is not None:
        classes = [k for _ko, k in QUARANTINE_COLUMNS.values()]
        rows.append(
            {
                "테이블": "quarantine",
                "설명": "가져오기에서 격리된 행(운영 저장소)",
                "행 수": quarantined,
                "열 수": len(QUARANTINE_COLUMNS),
                **{label: classes.count(k) for k, label in CLASS_COUNTS.items()},
                "용도": "검증",
            }
        )
    return pd.DataFrame(rows)


def quarantine_columns_frame() -> pd.DataFrame:
    return pd.DataFrame(
        [{"열": name, "설명(한)": ko, "개인정보 구분": PII_CLASSES[k]} for name, (ko, k) in QUARANTINE_COLUMNS.items()]
    )


def columns_frame(spec: TableSpec) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "열": c.name,
                "설명(한)": c.ko,
                "설명(영)": c.en,
                "형식": DTYPES[c.dtype],
                "단위": c.unit,
                "허용값/범위": allowed_text(c) if c.allowed else _range(c),
                "결측 허용": "예" if c.nullable else "",
                "개인정보 구분": PII_CLASSES[c.pii_class],
                "고유": "예" if c.unique else "",
            }
            for c in spec.columns
        ]
    )


def _range(c) -> str:
    parts = []
    if c.min is not None:
        parts.append(f"≥ {c.min:g}")
    if c.max is not None:
        parts.append(f"≤ {c.max:g}")
    if c.pattern:
        parts.append(f"형식 {c.pattern}")
    return ", ".join(parts)


def sample_rows(con: duckdb.DuckDBPyConnection, spec: TableSpec, n: int = 5) -> pd.DataFrame:
    """`n` rows of a table with every identifier, personal and sensitive column masked (free text, ids of persons,
    dates of their life events): the sample shows what the values look like, never whose they are."""
    df = con.execute(f"SELECT * FROM {_qualified(spec)} USING SAMPLE {int(n)} ROWS (reservoir, 7)").df()
    for c in spec.columns:
        if c.pii_class != "none" and c.name in df.columns:
            df[c.name] = MASK
    return df


def sources_frame(sources: dict[str, dict[str, str]]) -> pd.DataFrame:
    return pd.DataFrame(
        [{"파일": k, "내용": v["ko"], "출처": v["source"], "라이선스": v["licence"]} for k, v in sources.items()]
    )


def world_caption(con: duckdb.DuckDBPyConnection) -> str:
    row = con.execute("SELECT value FROM meta_world WHERE key = 'world'").fetchone()
    w = json.loads(row[0]) if row else {}
    if not w:
        return "외부 자료로 구축된 웨어하우스"
    return (
        f"합성 세계: 규모 {w.get('scale')}, 시드 {w.get('seed')}, "
        f"기간 {w.get('period_start')}부터 {w.get('months')}개월, "
        f"기준일 {w.get('snapshot')}"
    )


def mechanisms_markdown(readme: Path) -> str:
    """The 'mechanisms' section of data_catalog/README.md."""
    text = readme.read_text(encoding="utf-8")
    m = re.search(r"(## 생성 메커니즘.*?)(?=\n## |\Z)", text, flags=re.S)
    return m.group(1) if m else text


def calibration_frame(rep: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "비교": rep["check_ko"],
            "척도": rep["measure"],
            "값": rep["value"].round(3),
            "기준": rep["min_expected"],
            "결과": rep["pass"].map({True: "통과", False: "미달", None: "참고"}),
        }
    )


REALISM_NOTE = (
    "규모에 따라 달라지는 지표(1월 최저, 구직 기간당 지원 수, 서류 통과율, 임금충족률 순서, ID·순서·날짜의 AUC)는 "
    "기본 규모(구직자 20만) 이상에서 판정합니다. 작은 시험용 세계에서는 공고가 적어 잡음이 큽니다. "
    "임금은 유효한 값만 씁니다(월 환산 0원, 최저 월급의 절반 미만, 월 2천만원 초과는 제외)."
)


def realism_frame(rep: pd.DataFrame) -> pd.DataFrame:
    """The realism report as the catalog page shows it (Korean headers, a mark per check)."""
    mark = {True: "통과", False: "미달"}
    return pd.DataFrame(
        {
            "지표": rep["name_ko"],
            "합성 세계": rep["world"].map(lambda v: "-" if v is None or pd.isna(v) else f"{v:,.3f}"),
            "목표(허용 범위)": rep["target_ko"],
            "판정": rep["passed"].map(lambda p: mark.get(p, "참고")),
            "비고": rep["note_ko"],
        }
    )
