"""The writer: complete Work24 sections grounded in the catalogue, varied, always passing the checker; unlawful
notes left out with the rule they break; conditions that break the law refused with the checker's reasons."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from data_catalog.reference import minimum_wage
from models.posting_writer import service, validate
from models.posting_writer.request import SECTIONS, Request, monthly_equivalent


def _req(con, code: str | None = None, **kw) -> Request:
    q = "SELECT keco_code, name_ko, duties_ko, skills_ko, typical_monthly_wage_krw FROM ref_occupation"
    rows = con.execute(q + (" WHERE keco_code = ?" if code else " ORDER BY keco_code LIMIT 1"), [code] if code else [])
    keco, name, duties, skills, typical = rows.fetchone()
    base = dict(
        keco_code=keco,
        occupation_ko=name,
        duties_ko=duties,
        skills=tuple(skills.split(";")),
        sido_ko="경기도",
        sigungu_ko="수원시",
        wage_type="monthly",
        wage_amount=max(int(typical), 2_600_000) // 10_000 * 10_000,
        weekly_hours=40.0,
        posted_date=date(2026, 12, 1),
        closing_date=date(2026, 12, 31),
        contact="031-123-4567",
    )
    return Request(**{**base, **kw})


@pytest.fixture(scope="module")
def occupations(small_con):
    return [r[0] for r in small_con.execute("SELECT keco_code FROM ref_occupation ORDER BY keco_code").fetchall()]


def test_every_occupation_gets_a_complete_lawful_posting(small_con, occupations):
    for code in occupations[::7]:
        for kw in (
            {},
            {"wage_type": "hourly", "wage_amount": 12_000, "weekly_hours": 20.0, "contract_type": "part_time"},
        ):
            req = _req(small_con, code, **kw)
            r = service.write(req)
            assert r.errors == [] and r.written is not None, (code, r.errors)
            w = r.written
            assert set(w.sections) == set(SECTIONS) and all(w.sections[s].strip() for s in SECTIONS)
            assert validate.flags_of(req, w) == [] and validate.states_conditions(req, w) == []
            first_duty = req.duties_ko.split(" ")[0]
            assert first_duty in w.sections["담당 업무"]  # grounded in the catalogue's duties


def test_wording_varies_between_variants_but_not_between_runs(small_con):
    req = _req(small_con)
    texts = {service.write(req, variant=v).written.body for v in range(6)}
    assert len(texts) >= 3
    assert service.write(req, variant=2).written.body == service.write(req, variant=2).written.body


def test_unlawful_notes_are_left_out_with_the_rule_and_lawful_ones_kept(small_con):
    req = _req(small_con, preferred_notes=("지게차 운전 가능자", "30세 이하 우대"), duty_notes=("용모 단정한 분",))
    w = service.write(req).written
    assert "지게차 운전 가능자" in w.body and "30세" not in w.body and "용모" not in w.body
    assert any("30세 이하" in n and "연령" in n for n in w.notices) and any("용모" in n for n in w.notices)


def test_conditions_below_the_minimum_wage_are_refused_with_the_checkers_reason(small_con):
    _y, hourly = minimum_wage(2026)
    r = service.write(_req(small_con, wage_type="hourly", wage_amount=hourly - 500))
    assert r.written is None and any("최저임금" in e for e in r.errors)


def test_an_edited_posting_is_rechecked_before_saving(small_con):
    req = _req(small_con)
    w = service.write(req).written
    bad = replace(w, sections={**w.sections, "자격 요건": w.sections["자격 요건"] + "\n- 여성만 지원 가능"})
    assert any("성별" in e or "남녀" in e for e in service.recheck(req, bad))
    empty = replace(w, sections={**w.sections, "접수 방법": " "})
    assert any("접수 방법" in e for e in service.recheck(req, empty))
    assert service.recheck(req, w) == []


def test_monthly_equivalent_follows_the_paid_hours_rule():
    assert monthly_equivalent("hourly", 10_000, 40) == 2_090_000
    assert monthly_equivalent("daily", 80_000, 40, 5) == 2_090_000
    assert monthly_equivalent("annual", 36_000_000, 40) == 3_000_000
    assert monthly_equivalent("monthly", 2_500_000, 40) == 2_500_000
