"""모델 카드: any registered model's data, held-out performance against baseline and ceiling, calibration, fairness."""

import streamlit as st

import app_cache as cache
from analytics import regions
from components import matching_card, model_card
from models.common import registry

kinds = {k.name: k for k in registry.TRAINED}
requested = st.query_params.get("model", registry.KINDS[0].name)
if requested not in kinds:
    st.warning("주소의 모델 이름을 찾을 수 없어 첫 번째 모델을 보여 드립니다.")
    requested = registry.KINDS[0].name
name = st.sidebar.selectbox(
    "모델", list(kinds), index=list(kinds).index(requested), format_func=lambda n: kinds[n].title_ko, key="mc_model"
)
st.query_params["model"] = name
st.title(f"모델 카드 — {kinds[name].title_ko}")
_model, meta, tables = cache.model_or_stop(name)
if name == "matching":
    matching_card.render_matching(meta, tables)
elif name in {k.name for k in registry.SCORERS}:
    model_card.render_checker(meta, tables)
else:
    ref = cache.reference()
    model_card.render(meta, tables, regions.region_names(ref, "sido") if ref else {})
