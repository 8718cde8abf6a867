"""Read a user's table file — CSV (any common Korean encoding and delimiter), Excel or Parquet — as a frame.

One reader for the importer, the import page and model training, so a file that imports also trains.
CSV and Excel cells come back as strings (empty cells as missing) and are typed later against the spec;
Parquet keeps its own types. Every failure is an `ImportFileError` with a Korean message.

Encodings: UTF-8 (with or without BOM) first, UTF-16 with a BOM (Excel's Unicode text); otherwise
charset-normalizer decides among the Korean code pages (CP949 is a superset of EUC-KR, so both read as
CP949). Delimiters: comma, semicolon, tab or vertical bar, decided from the first records parsed with
the standard library's `csv` reader (see `sniff_delimiter`); an ambiguous header is an error, not a guess.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
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
    """Bytes → (text, encoding name): UTF-8 (BOM or not) if valid, UTF-16 with its BOM (Excel's "유니코드
    텍스트" export), else a detected Korean code page. Bytes with NUL characters are not text at all."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16"), "UTF-16"
        except UnicodeDecodeError:
            pass
    if b"\x00" in raw[: 4 * SNIFF_BYTES]:
        raise ImportFileError(
            f"'{name}': 텍스트(CSV) 파일이 아닙니다. CSV, Excel(.xlsx) 또는 Parquet 파일을 올려 주세요.",
            f"{name}: binary content in a text file",
        )
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


SNIFF_RECORDS = 50


def _field_counts(head: str, delimiter: str, truncated: bool) -> list[int]:
    """Fields per record of the first lines when split by `delimiter`, quotes respected (blank lines skipped)."""
    try:
        rows = [r for r in csv.reader(io.StringIO(head), delimiter=delimiter) if r]
    except csv.Error:
        return []
    if truncated and len(rows) > 1:
        rows = rows[:-1]  # the sample may end inside a record
    return [len(r) for r in rows[:SNIFF_RECORDS]]


def sniff_delimiter(text: str, name: str) -> str:
    """The field delimiter of a CSV text; a Korean error when the first lines do not decide it.

    A delimiter fits when, splitting the first records with the `csv` module (so a delimiter inside a
    quoted field does not count), every record has the same number of fields, more than one. Exactly one
    fitting delimiter is the answer. `csv.Sniffer` is not used: it prefers some delimiter even when two fit
    equally (a header "id,name;x" reads both ways), and such a file must be saved again, not guessed.
    When none fits (ragged rows), the delimiter the header uses decides, and pandas reports the bad row.
    """
    head = text[:SNIFF_BYTES]
    if not head.strip():
        raise ImportFileError(f"'{name}': 빈 파일입니다.", f"{name}: empty file")
    truncated = len(text) > SNIFF_BYTES
    counts = {d: _field_counts(head, d, truncated) for d in DELIMITERS}
    fitting = [d for d, n in counts.items() if n and len(set(n)) == 1 and n[0] > 1]
    if len(fitting) == 1:
        return fitting[0]
    if not fitting:
        fitting = [d for d, n in counts.items() if n and n[0] > 1]  # used in the header
        if len(fitting) == 1:
            return fitting[0]
        if not fitting:
            return ","  # a one-column file: validation names the missing columns
    names = ", ".join(DELIMITERS[d] for d in fitting)
    raise ImportFileError(
        f"'{name}': 열 구분자를 정할 수 없습니다(첫 줄에 {names}이(가) 섞여 있습니다). "
        "쉼표·세미콜론·탭 중 하나로 구분해 저장해 주세요.",
        f"{name}: cannot determine the delimiter",
    )


ZIP_MAGIC = b"PK\x03\x04"  # an .xlsx workbook is a zip archive
PARQUET_MAGIC = b"PAR1"
OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # Excel 97-2003 (.xls)


def _kind(lower: str, raw: bytes) -> str:
    """csv | excel | parquet: the suffix decides, except that a "CSV" holding a workbook or a Parquet file
    (renamed, or saved with the wrong extension) is read as what its first bytes say it is."""
    if lower.endswith(".parquet"):
        return "parquet"
    if lower.endswith(EXCEL_SUFFIXES):
        return "excel"
    if raw.startswith(ZIP_MAGIC):
        return "excel"
    if raw.startswith(PARQUET_MAGIC):
        return "parquet"
    return "csv"


def read_table(data: bytes | str | Path, name: str | None = None) -> tuple[pd.DataFrame, FileInfo]:
    """Read a CSV/TSV/TXT, Excel (.xlsx) or Parquet file from a path or bytes; `name` gives the format.

    The frame's index label i is the i-th data row of the file (row i + 2 with the header on row 1),
    kept after fully blank rows are dropped, so messages can name the row the user sees.
    """
    if name is None:
        name = Path(data).name if isinstance(data, (str, Path)) else "file"
    try:
        raw = Path(data).read_bytes() if isinstance(data, (str, Path)) else data
    except OSError as exc:
        raise ImportFileError(f"'{name}' 파일을 열 수 없습니다: {exc.strerror}", f"cannot open {name}") from exc
    lower = name.lower()
    if lower.endswith(".xls") or (lower.endswith(SUFFIXES) and raw.startswith(OLE_MAGIC)):
        raise ImportFileError(
            f"'{name}': Excel 97-2003(.xls) 형식은 읽지 않습니다. Excel에서 .xlsx 또는 CSV로 다시 저장해 주세요.",
            f"{name}: legacy .xls workbook",
        )
    if not lower.endswith(SUFFIXES):
        raise ImportFileError(
            f"'{name}': 지원하지 않는 파일 형식입니다. CSV, Excel(.xlsx) 또는 Parquet 파일을 올려 주세요.",
            f"{name}: unsupported file type",
        )
    if not raw.strip():
        raise ImportFileError(f"'{name}': 빈 파일입니다.", f"{name}: empty file")
    kind = _kind(lower, raw)
    if kind == "parquet":
        try:
            return pd.read_parquet(io.BytesIO(raw)), FileInfo("parquet")
        except Exception as exc:  # noqa: BLE001 - any reader failure is a user-facing format problem
            raise ImportFileError(
                f"'{name}'을(를) Parquet 파일로 읽을 수 없습니다.", f"{name}: not a Parquet file ({exc})"
            ) from exc
    if kind == "excel":
        try:
            df = pd.read_excel(io.BytesIO(raw), dtype=str, engine="openpyxl")
        except Exception as exc:  # noqa: BLE001 - a damaged workbook is a user-facing format problem
            raise ImportFileError(
                f"'{name}'을(를) Excel 통합문서로 읽을 수 없습니다.", f"{name}: not an xlsx workbook ({exc})"
            ) from exc
        if df.columns.empty:
            raise ImportFileError(f"'{name}': 첫 시트가 비어 있습니다.", f"{name}: empty first sheet")
        return _tidy(df), FileInfo("excel")
    text, encoding = decode(raw, name)
    sep = sniff_delimiter(text, name)
    try:
        df = pd.read_csv(
            io.StringIO(text), sep=sep, dtype=str, keep_default_na=False, na_values=[""], skip_blank_lines=False
        )
    except pd.errors.EmptyDataError as exc:
        raise ImportFileError(f"'{name}': 빈 파일입니다.", f"{name}: empty file") from exc
    except pd.errors.ParserError as exc:
        line = re.search(r"line (\d+)", str(exc))
        where = f"{line.group(1)}행에서 " if line else ""
        raise ImportFileError(
            f"'{name}': CSV 형식 오류입니다 — {where}열 개수가 머리글과 다릅니다. "
            "행마다 열 개수가 같은지, 쉼표가 든 값을 따옴표로 감쌌는지 확인해 주세요.",
            f"{name}: CSV parse error ({exc})",
        ) from exc
    return _tidy(df), FileInfo("csv", encoding, sep)


def _tidy(df: pd.DataFrame) -> pd.DataFrame:
    """Trim header names (Excel and hand-made CSVs carry stray spaces), drop fully empty rows and the
    nameless empty columns a trailing delimiter or a formatted Excel column leaves ("Unnamed: 5").

    The index is kept: label i is the i-th data row of the file (row i + 2 with the header as row 1),
    so the row numbers in messages are the ones the user sees in a spreadsheet even after blank rows.
    """
    df = df.rename(columns=lambda c: str(c).strip())
    blank = [c for c in df.columns if re.fullmatch(r"Unnamed: \d+", c) and df[c].isna().all()]
    return df.drop(columns=blank).dropna(how="all")


def read_any(data: bytes | str | Path, name: str | None = None) -> pd.DataFrame:
    """`read_table` without the file description."""
    return read_table(data, name)[0]


def decode_column_map(raw: bytes, name: str, shape_ko: str = "") -> object:
    """A column-map file's bytes → its JSON value; the file's own mistakes are named as such (UserError).

    One reader for the importer and model training: not UTF-8 (with a hint when it reads as CP949, the usual
    cause on Korean Windows), not JSON (line and column). The caller checks the shape of what it gets.
    """
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            raw.decode("cp949")
            hint = "CP949(EUC-KR)로 저장된 것 같습니다. "
        except UnicodeDecodeError:
            hint = ""
        raise UserError(
            f"열 대응 파일 '{name}'이(가) UTF-8 JSON이 아닙니다. {hint}"
            "UTF-8로 다시 저장해 주세요(메모장: 다른 이름으로 저장 → 인코딩 UTF-8).",
            f"column map {name} is not UTF-8 JSON (saved as CP949?)",
        ) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise UserError(
            f"열 대응 파일 '{name}'이(가) 올바른 JSON이 아닙니다({exc.lineno}행 {exc.colno}열 근처). "
            f"{shape_ko}".rstrip(),
            f"column map {name} is not valid JSON: {exc}",
        ) from None


def read_column_map_file(path: str | Path, shape_ko: str = "") -> object:
    """`decode_column_map` of a file on disk; a missing or unreadable file is named as such."""
    p = Path(path)
    try:
        raw = p.read_bytes()
    except FileNotFoundError:
        raise UserError(f"열 대응 파일이 없습니다: {p}", f"column map file not found: {p}") from None
    except OSError as exc:
        raise UserError(f"열 대응 파일 '{p}'을(를) 열 수 없습니다.", f"cannot open column map {p}: {exc}") from None
    return decode_column_map(raw, p.name, shape_ko)
