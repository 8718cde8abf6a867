"""A model card from saved metadata: the Korean tables and sentences every model's card shows.

Nothing here knows a particular model: the service saves its card texts (`meta["card"]`), metrics,
features, split and fairness table with the model, and `components/model_card.py` renders what
these functions shape. The next model gets a card by saving the same metadata.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from data_catalog.spec import TABLES
from models.common.shap_text import josa

SPLIT_KO = {"train": "학습", "valid": "보정", "test": "시험"}
METRIC_KO = {"auc": "AUC", "flag_share": "표시 비율", "fpr": "오표시율(FPR)", "fnr": "누락률(FNR)"}


def sensitive_ko(meta: dict) -> list[str]:
    """Korean names of the audit-only attributes the model excludes (from the spec of the table it scores)."""
    spec = TABLES[meta["card"]["entity_table"]]
    names = {c.name: c.ko.split("(")[0] for c in spec.columns}
    return [names.get(n, n) for n in meta["sensitive_excluded"]]


def sensitive_text(meta: dict) -> str:
    """The card's line on sensitive attributes: which ones are audit-only, or why the scored entity has none."""
    names = sensitive_ko(meta)
    if not names:
        return (
            "이 모델이 점수를 매기는 대상에는 성별·장애·국적 같은 개인의 민감 속성이 없습니다. 대신 아래 감사 차원별로 "
            "성능 차이를 봅니다."
        )
    return f"{josa(', '.join(names), '은/는')} 특징으로 쓰지 않고 공정성 감사에만 씁니다."


def split_heading(meta: dict) -> str:
    """The split's title line: by time (the default), or the stratified random split a short extract needs."""
    if meta.get("split_method") == "stratified_random":
        return "**층화 무작위 분할** (학습·보정·시험에 같은 결과 비율)"
    return f"**시간 기준 분할** ({meta['card']['split_by_ko']})"


def split_note(meta: dict) -> str | None:
    """Why the split is not by time, and what that means for the test figures (None for the time split)."""
    if meta.get("split_method") != "stratified_random":
        return None
    reason = meta.get("split_note_ko") or "등록 월이 부족해"
    return (
        f"{reason} 층화 무작위 분할을 썼습니다. 시험 구간이 학습과 같은 기간의 다른 사람들이라, "
        "새 달에 등록할 사람들에 대한 성능보다 좋게 나올 수 있습니다."
    )


def source_text(meta: dict) -> str:
    """Where the training data came from: the warehouse, or a named extract with its row count and fingerprint."""
    ds = meta.get("data_source") or {}
    if ds.get("kind") == "file":
        return (
            f"추출 파일 {ds.get('name', meta['training_source'])} ({ds.get('rows', 0):,}행, "
            f"SHA-256 {str(ds.get('sha256', ''))[:12]})"
        )
    return f"웨어하우스 {Path(str(meta['training_source'])).name}"


def split_text(meta: dict) -> str:
    unit = meta["card"]["unit_ko"]
    return " · ".join(
        f"{SPLIT_KO.get(k, k)} {a} – {b} ({meta['split_sizes'][k]:,}{unit})"
        for k, (a, b) in meta["split_periods"].items()
    )


def metrics_table(meta: dict) -> pd.DataFrame:
    names = meta["card"]["metric_names_ko"]
    m = pd.DataFrame(meta["metrics"]).T
    return pd.DataFrame(
        {
            "비교": [names.get(i, i) for i in m.index],
            "ROC-AUC": m["roc_auc"].round(4),
            "PR-AUC": m["pr_auc"].round(4),
            "브라이어 점수(Brier)": m["brier"].round(4),
            "보정 오차(ECE)": m["ece"].round(4),
            f"표본({meta['card']['unit_ko']})": m["n"].astype(int),
        }
    )


def target_text(meta: dict) -> str | None:
    """The model against its targets (AUC gap to the achievable ceiling, ECE), when a ceiling was measured."""
    card, m = meta["card"], meta["metrics"]
    ceiling = card.get("ceiling")
    if not ceiling or ceiling not in m:
        return None
    gap = m[ceiling]["roc_auc"] - m["model"]["roc_auc"]
    t = card.get("targets", {})
    extra = f" {card['ceiling_note_ko']}" if card.get("ceiling_note_ko") else ""
    return (
        f"상한 대비 AUC 차이 {gap:.4f} (목표 ≤ {t.get('ceiling_gap_auc', 0.02)}) · "
        f"ECE {m['model']['ece']:.4f} (목표 ≤ {t.get('ece', 0.02)}). "
        f"참확률은 합성 세계의 참값 스키마(평가 전용)에서만 가져옵니다.{extra}"
    )


def features_table(meta: dict) -> pd.DataFrame:
    """Every feature the model uses (`meta["features"]`); features an extract declared show their file column."""
    extra = any(f.get("source") for f in meta["features"])
    rows = []
    for f in meta["features"]:
        row = {"특징": f["ko"], "구분": "바꿀 수 있음" if f["changeable"] else "고정"}
        if extra:
            row["원본 열"] = f.get("source") or "기본 특징"
        rows.append(row)
    return pd.DataFrame(rows)


def flag_text(meta: dict) -> str:
    card = meta["card"]
    rule = card["flag_rule_ko"].format(threshold=meta["threshold"])
    pos = card["positive_ko"]
    return (
        f"{card['flag_ko']} 표시 기준: {rule}. 오표시율(FPR) = 실제 {pos}했는데 표시된 비율, "
        f"누락률(FNR) = {pos}하지 않았는데 표시되지 않은 비율."
    )


def fairness_sections(
    fairness: pd.DataFrame, meta: dict, region_names: dict[str, str]
) -> list[tuple[str, pd.DataFrame]]:
    """Per audited dimension: a sentence naming its largest gap, and its Korean table."""
    card = meta["card"]
    flag, pos = card["flag_ko"], card["positive_ko"]
    metric_ko = {**METRIC_KO, "flag_share": f"{flag} 비율"}
    out = []
    for dim, g in fairness.groupby("dimension", sort=False):
        gaps = {c: g[c].max() - g[c].min() for c in metric_ko}
        worst = max(gaps, key=gaps.get)
        shown = f"{gaps[worst]:.3f}" if worst == "auc" else f"{gaps[worst] * 100:.1f}%p"
        groups = g["group"].astype(str)
        table = pd.DataFrame(
            {
                "집단": groups.map(lambda c: region_names.get(c, c)) if dim == "시도" else groups,
                f"표본({card['unit_ko']})": g["n"],
                "AUC": g["auc"].round(3),
                f"{flag} 비율(%)": (g["flag_share"] * 100).round(1),
                "오표시율 FPR(%)": (g["fpr"] * 100).round(1),
                "누락률 FNR(%)": (g["fnr"] * 100).round(1),
                "평균 예측(%)": (g["mean_pred"] * 100).round(1),
                f"실제 {pos} 비율(%)": (g["observed"] * 100).round(1),
                "보정 격차(%p)": (g["calibration_gap"] * 100).round(1),
            }
        )
        out.append((f"{dim} — 가장 큰 격차: {metric_ko[worst]} {shown}", table))
    return out
