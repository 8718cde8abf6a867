"""A ministry analyst's real unemployment-spell extract → the employability model's training frame.

The synthetic warehouse is clean by construction; a real extract is not: CP949 CSVs and Excel sheets,
Korean column names, labels written 예/아니오/아니요/취업/미취업, ages as text, dates as 2025.01.03 or
20250103, codes that the reference catalogues do not know, optional columns absent, and extra columns
(an unemployment-insurance claim, a replacement rate) that carry much of the signal. Every step here
turns one of those into either a typed value, an explicit "unknown" (NaN, never a made-up 0), or a
Korean message that says what to fix — so retraining on a real extract works the first time.

Steps: read (`data_catalog.files.read_table`: CSV in UTF-8/BOM/CP949 with any common delimiter, .xlsx,
Parquet) → column map → label (`parse_bool` with `OUTCOME_WORDS`) → every seeker column typed by its
spec (`TABLES["seekers"]`, dates by `data_catalog.schemas.parse_dates`) → unknown codes made missing →
the seeker features (`features.build_features`) plus the declared extra features.

Column map (`--column-map FILE.json`, UTF-8 JSON), two forms:

    plain:    {"등록일자": "registered_date", "연령": "age", ...}          (file column → seeker column)
    extended: {"columns":  {"등록일자": "registered_date", ...},
               "features": {"실업급여 수급": {"name": "ui_claim", "type": "bool", "ko": "실업급여 수급"},
                            "소득대체율": {"name": "replacement_rate", "type": "numeric"},
                            "지원 유형": "categorical"}}

A feature's `type` is numeric (thousands commas and a trailing % allowed), categorical (each distinct
text a category) or bool (yes/no words, explained as 예/아니오); `name` is an ASCII identifier (default:
the column name if it is one, else extra_1, extra_2 …), `ko` the label the explanations and the model
card show (default: the file column's name), `changeable` whether recourse may suggest changing it
(default false). The command line declares the same with `--numeric COL[=name]`, `--categorical …`,
`--bool …`. Extra features must be known at registration (a claim decided later would leak the outcome),
and a sensitive attribute (gender, disability, nationality) or the label can never be one.

Columns: `registered_date` (the split, the month, the spell length), `age` (or `birth_year` to derive
it), `sido_code` and `desired_keco_code` are required: without them the model has nothing to stand on
and the fairness audit no groups. Every other seeker column is optional; an absent one makes its
features unknown. Codes are checked against the reference catalogues (sido by code or name, KECO
codes with leading zeros restored) and coded columns read their Korean labels too (고졸, 전국 …);
unknown values become missing and are counted per column in the summary.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from data_catalog import reference as ref
from data_catalog.errors import UserError
from data_catalog.files import read_column_map_file, read_table
from data_catalog.schemas import parse_dates
from data_catalog.spec import (
    BOOL_WORDS,
    EDUCATION_SCHOOL,
    OUTCOME_WORDS,
    TABLES,
    Codes,
    Col,
    parse_bool,
    sensitive_columns,
)
from models.common.gbm import Feature
from models.employability.features import AUDITED, FEATURE_NAMES, build_features, with_label_and_audit

SPEC = TABLES["seekers"]
SCHEMA_COLUMNS = [c.name for c in SPEC.columns]
REQUIRED = ("registered_date", "age", "sido_code", "desired_keco_code")
"""Columns a training extract must have (after the column map); `age` may come from `birth_year`."""
FEATURE_INPUTS = (
    "education",
    "career_years",
    "last_keco_code",
    "unemployment_start",
    "desired_wage_krw",
    "desired_region_scope",
    "skills",
    "training_hours_before",
)
"""The optional seeker columns the features are built from (an absent one makes its features unknown)."""
SENSITIVE = sensitive_columns("seekers")
FEATURE_TYPES = {"numeric": "숫자", "categorical": "범주", "bool": "예/아니오"}
TYPE_ALIASES = {
    **{k: k for k in FEATURE_TYPES},
    **dict.fromkeys(("number", "float", "int", "숫자"), "numeric"),
    **dict.fromkeys(("category", "범주", "문자"), "categorical"),
    **dict.fromkeys(("boolean", "yesno", "예/아니오", "예아니오"), "bool"),
}
FEATURE_KEYS = ("name", "type", "ko", "changeable")
LABEL_WORDS_KO = "1/0, 예/아니오(아니요), 네, true/false, y/n, yes/no, O/X, 취업/미취업"
YES_NO_KO = {True: "예", False: "아니오"}
CODE_ALIASES: dict[str, dict[str, str]] = {
    "education": {v: k for k, v in EDUCATION_SCHOOL.items()},
    "desired_region_scope": {"시군구": "sigungu", "시도": "sido"},
    "gender": {"여": "F", "남": "M", "female": "F", "male": "M"},
}
"""Besides each code and its Korean label: other ways a coded column's values are written."""
MIN_ROWS = 100
MIN_PER_CLASS = 20
NAME_RE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
EXTRA_PREFIX = "extra_"


class TrainingDataError(UserError):
    """The training file cannot be used as it is; the message says why in Korean (English beside it)."""


@dataclass(frozen=True)
class ExtraFeature:
    """A file column used as a model feature as it is (declared in the column map or on the command line)."""

    source: str
    name: str
    type: str
    ko: str
    changeable: bool = False

    def feature(self) -> Feature:
        return Feature(self.name, self.ko, self.changeable, categorical=self.type != "numeric")

    def meta(self) -> dict:
        f = self.feature()
        return {
            "name": f.name,
            "ko": f.ko,
            "changeable": f.changeable,
            "categorical": f.categorical,
            "source": self.source,
            "type": self.type,
        }


@dataclass
class ColumnMap:
    columns: dict[str, str] = field(default_factory=dict)
    """File column → seeker column."""
    features: list[ExtraFeature] = field(default_factory=list)


@dataclass
class Extract:
    """The training frame of an extract, its extra features and what was done to it (`meta["data_source"]`)."""

    frame: pd.DataFrame
    extra_features: tuple[ExtraFeature, ...]
    source: dict

    def summary_ko(self) -> list[str]:
        return describe_ko(self.source)


# ---------------------------------------------------------------- column map


def _kind_ko(obj: object) -> str:
    if isinstance(obj, list):
        return "목록(배열)"
    if isinstance(obj, str):
        return "문자열"
    if isinstance(obj, bool) or obj is None:
        return "참/거짓 또는 null"
    if isinstance(obj, (int, float)):
        return "숫자"
    return type(obj).__name__


MAP_SHAPE_KO = '{"파일의 열": "스키마 열", …} 또는 {"columns": {…}, "features": {…}}'


def load_column_map(path: str | Path) -> ColumnMap:
    """A column-map JSON file; its own mistakes (missing, not UTF-8, not JSON, not an object) are named as such."""
    try:
        obj = read_column_map_file(path, f"형태: {MAP_SHAPE_KO}")
    except UserError as exc:
        raise TrainingDataError(exc.ko, exc.en) from None
    return parse_column_map(obj, Path(path).name)


def parse_column_map(obj: object, origin: str = "열 대응") -> ColumnMap:
    """The plain ({file: schema}) or extended ({"columns": …, "features": …}) column map as a `ColumnMap`."""
    if not isinstance(obj, dict):
        raise TrainingDataError(
            f"'{origin}': 열 대응은 JSON 객체여야 합니다({MAP_SHAPE_KO}). 지금은 {_kind_ko(obj)}입니다.",
            "column map must be a JSON object",
        )
    extended = bool(obj) and set(obj) <= {"columns", "features"} and all(isinstance(v, dict) for v in obj.values())
    columns = obj.get("columns", {}) if extended else obj
    bad = {k: v for k, v in columns.items() if not isinstance(v, str)}
    if bad:
        k, v = next(iter(bad.items()))
        raise TrainingDataError(
            f"'{origin}': 열 대응의 값은 스키마 열 이름(문자열)이어야 합니다. '{k}'의 값이 {_kind_ko(v)}입니다. "
            f'특징을 더하려면 확장형 {{"columns": {{…}}, "features": {{"{k}": {{"type": "numeric"}}}}}}을 써 주세요.',
            f"column map values must be schema column names (strings); {k!r} is not",
        )
    features = []
    for src, spec in (obj.get("features", {}) if extended else {}).items():
        features.append(_extra_from_spec(src, spec, origin))
    return ColumnMap({str(k).strip(): v.strip() for k, v in columns.items()}, features)


def _extra_from_spec(src: str, spec: object, origin: str) -> ExtraFeature:
    if isinstance(spec, str):
        spec = {"type": spec}
    if not isinstance(spec, dict):
        raise TrainingDataError(
            f"'{origin}': 특징 '{src}'의 선언은 {{\"type\": \"numeric\"}} 같은 객체나 형 이름이어야 합니다.",
            f"feature {src!r}: declaration must be an object or a type name",
        )
    unknown = set(spec) - set(FEATURE_KEYS)
    if unknown:
        raise TrainingDataError(
            f"'{origin}': 특징 '{src}'에 알 수 없는 항목 {', '.join(sorted(unknown))}이(가) 있습니다. "
            f"쓸 수 있는 항목: {', '.join(FEATURE_KEYS)}",
            f"feature {src!r}: unknown keys {sorted(unknown)}",
        )
    kind = TYPE_ALIASES.get(str(spec.get("type", "")).strip().lower())
    if kind is None:
        raise TrainingDataError(
            f"'{origin}': 특징 '{src}'의 형(type) '{spec.get('type', '')}'을(를) 알 수 없습니다. "
            f"쓸 수 있는 형: {', '.join(f'{k}({v})' for k, v in FEATURE_TYPES.items())}",
            f"feature {src!r}: type must be one of {list(FEATURE_TYPES)}",
        )
    return ExtraFeature(
        src.strip(),
        str(spec.get("name") or "").strip(),
        kind,
        str(spec.get("ko") or src).strip(),
        spec.get("changeable") is True,
    )


def cli_features(numeric: list[str] = (), categorical: list[str] = (), yes_no: list[str] = ()) -> list[ExtraFeature]:
    """`--numeric COL[=name]` (and --categorical, --bool) as extra features."""
    out = []
    for kind, specs in (("numeric", numeric), ("categorical", categorical), ("bool", yes_no)):
        for s in specs or ():
            src, _, name = s.rpartition("=") if "=" in s else (s, "", "")
            out.append(ExtraFeature(src.strip(), name.strip(), kind, src.strip()))
    return out


def _named(extras: list[ExtraFeature], cmap: dict[str, str], label: str) -> tuple[ExtraFeature, ...]:
    """Extra features with their names settled and checked (unique, no clash, never sensitive or the label)."""
    sensitive_ko = {c: SPEC.col(c).ko.split("(")[0] for c in SENSITIVE}
    out: list[ExtraFeature] = []
    reserved = {*FEATURE_NAMES, *SCHEMA_COLUMNS, "label"}
    for e in extras:
        if any(o.source == e.source for o in out):
            raise TrainingDataError(
                f"'{e.source}' 열이 특징으로 두 번 선언되었습니다.", f"feature column {e.source!r} declared twice"
            )
        if e.source == label or cmap.get(e.source) == label:
            raise TrainingDataError(
                f"레이블 열 '{e.source}'은(는) 특징으로 쓸 수 없습니다(결과를 보고 결과를 맞히게 됩니다).",
                f"the label column {e.source!r} cannot be a feature",
            )
        target = cmap.get(e.source, e.source)
        by_ko = {re.sub(r"\s+", "", ko): c for c, ko in sensitive_ko.items()}
        target = by_ko.get(re.sub(r"\s+", "", target), target)  # '성별' is gender even when not mapped
        if target in SENSITIVE or e.name in SENSITIVE:
            raise TrainingDataError(
                f"'{e.source}' 열은 민감 속성({sensitive_ko.get(target, target)})이라 특징으로 쓸 수 없습니다. "
                "민감 속성은 공정성 감사에만 씁니다.",
                f"{e.source!r} is a sensitive attribute (audit only), never a feature",
            )
        name = e.name
        if not name:
            slug = e.source.lower()
            taken = {o.name for o in out} | reserved
            name = slug if NAME_RE.fullmatch(slug) and slug not in taken else ""
            k = 1
            while not name or name in taken:
                name, k = f"{EXTRA_PREFIX}{k}", k + 1
        if not NAME_RE.fullmatch(name):
            raise TrainingDataError(
                f"특징 '{e.source}'의 이름(name) '{name}'은(는) 영문자·숫자·밑줄로 된 식별자여야 합니다"
                "(한국어 이름은 ko 에 적어 주세요).",
                f"feature name {name!r} must be an ASCII identifier",
            )
        if name in reserved or name.startswith("audit_") or any(o.name == name for o in out):
            raise TrainingDataError(
                f"특징 이름 '{name}'은(는) 이미 쓰이고 있습니다. 다른 name 을 적어 주세요.",
                f"feature name {name!r} is taken",
            )
        out.append(ExtraFeature(e.source, name, e.type, e.ko, e.changeable))
    return tuple(out)


def _file_columns_ko(columns: list[str]) -> str:
    shown = ", ".join(f"'{c}'" for c in columns[:30])
    return shown + (f" 외 {len(columns) - 30}개" if len(columns) > 30 else "")


def apply_column_map(df: pd.DataFrame, columns: dict[str, str], label: str) -> pd.DataFrame:
    """Rename file columns to seeker columns; the map's own mistakes are named as such."""
    if not columns:
        return df
    allowed = {*SCHEMA_COLUMNS, label}
    absent = [k for k in columns if k not in df.columns]
    if absent:
        backwards = [k for k in absent if k in allowed and columns[k] in df.columns]
        if backwards and len(backwards) == len(absent):
            example = ", ".join(f'"{columns[k]}": "{k}"' for k in backwards[:3])
            raise TrainingDataError(
                f"열 대응이 거꾸로 쓰인 것 같습니다: 키에 스키마 열 이름({', '.join(backwards[:5])})이, 값에 파일의 "
                f"열 이름이 있습니다. 키가 파일의 열 이름, 값이 스키마 열 이름이어야 합니다. 예: {{{example}}}",
                "column map is the wrong way round: keys must be file columns, values schema columns",
            )
        raise TrainingDataError(
            f"열 대응의 {', '.join(f'{k!r}' for k in absent)} 열이 파일에 없습니다. "
            f"파일의 열: {_file_columns_ko(list(df.columns))}",
            f"column map keys not in the file: {absent}",
        )
    unknown = [v for v in columns.values() if v not in allowed]
    if unknown:
        names = ", ".join(f"{c.name}({c.ko})" for c in SPEC.columns)
        raise TrainingDataError(
            f"열 대응의 값 {', '.join(f'{v!r}' for v in unknown)}은(는) 구직자 자료의 열 이름이 아닙니다. "
            f"쓸 수 있는 이름: {names}, 레이블 '{label}'. 모델의 추가 특징으로 쓰려면 확장형의 \"features\"에 "
            "적어 주세요.",
            f"column map values are not seeker columns: {unknown}",
        )
    twice = [v for v, n in Counter(columns.values()).items() if n > 1]
    if twice:
        v = twice[0]
        srcs = ", ".join(f"'{k}'" for k, t in columns.items() if t == v)
        raise TrainingDataError(
            f"열 대응에서 '{v}'에 파일의 열 여러 개({srcs})가 대응됩니다. 하나만 남겨 주세요.",
            f"several file columns map to {v!r}",
        )
    clash = [v for k, v in columns.items() if v in df.columns and v != k and v not in columns]
    if clash:
        raise TrainingDataError(
            f"열 대응이 다른 열을 '{clash[0]}'(으)로 바꾸지만 파일에 이미 '{clash[0]}' 열이 있습니다. "
            "둘 중 하나를 열 대응에서 정리해 주세요.",
            f"column map renames onto the existing column {clash[0]!r}",
        )
    return df.rename(columns=columns)


# ---------------------------------------------------------------- typing


def _norm(s: pd.Series) -> pd.Series:
    """Text for matching words and codes: every space removed, lower case."""
    return s.astype("string").str.replace(r"\s+", "", regex=True).str.lower()


def _text(s: pd.Series) -> pd.Series:
    t = s.astype("string").str.strip()
    return t.mask(t == "")


def _number(s: pd.Series) -> pd.Series:
    """Numbers as Korean files write them (thousands commas, a trailing %); floats, NaN where unreadable."""
    if pd.api.types.is_bool_dtype(s):
        return s.astype(float)
    if pd.api.types.is_numeric_dtype(s):
        return pd.to_numeric(s, errors="coerce").astype(float)
    t = _text(s).str.replace(",", "", regex=False).str.replace(r"\s+", "", regex=True).str.removesuffix("%")
    return pd.to_numeric(t, errors="coerce").astype(float)


def _digits_code(s: pd.Series, width: int) -> pd.Series:
    """A digit code as text with the leading zeros Excel and numeric Parquet columns drop ('211' → '0211')."""
    t = _text(s).str.replace(r"\.0+$", "", regex=True)
    return t.where(~t.str.fullmatch(r"\d+", na=False), t.str.zfill(width))


def _lookup(c: Col) -> dict[str, str]:
    words: dict[str, str] = {}
    if isinstance(c.allowed, Codes):
        for code, label in c.allowed.items():
            words[re.sub(r"\s+", "", str(label)).lower()] = code
    for alias, code in CODE_ALIASES.get(c.name, {}).items():
        words[re.sub(r"\s+", "", alias).lower()] = code
    for code in c.allowed or ():
        words[str(code).lower()] = code
    return words


def _sido_lookup() -> dict[str, str]:
    s = ref.sido()
    words = {str(k): str(k) for k in s["sido_code"]}
    for col in ("sido_name_ko", "sido_short_ko"):
        words |= {re.sub(r"\s+", "", str(n)).lower(): str(k) for n, k in zip(s[col], s["sido_code"], strict=True)}
    return words


def coerce_column(s: pd.Series, c: Col) -> pd.Series:
    """One seeker column typed by its spec; a value that cannot be read, is out of range or is an unknown code
    becomes missing (the caller counts those)."""
    if c.dtype == "date":
        return parse_dates(s)
    if c.dtype in ("int", "float"):
        v = _number(s)
        if c.min is not None:
            v = v.mask(v < c.min)
        if c.max is not None:
            v = v.mask(v > c.max)
        return v
    if c.dtype == "bool":
        return s.astype("boolean") if pd.api.types.is_bool_dtype(s) else parse_bool(s)
    if c.name == "sido_code":
        return _norm(_digits_code(s, 2)).map(_sido_lookup()).astype("string")
    if c.pattern and (m := re.fullmatch(r"\^\\d\{(\d+)\}\$", c.pattern)):
        v = _digits_code(s, int(m.group(1)))
        if c.name == "desired_keco_code":  # the features look its wage and education up: an unknown code is missing
            v = v.where(v.isin(ref.occupations()["keco_code"]))
        return v  # other codes (last occupation: only its presence is a feature) are kept as written
    if c.allowed is not None:
        return _norm(s).map(_lookup(c)).astype("string")
    return _text(s)


def _extra_values(s: pd.Series, e: ExtraFeature) -> pd.Series:
    if e.type == "numeric":
        return _number(s)
    if e.type == "bool":
        b = s.astype("boolean") if pd.api.types.is_bool_dtype(s) else parse_bool(s, BOOL_WORDS)
        return b.map(YES_NO_KO, na_action="ignore").astype("string")
    return _text(s.astype("string"))


# ---------------------------------------------------------------- the extract


def _file_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise TrainingDataError(f"학습 파일이 없습니다: {path}", f"training file not found: {path}") from None
    except OSError as exc:
        raise TrainingDataError(
            f"학습 파일 '{path}'을(를) 열 수 없습니다.", f"cannot open training file {path}: {exc}"
        ) from None


def _examples_ko(values: pd.Series, top: int = 5) -> str:
    shown = values.astype("string").str.strip().fillna("(빈 값)").replace("", "(빈 값)").value_counts()
    return ", ".join(f"'{v}' {n:,}건" for v, n in shown.head(top).items()) + (
        f" 외 {len(shown) - top}종류" if len(shown) > top else ""
    )


def read_extract(
    path: str | Path,
    label_col: str = "employed_6m",
    column_map: str | Path | ColumnMap | dict | None = None,
    drop_bad_labels: bool = False,
    extra: list[ExtraFeature] = (),
) -> Extract:
    """A real extract → the training frame (features, extra features, label, date, audit columns) and its summary."""
    path = Path(path)
    raw = _file_bytes(path)
    df, info = read_table(raw, path.name)
    n_file = len(df)
    if isinstance(column_map, ColumnMap):
        cmap = column_map
    elif isinstance(column_map, dict):
        cmap = parse_column_map(column_map)
    elif column_map:
        cmap = load_column_map(column_map)
    else:
        cmap = ColumnMap()
    file_columns = list(df.columns)
    label = cmap.columns.get(label_col, label_col)
    extras = _named([*cmap.features, *extra], cmap.columns, label)
    absent = [e.source for e in extras if e.source not in file_columns]
    if absent:
        raise TrainingDataError(
            f"열 대응(features)의 {', '.join(f'{k!r}' for k in absent)} 열이 파일에 없습니다. "
            f"파일의 열: {_file_columns_ko(file_columns)}",
            f"feature columns not in the file: {absent}",
        )
    original = df
    df = apply_column_map(df, cmap.columns, label)
    if label not in df.columns:
        raise TrainingDataError(
            f"레이블 열 '{label_col}'이(가) 파일에 없습니다. 6개월 내 취업 여부 열의 이름을 --label-col 로 "
            f"알려 주세요. 파일의 열: {_file_columns_ko(file_columns)}",
            f"label column {label_col!r} not in the file",
        )
    derived_age = "age" not in df.columns and "birth_year" in df.columns
    missing = [c for c in REQUIRED if c not in df.columns and not (c == "age" and derived_age)]
    if missing:
        names = ", ".join(f"'{SPEC.col(c).ko}'({c})" for c in missing)
        example = f'{{"파일의 열 이름": "{missing[0]}"}}'
        raise TrainingDataError(
            f"필수 열이 없습니다: {names}. 파일에서 이름이 다르면 --column-map 파일에 {example} 처럼 "
            f"대응을 적어 주세요. 파일의 열: {_file_columns_ko(file_columns)}",
            f"missing required columns: {', '.join(missing)} (add a --column-map entry)",
        )

    typed = pd.DataFrame(index=df.index)
    unknown = pd.DataFrame(index=df.index)
    for c in SPEC.columns:
        if c.name in df.columns and c.name != "seeker_id":
            typed[c.name] = coerce_column(df[c.name], c)
            unknown[c.name] = typed[c.name].isna().to_numpy() & _text(df[c.name]).notna().to_numpy()
    if derived_age:
        typed["age"] = (typed["registered_date"].dt.year - typed["birth_year"]).where(lambda a: a.between(15, 80))
        unknown["age"] = typed["age"].isna() & typed["birth_year"].notna() & typed["registered_date"].notna()
    for e in extras:
        typed[e.name] = _extra_values(original[e.source], e)
        unknown[e.name] = typed[e.name].isna().to_numpy() & _text(original[e.source]).notna().to_numpy()
        if typed[e.name].isna().all():
            raise TrainingDataError(
                f"특징 '{e.source}' 열에서 {FEATURE_TYPES[e.type]}(으)로 읽을 수 있는 값이 하나도 없습니다"
                f"(값 예: {_examples_ko(original[e.source], 3)}). 형(type)을 확인해 주세요.",
                f"feature column {e.source!r} has no value readable as {e.type}",
            )

    y = parse_bool(df[label], OUTCOME_WORDS)
    bad_label = y.isna()
    rejected: dict[str, int] = {}
    if bad_label.any():
        counts = _text(df.loc[bad_label, label]).fillna("(빈 값)").value_counts()
        rejected = {str(k): int(v) for k, v in counts.head(20).items()}
        if not drop_bad_labels:
            raise TrainingDataError(
                f"레이블 열 '{label_col}'에 취업 여부로 읽을 수 없는 값이 {int(bad_label.sum()):,}행 있습니다: "
                f"{_examples_ko(df.loc[bad_label, label])}. 읽을 수 있는 값: {LABEL_WORDS_KO}(대소문자·공백 무시). "
                "이 행들을 빼고 학습하려면 --drop-bad-labels 를 붙여 주세요.",
                f"{int(bad_label.sum())} label values are not yes/no words (use --drop-bad-labels to drop them)",
            )
    bad_date = typed["registered_date"].isna() & ~bad_label
    keep = ~(bad_label | bad_date)
    typed, unknown, y = typed[keep], unknown[keep], y[keep]
    ids, id_note = _ids(df.loc[keep, "seeker_id"] if "seeker_id" in df.columns else None, typed.index)
    typed.insert(0, "seeker_id", ids)
    n_pos = int(y.sum())
    if len(typed) < MIN_ROWS or min(n_pos, len(typed) - n_pos) < MIN_PER_CLASS:
        raise TrainingDataError(
            f"학습에 쓸 수 있는 행이 너무 적습니다: {len(typed):,}행(취업 {n_pos:,} · 미취업 {len(typed) - n_pos:,}). "
            f"적어도 {MIN_ROWS}행, 취업·미취업 각각 {MIN_PER_CLASS}행이 필요합니다"
            f"(등록일을 읽을 수 없어 뺀 행 {int(bad_date.sum()):,}, 레이블로 뺀 행 {int(bad_label.sum()):,}).",
            f"too few usable rows ({len(typed)}; {n_pos} positive)",
        )

    x = build_features(typed, ref.occupations(), None)
    for e in extras:
        v = pd.Series(typed[e.name].to_numpy(), index=x.index)
        x[e.name] = v.astype(float) if e.type == "numeric" else v.astype("string").astype("category")
    audit = typed.assign(age=typed["age"].astype(float)) if "age" in typed else typed
    frame = with_label_and_audit(x, audit, y.astype(int))
    counts = {c: int(n) for c, n in unknown.sum().items() if n}
    used = {*cmap.columns, *SCHEMA_COLUMNS, label, *(e.source for e in extras)}
    source = {
        "kind": "file",
        "path": str(path.resolve()),
        "name": path.name,
        "sha256": hashlib.sha256(raw).hexdigest(),
        "format_ko": info.describe_ko(),
        "rows_in_file": n_file,
        "rows": len(frame),
        "base_rate": float(frame["label"].mean()),
        "label_col": label_col,
        "dropped": {"bad_label": int(bad_label.sum()), "bad_registered_date": int(bad_date.sum())},
        "rejected_labels": rejected,
        "unknown_values": counts,
        "missing_optional_columns": [c for c in FEATURE_INPUTS if c not in df.columns],
        "missing_audit_columns": [c for c in AUDITED if c not in df.columns],
        "unused_columns": [c for c in file_columns if c not in used],
        "column_map": cmap.columns,
        "extra_features": [e.meta() for e in extras],
        "ids_ko": id_note,
        "age_from_birth_year": derived_age,
    }
    return Extract(frame, extras, source)


def _ids(ids: pd.Series | None, index: pd.Index) -> tuple[np.ndarray, str]:
    """The file's seeker ids when they are whole and unique, else the data row number (1 = first data row)."""
    if ids is not None:
        n = pd.to_numeric(_text(ids.astype("string")), errors="coerce")
        if n.notna().all() and n.is_unique and (n == n.round()).all():
            return n.astype("int64").to_numpy(), ""
        return np.asarray(index) + 1, "구직자 ID가 비었거나 중복되어 행 번호를 ID로 썼습니다."
    return np.asarray(index) + 1, ""


def _col_ko(name: str, extras: list[dict]) -> str:
    for e in extras:
        if e["name"] == name:
            return f"'{e['ko']}'"
    return f"'{SPEC.col(name).ko}'({name})" if name in SCHEMA_COLUMNS else name


def describe_ko(source: dict) -> list[str]:
    """What was read and what was made of it, in Korean lines (the CLI prints them)."""
    extras = source.get("extra_features", [])
    lines = [
        f"학습 파일: {source['name']} ({source['format_ko']}) · 사용한 행 {source['rows']:,} / 파일의 행 "
        f"{source['rows_in_file']:,} · 취업 비율 {source['base_rate']:.1%}"
    ]
    d = source["dropped"]
    if d["bad_label"]:
        shown = ", ".join(f"'{k}' {v:,}건" for k, v in list(source["rejected_labels"].items())[:5])
        lines.append(f"레이블을 읽을 수 없어 뺀 행: {d['bad_label']:,} ({shown})")
    if d["bad_registered_date"]:
        lines.append(f"등록일을 읽을 수 없어 뺀 행: {d['bad_registered_date']:,}")
    if source["unknown_values"]:
        shown = ", ".join(f"{_col_ko(c, extras)} {n:,}" for c, n in source["unknown_values"].items())
        lines.append(f"알 수 없는 값(정보 없음으로 처리): {shown}")
    if source["missing_optional_columns"]:
        lines.append(
            "파일에 없어 정보 없음으로 둔 열: "
            + ", ".join(_col_ko(c, extras) for c in source["missing_optional_columns"])
        )
    if source.get("age_from_birth_year"):
        lines.append("나이는 출생연도와 등록일로 계산했습니다.")
    if source.get("ids_ko"):
        lines.append(source["ids_ko"])
    if extras:
        lines.append(
            "추가 특징: "
            + ", ".join(f"{e['ko']}({e['name']}, {FEATURE_TYPES[e['type']]}, 원본 열 '{e['source']}')" for e in extras)
        )
    if source["unused_columns"]:
        lines.append(
            f'쓰지 않은 열: {_file_columns_ko(source["unused_columns"])} — 특징으로 쓰려면 열 대응의 "features" '
            "또는 --numeric/--categorical/--bool 로 선언해 주세요."
        )
    return lines
