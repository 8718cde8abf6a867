"""Read a user's table file — CSV (any common Korean encoding and delimiter), Excel or Parquet — as a frame.

One reader for the importer, the import page and model training, so a file that imports also trains.
CSV and Excel cells come back as strings (empty cells as missing) and are typed later against the spec;
Parquet keeps its own types. Every failure is an `ImportFileError` with a Korean message.

Encodings: UTF-8 (with or without BOM) first; otherwise charset-normalizer decides among the Korean
code pages (CP949 is a superset of EUC-KR, so both read as CP949). Delimiters: comma, semicolon, tab or
vertical bar, sniffed from the first lines with the standard library's `csv.Sniffer`.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from charset_normalizer import from_bytes

from data_catalog.errors import UserError

DELIMITERS = {",": "쉼표(,)", ";": "세미콜론(;)", "\t": "탭", "|": "세로선(|)"}
TEXT_SUFFIXES = (".csv", ".txt", ".tsv")
EXCEL_SUFFIXES = (".xlsx", ".xlsm")
SUFFIXES = (*TEXT_SUFFIXES, *EXCEL_SUFFIXES, ".parquet")
SNIFF_BYTES = 64 * 1024


class ImportFileError(UserError):
    """The file itself cannot be read (format, encoding, delimiter)."""


@dataclass(frozen=True)
class FileInfo:
    """How a file was read (shown on the import page and in the import log)."""

    kind: str  # csv | excel | parquet
    encoding: str | None = None
    delimiter: str | None = None

    def describe_ko(self) -> str:
        if self.kind != "csv":
            return {"excel": "Excel 통합문서", "parquet": "Parquet"}[self.kind]
        return f"CSV · 인코딩 {self.encoding} · 구분자 {DELIMITERS.get(self.delimiter or ',', self.delimiter)}"


def decode(raw: bytes, name: str) -> tuple[str, str]:
    """Bytes → (text, encoding name): UTF-8 (BOM or not) if valid, else a detected Korean code page."""
    try:
        return raw.decode("utf-8-sig"), "UTF-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(raw[: 4 * SNIFF_BYTES], cp_isolation=["cp949", "euc_kr", "utf_16", "latin_1"]).best()
    if best is not None and best.encoding in ("cp949", "euc_kr"):
        try:
            return raw.decode("cp949"), "CP949"
        except UnicodeDecodeError:
            pass
    raise ImportFileError(
        f"'{name}': 문자 인코딩을 알 수 없습니다. UTF-8 또는 CP949(EUC-KR)로 저장해 주세요.",
        f"{name}: unknown text encoding (save as UTF-8 or CP949)",
    )


def sniff_delimiter(text: str, name: str) -> str:
    """The field delimiter of a CSV text; a Korean error when the first lines do not agree on one."""
    head = text[:SNIFF_BYTES]
    lines = [ln for ln in head.splitlines() if ln.strip()][:20]
    if not lines:
        raise ImportFileError(f"'{name}': 빈 파일입니다.", f"{name}: empty file")
    try:
        return csv.Sniffer().sniff("\n".join(lines), delimiters="".join(DELIMITERS)).delimiter
    except csv.Error:
        pass
    # the sniffer wants ≥2 consistent lines; a header alone (or a header plus one row) is still clear
    present = [d for d in DELIMITERS if d in lines[0]]
    if len(present) == 1:
        return present[0]
    if not present:
        return ","  # a one-column file: validation names the missing columns
    names = ", ".join(DELIMITERS[d] for d in present)
    raise ImportFileError(
        f"'{name}': 열 구분자를 정할 수 없습니다(첫 줄에 {names}이(가) 섞여 있습니다). "
        "쉼표·세미콜론·탭 중 하나로 구분해 저장해 주세요.",
        f"{name}: cannot determine the delimiter",
    )


def read_table(data: bytes | str | Path, name: str | None = None) -> tuple[pd.DataFrame, FileInfo]:
    """Read a CSV/TSV/TXT, Excel (.xlsx) or Parquet file from a path or bytes; `name` gives the format."""
    if name is None:
        name = Path(data).name if isinstance(data, (str, Path)) else "file"
    try:
        raw = Path(data).read_bytes() if isinstance(data, (str, Path)) else data
    except OSError as exc:
        raise ImportFileError(f"'{name}' 파일을 열 수 없습니다: {exc.strerror}", f"cannot open {name}") from exc
    lower = name.lower()
    if not lower.endswith(SUFFIXES):
        raise ImportFileError(
            f"'{name}': 지원하지 않는 파일 형식입니다. CSV, Excel(.xlsx) 또는 Parquet 파일을 올려 주세요.",
            f"{name}: unsupported file type",
        )
    if lower.endswith(".parquet"):
        try:
            return pd.read_parquet(io.BytesIO(raw)), FileInfo("parquet")
        except Exception as exc:  # noqa: BLE001 - any reader failure is a user-facing format problem
            raise ImportFileError(
                f"'{name}'을(를) Parquet 파일로 읽을 수 없습니다.", f"{name}: not a Parquet file ({exc})"
            ) from exc
    if lower.endswith(EXCEL_SUFFIXES):
        try:
            df = pd.read_excel(io.BytesIO(raw), dtype=str, engine="openpyxl")
        except Exception as exc:  # noqa: BLE001 - a damaged workbook is a user-facing format problem
            raise ImportFileError(
                f"'{name}'을(를) Excel 통합문서로 읽을 수 없습니다.", f"{name}: not an xlsx workbook ({exc})"
            ) from exc
        return _tidy(df), FileInfo("excel")
    if not raw.strip():
        raise ImportFileError(f"'{name}': 빈 파일입니다.", f"{name}: empty file")
    text, encoding = decode(raw, name)
    sep = sniff_delimiter(text, name)
    try:
        df = pd.read_csv(
            io.StringIO(text), sep=sep, dtype=str, keep_default_na=False, na_values=[""], skip_blank_lines=False
        )
    except pd.errors.EmptyDataError as exc:
        raise ImportFileError(f"'{name}': 빈 파일입니다.", f"{name}: empty file") from exc
    except pd.errors.ParserError as exc:
        raise ImportFileError(
            f"'{name}': CSV 형식 오류입니다 — 행마다 열 개수가 같은지, 따옴표가 닫혔는지 확인해 주세요.",
            f"{name}: CSV parse error ({exc})",
        ) from exc
    return _tidy(df), FileInfo("csv", encoding, sep)


def _tidy(df: pd.DataFrame) -> pd.DataFrame:
    """Trim header names (Excel and hand-made CSVs carry stray spaces) and drop fully empty rows.

    The index is kept: label i is the i-th data row of the file (row i + 2 with the header as row 1),
    so the row numbers in messages are the ones the user sees in a spreadsheet even after blank rows.
    """
    df = df.rename(columns=lambda c: str(c).strip())
    return df.dropna(how="all")


def read_any(data: bytes | str | Path, name: str | None = None) -> pd.DataFrame:
    """`read_table` without the file description."""
    return read_table(data, name)[0]
