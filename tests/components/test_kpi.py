"""KPI cards: at most three a row by default, every value shown in full."""

from streamlit.testing.v1 import AppTest


def _app():
    from components.kpi import Kpi, kpi_rows  # noqa: PLC0415 - AppTest runs this function's body as the script

    kpi_rows([Kpi(f"지표 {i}", f"{i:,}명") for i in range(5)])
    kpi_rows([Kpi("가", "1"), Kpi("나", "2")], per_row=2)


def test_rows_of_three_then_two():
    at = AppTest.from_function(_app).run()
    assert not at.exception
    assert [m.label for m in at.metric] == ["지표 0", "지표 1", "지표 2", "지표 3", "지표 4", "가", "나"]
    rows = list(at.main.children.values())
    assert [len(row.children) for row in rows] == [3, 3, 2]  # the second row keeps three slots for two cards
