"""Seeker jobs page: recommendations with reasons; saving and applying write to the operational store."""

from __future__ import annotations

import config
from store.applications import ApplicationStore
from store.ats import Tracking
from tests.pages.apptest import assert_renders, identity_for, open_page


def test_renders_with_reasons(app_env):
    at = assert_renders("seeker_jobs", "추천 일자리")
    text = " ".join(m.value for m in at.markdown) + " ".join(c.value for c in at.caption)
    assert "추천 이유" in text and "적합도" in text and "통근" in text


def test_apply_is_written_to_the_store_for_the_employer(app_env):
    at = open_page("seeker_jobs")
    apply = next(b for b in at.button if b.key and b.key.startswith("apply_"))
    pid = int(apply.key.removeprefix("apply_"))
    apply.click().run()
    assert not at.exception
    sid = int(identity_for("seeker").org)
    apps = ApplicationStore(config.store_url()).for_seeker(sid)
    assert [int(a["posting_id"]) for a in apps] == [pid] and apps[0]["firm_id"]
    assert ApplicationStore(config.store_url()).for_firm(int(apps[0]["firm_id"]), pid)
    assert any(b.key == f"apply_{pid}" and b.disabled for b in at.button)
    # the employer moves the application; the seeker sees the stage, then withdraws
    firm = str(apps[0]["firm_id"])
    track = Tracking(config.store_url())
    track.sync(firm)
    track.move(firm, apps[0]["application_id"], "interview", "local:test_employer", 1)
    at.run()
    assert at.dataframe[-1].value["진행 단계"].iat[0] == "면접"
    at.button(key="jobs_withdraw_go").click().run()
    assert at.dataframe[-1].value["진행 단계"].iat[0] == "지원 취소" and not at.exception


def test_another_seekers_id_in_the_address_is_ignored(app_env):
    at = open_page("seeker_jobs", query={"seeker": "999999"})
    assert not at.exception and any("다른 사람의 기록" in w.value for w in at.warning)


def test_save_toggles(app_env):
    at = open_page("seeker_jobs")
    save = next(b for b in at.button if b.key and b.key.startswith("save_"))
    pid = int(save.key.removeprefix("save_"))
    save.click().run()
    sid = int(identity_for("seeker").org)
    assert ApplicationStore(config.store_url()).saved(sid) == [pid]
