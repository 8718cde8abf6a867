"""기업: 채용 통계(채용마당) — 공고별·회사 전체의 단계별 전환, 머문 기간, 지원 경로, 지원자 특성, 추이."""

from datetime import datetime

import plotly.graph_objects as go
import streamlit as st

import app_cache as cache
from analytics import ats_stats as ats
from analytics import postings
from components import auth_ui
from components.charts import FONT
from components.export import download_csv
from components.format import days, pct, people, ymd
from components.kpi import Kpi, kpi_rows
from components.text import chart_text

ALL = "all"
st.title("채용 통계")
st.caption(
    "앱에서 우리 회사 공고에 지원한 분이 단계마다 얼마나 나아갔는지, 단계마다 얼마나 머물렀는지, 어떤 경로로 "
    "지원했는지를 봅니다. 같은 사람이 한 공고에 두 번 지원해 합쳐진 경우는 한 명으로 셉니다."
)
con, _ref, _period = cache.page_context()
me = auth_ui.identity()
firm = str(me.org)  # the signed-in employer's own firm, never an id from the address or a widget
track = cache.tracking()
track.sync(firm)
own = postings.firm_postings(con, firm)
if own.empty:
    st.info("우리 회사 공고가 없습니다.")
    st.stop()
titles = {ALL: "우리 회사 전체"} | {
    str(r.posting_id): f"{r.title} · 게시 {ymd(r.posted_date)}" for r in own.itertuples()
}
scope = st.selectbox("범위", list(titles), format_func=titles.get, key="as_scope")
pid = None if scope == ALL else scope
report = cache.ats_report()
cards, moves = report.cards(firm, pid), report.moves(firm, pid)
if cards.empty:
    st.info("앱에서 지원한 분이 아직 없습니다. 지원이 들어오면 통계가 여기에 나타납니다.")
    st.stop()
pipelines = [track.pipeline(p) for p in ([pid] if pid else sorted(cards["posting_id"].unique()))]
order = ats.merge_orders([s.stage for s in pl] for pl in pipelines)
labels: dict[str, str] = {}
for pl in pipelines:  # the first posting's name of a stage wins when postings name it differently
    labels |= {s.stage: s.label for s in pl if s.stage not in labels}
now = datetime.now()
summ = ats.summary(cards, moves)
kpi_rows(
    [
        Kpi("지원자", people(summ["applicants"]), help="합쳐진 중복 지원은 한 명으로 셉니다."),
        Kpi("진행 중", people(summ["in_progress"]), help="입사·불합격·지원 취소가 아닌 지원자"),
        Kpi("입사", people(summ["hired"])),
        Kpi("입사율", pct(summ["hire_rate"]), help="입사 ÷ 지원자(아직 진행 중인 지원자 포함)"),
        Kpi("입사까지 걸린 기간(중앙값)", days(summ["median_days_to_hire"]), help="지원일부터 입사 단계까지"),
    ]
)
fun = ats.funnel(cards, moves, order, labels)
stay = ats.time_in_stage(cards, moves, order, labels, now)
src = ats.by_source(cards)
bands = ats.applicant_bands(cards, ats.seeker_profiles(con, cards["seeker_id"]))
chars = ats.characteristics(bands)
VIEWS = ("단계별 전환", "지원 경로·지원자 특성", "기간별 추이")
view = st.radio(
    "보기", VIEWS, horizontal=True, key="as_view", label_visibility="collapsed"
)  # one section drawn at a time
if view == VIEWS[0]:
    path = fun[fun["on_path"]]
    fig = go.Figure(
        go.Funnel(
            y=[chart_text(x) for x in path["label"]],  # a stage name the employer typed is text, never plotly HTML
            x=path["reached"],
            textinfo="value+percent initial",
            hovertemplate="%{y}: %{x:,}명<extra></extra>",
            marker_color="#3182bd",
        )
    )
    fig.update_layout(
        title="단계별 도달 인원(명)", height=340, margin=dict(l=10, r=10, t=50, b=10), font=FONT,
        xaxis_title="명",
    )  # fmt: skip
    st.plotly_chart(fig, width="stretch", config={"displayModeBar": False})
    st.subheader("단계별 전환과 머문 기간")
    st.dataframe(ats.stage_table(fun, stay), hide_index=True, width="stretch")
    st.caption(
        "도달: 그 단계나 그 뒤 단계에 들어간 적이 있는 인원(접수에서 면접으로 바로 옮겼다면 서류 검토도 지난 것으로 "
        "셉니다). 진입: 그 단계로 옮겨진 기록이 있는 인원. 불합격·보류·지원 취소는 전환 단계가 아니라 접수 대비 비율만 "
        "보입니다. 머문 기간 중앙값은 그 단계에 들어간 때부터 다음 단계로 옮긴 때까지로, 다음 단계로 옮긴 지원자만 "
        f"셉니다. 아직 그 단계에 있는 지원자는 따로 세고 오늘({ymd(now)})까지 머문 기간을 보입니다(입사·불합격·지원 "
        "취소는 제외)."
    )
elif view == VIEWS[1]:
    st.subheader("지원 경로별")
    st.dataframe(ats.source_table(src), hide_index=True, width="stretch")
    st.caption("입사율 = 입사 ÷ 그 경로의 모든 지원(아직 진행 중인 지원 포함).")
    st.subheader("지원자 특성")
    high = min(35 * (len(chars) + 1) + 3, 640)  # every row without an inner scroll, up to about 17 rows
    st.dataframe(ats.characteristics_table(chars), hide_index=True, width="stretch", height=high)
    st.caption(
        f"지원자 {len(bands):,}명(한 사람은 한 번)의 연령대·거주 시도·최종 학력·경력입니다. 성별·장애·국적은 "
        f"보지 않습니다. {ats.MIN_CELL}명 미만인 칸은 '{ats.HIDDEN}'로 가리고, 합계에서 빼서 알아낼 수 없도록 "
        f"가린 칸이 둘 이상이고 합쳐서 {ats.MIN_CELL}명 이상이 될 때까지 작은 칸부터 더 가립니다."
    )
else:
    st.subheader("기간별 추이")
    freq_ko = {"week": "주별", "month": "월별"}
    freq = st.radio(
        "단위", list(freq_ko), format_func=freq_ko.get, horizontal=True, key="as_freq",
        index=list(freq_ko).index(ats.default_freq(cards, moves)),
    )  # fmt: skip
    tr = ats.trend(cards, moves, freq)
    tfig = go.Figure()
    tfig.add_bar(x=tr["label"], y=tr["applications"], name="지원(명)", marker_color="#9ecae1")
    tfig.add_scatter(x=tr["label"], y=tr["hired"], name="입사(명)", mode="lines+markers", line=dict(color="#e6550d"))
    tfig.update_layout(
        title="기간별 지원·입사 인원", height=320, margin=dict(l=10, r=10, t=50, b=10), font=FONT,
        legend=dict(orientation="h", y=-0.25), hovermode="x unified",
    )  # fmt: skip
    tfig.update_xaxes(type="category", title_text="주(월요일 시작)" if freq == "week" else "월")
    tfig.update_yaxes(title_text="명", rangemode="tozero")
    st.plotly_chart(tfig, width="stretch", config={"displayModeBar": False})
if view != VIEWS[2]:  # the CSV always has a trend: the default unit unless the trend view chose one
    tr = ats.trend(cards, moves, ats.default_freq(cards, moves))
table = ats.report_table(fun, stay, src, chars, tr)
name = "ats_stats_all.csv" if pid is None else f"ats_stats_{pid}.csv"
if download_csv("통계 CSV 내려받기", table, name, key="as_csv"):
    auth_ui.audit().record(me, "export", "ats_stats", pid or firm, "ats_stats", detail=f"{len(cards)}명")
