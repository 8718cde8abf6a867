"""직업흥미검사: full (288 items) or adaptive (≤ 50) form → RIASEC profile and Top-5 occupations."""

import json

import streamlit as st

import app_cache as cache
from components import auth_ui
from components import interest_ui as ui
from components.text import plain
from data_catalog.spec import INTEREST_FORMS, JOB_ZONE_LIMITS
from models.interest import form
from models.interest.bank import full_form_order, items
from models.interest.cat import CatConfig
from models.interest.matching import reason_ko
from models.interest.scoring import result_document, score_table

st.title("직업흥미검사")
st.caption(
    "일의 활동을 얼마나 좋아하는지 답하면 흥미 유형(RIASEC)과, 가장 강한 흥미에서 시작하는 서로 다른 직업군 5가지와 "
    "그 안의 잘 맞는 직업을 알려 드립니다. "
    "답은 자동 저장되어 새로고침해도 이어서 할 수 있습니다(주소의 test 값을 보관하세요)."
)
store = cache.interest_store()
me = auth_ui.identity()
bank = items()
test_id = st.query_params.get("test")
test = store.test(test_id, owner=me.actor) if test_id else None  # someone else's test id opens nothing
if test_id and test is None:
    st.error(f"검사 번호 '{plain(test_id)}'을(를) 찾을 수 없습니다. 새 검사를 시작해 주세요.")

if test is None:
    with st.form("start"):
        length = {"adaptive": f"최대 {CatConfig().max_items}문항, 약 5분", "full": f"{len(bank)}문항, 약 20분"}
        form_kind = st.radio(
            "검사 형식",
            list(INTEREST_FORMS),
            horizontal=True,
            format_func=lambda f: f"{INTEREST_FORMS[f]} ({length[f]})",
        )
        zone = st.selectbox("준비 수준(직업 추천 범위)", list(JOB_ZONE_LIMITS), format_func=JOB_ZONE_LIMITS.ko)
        st.caption(form.length_note(len(bank), CatConfig().max_items))
        if st.form_submit_button("검사 시작", type="primary"):
            st.query_params["test"] = store.new_test(form_kind, None if zone == 5 else zone, owner=me.actor)
            st.rerun()
    st.stop()

answers = store.answers(test["test_id"])
zone = test["max_job_zone"]
cat = cache.adaptive_test(zone) if test["form"] == "adaptive" else None
order = full_form_order(bank)
if cat is not None:
    screen = form.adaptive_screen(cat, answers)
    st.progress(
        min(len(answers) / cat.config.max_items, 1.0),
        text=f"적응형 · {len(answers)}문항 응답 (최대 {cat.config.max_items})",
    )
else:
    screen = form.full_form_screen(order, answers, st.session_state.get(f"page_start:{test['test_id']}"))
    st.progress(len(answers) / len(order), text=f"전체형 · {len(answers)}/{len(order)}문항")

if not screen.done:
    by_id = bank.set_index("item_id")
    with st.form(f"items_{screen.items[0]}"):  # one key per screen: an error rerun must not swallow the next click
        picked = {i: ui.item_radio(by_id.loc[i], answers.get(i), key=f"ans_{i}") for i in screen.items}
        c1, c2, c3 = st.columns(3)
        back = c1.form_submit_button("이전")
        skip = c2.form_submit_button("건너뛰기")
        nxt_btn = c3.form_submit_button("다음", type="primary")
    if back:
        if cat is not None:
            store.remove_last(test["test_id"])
        else:
            st.session_state[f"page_start:{test['test_id']}"] = form.previous_start(order, screen)
        st.rerun()
    if skip or nxt_btn:
        sub = form.submit(picked, skip=bool(skip))
        store.save_answers(test["test_id"], sub.save)
        if not sub.advance:
            st.error(
                f"응답하지 않은 문항이 {len(sub.missing)}개 있습니다. 답하거나 '건너뛰기'를 눌러 주세요. "
                "답한 문항은 저장했습니다."
            )
        else:
            if cat is None:
                st.session_state[f"page_start:{test['test_id']}"] = form.next_start(order, screen)
            st.rerun()
    if answers and st.button("지금까지 응답으로 결과 보기"):
        st.session_state[f"show_partial:{test['test_id']}"] = True
    if not st.session_state.get(f"show_partial:{test['test_id']}"):
        st.stop()
    st.warning("아직 검사를 마치지 않아 결과의 정확도가 낮을 수 있습니다.")

if screen.done:
    store.finish(test["test_id"])
res = form.result(answers, bank, zone, cache.occupation_openings())
st.subheader("결과")
st.plotly_chart(ui.profile_chart(res.scores), key="profile")
st.dataframe(score_table(res.scores), hide_index=True)
st.subheader("나와 잘 맞는 직업 5가지")
ui.top5_cards(
    res.top, [reason_ko(r) for _, r in res.top.iterrows()], ui.stability_note(len(res.stability), form.N_DRAWS)
)
ui.close_alternatives(res.alternatives)
doc = result_document(test, answers, res.scores, res.top, res.alternatives)
st.download_button(
    "결과 내려받기 (JSON)",
    json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8"),
    file_name=f"interest_{test['test_id']}.json",
    mime="application/json",
)
if st.button("새 검사 시작", key="new_test"):
    st.query_params.clear()  # this test stays reachable by its address; the next one starts at item 1
    st.rerun()
