"""The data spec is the one source of Korean labels of coded values, yes/no words and audit-only attributes."""

from __future__ import annotations

import ast

import pandas as pd
import pytest

import config
from data_catalog import spec
from data_catalog.schemas import allowed_text

CODE_SETS = {name: v for name, v in vars(spec).items() if isinstance(v, spec.Codes)}
TEXT_CODE_SETS = {n: v for n, v in CODE_SETS.items() if all(isinstance(k, str) for k in v)}
"""Code sets with text codes: a dict keyed by two of them is a label copy (1/2 or True/False keys could be anything)."""


def test_every_coded_column_has_a_korean_label_for_each_value():
    for t in spec.TABLES.values():
        for c in t.columns:
            if c.allowed is not None:
                assert isinstance(c.allowed, spec.Codes), (t.name, c.name)
                assert all(any("가" <= ch <= "힣" for ch in label) for label in c.allowed.values()), (t.name, c.name)
    assert allowed_text(spec.TABLES["postings"].col("contract_type")).startswith(
        "permanent(정규직), fixed_term(계약직)"
    )


def test_codes_behave_as_an_ordered_mapping():
    c = spec.CONTRACTS
    assert list(c) == ["permanent", "fixed_term", "part_time", "dispatch"] and c["part_time"] == "시간제"
    assert c.ko("nope") == "nope" and c.ko("nope", "정보 없음") == "정보 없음"
    assert hash(spec.TABLES["postings"].col("contract_type"))  # column specs stay hashable
    assert list(spec.EDUCATION) == [k for k in spec.EDUCATION_RANK if k != "any"]


def test_yes_no_words_in_one_place():
    got = spec.parse_bool(pd.Series(["예", "아니오", "아니요", " TRUE ", "0", "y", "모름", None]))
    assert got.tolist()[:6] == [True, False, False, True, False, True] and got[6:].isna().all()


def test_audit_only_attributes_are_declared_in_the_spec():
    assert spec.sensitive_columns("seekers") == ("gender", "disability", "nationality")
    assert all(spec.TABLES["seekers"].col(c).pii for c in spec.sensitive_columns("seekers"))


def test_every_column_has_a_personal_data_class():
    cls = {(t.name, c.name): c.pii_class for t in spec.TABLES.values() for c in t.columns}
    assert set(cls.values()) <= set(spec.PII_CLASSES) and list(spec.PII_CLASSES.values()) == [
        "식별자",
        "개인정보",
        "민감정보(감사 전용)",
        "해당 없음",
    ]
    # sensitive: exactly the protected grounds kept for the fairness audit, in no table but seekers
    assert {k for k, v in cls.items() if v == "sensitive"} == {
        ("seekers", "gender"),
        ("seekers", "disability"),
        ("seekers", "nationality"),
    }
    # the id of a person is an identifier wherever it appears; ids of firms, postings and courses are not
    assert {k for k, v in cls.items() if v == "identifier"} == {(t, "seeker_id") for t, c in cls if c == "seeker_id"}
    personal = {c for (t, c), v in cls.items() if t == "seekers" and v == "personal"}
    assert {"birth_year", "age", "sido_code", "sigungu_code", "desired_wage_krw", "resume_text", "skills"} <= personal
    assert cls["postings", "description"] == "personal"  # free text: a posting names its recruiter and telephone
    assert all(v == "none" for (t, _c), v in cls.items() if t in ("firms", "training_courses", "posting_truth"))
    for t in spec.TABLES.values():  # the derived flags agree with the class
        for c in t.columns:
            assert c.pii == (c.pii_class != "none") and c.sensitive == (c.pii_class == "sensitive")


def test_a_misspelt_class_is_refused():
    with pytest.raises(ValueError, match="pii_class"):
        spec.Col("x", "str", "엑스", "X", pii_class="personnal")


def test_no_second_copy_of_a_label_dictionary():
    """No dict literal outside the spec maps two or more codes of a code set to Korean text."""
    offenders = []
    for pkg in ("analytics", "components", "data_catalog", "geo", "models", "pages", "bench"):
        for f in (config.PROJECT_ROOT / pkg).rglob("*.py"):
            if f.name == "spec.py":
                continue
            for node in ast.walk(ast.parse(f.read_text(encoding="utf-8"))):
                if not isinstance(node, ast.Dict):
                    continue
                keys = {k.value for k in node.keys if isinstance(k, ast.Constant)}
                korean = [
                    v
                    for v in node.values
                    if isinstance(v, ast.Constant)
                    and isinstance(v.value, str)
                    and any("가" <= ch <= "힣" for ch in v.value)
                ]
                for name, codes in TEXT_CODE_SETS.items():
                    if len(keys & set(codes)) >= 2 and korean:
                        offenders.append(f"{f.relative_to(config.PROJECT_ROOT)}:{node.lineno} repeats spec.{name}")
    assert not offenders, offenders
