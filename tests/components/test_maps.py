"""The offline map deck: colours, tooltips, legend."""

import json

import numpy as np
import pandas as pd

from components.maps import NO_DATA, choropleth, class_breaks, colour_for

GJ = {
    "type": "FeatureCollection",
    "features": [
        {
            "type": "Feature",
            "properties": {"code": c, "name_ko": n},
            "geometry": {"type": "Polygon", "coordinates": [[[127, 37], [127.1, 37], [127.1, 37.1], [127, 37]]]},
        }
        for c, n in (("11", "서울특별시"), ("21", "부산광역시"), ("22", "대구광역시"))
    ],
}


def _values():
    return pd.DataFrame(
        {
            "region": ["11", "21", "22"],
            "openings": [1200.0, 300.0, np.nan],
            "new_postings": [800.0, 200.0, np.nan],
            "new_seekers": [500.0, 100.0, 3.0],
        }
    )


def test_deck_is_offline_and_only_accessors_are_expressions():
    deck, legend = choropleth(GJ, _values(), "openings", "신규 구인인원", selected="21")
    j = json.loads(deck.to_json())
    layer = j["layers"][0]
    exprs = {k for k, v in layer.items() if isinstance(v, str) and v.startswith("@@=")}
    assert exprs == {"getFillColor", "getLineColor", "getLineWidth"}  # a string prop would become a JS expression
    assert j["mapStyle"].startswith("data:application/json")  # inline style: nothing is fetched
    props = {f["properties"]["code"]: f["properties"] for f in layer["data"]["features"]}
    assert props["22"]["fill"][:3] == NO_DATA and props["22"]["value_ko"] == "비공개/자료 없음"
    assert props["22"]["postings_ko"] == "5건 미만"
    assert props["11"]["value_ko"] == "1,200명" and props["21"]["width"] > props["11"]["width"]
    assert legend[-1][1] == NO_DATA and "명" in legend[0][0]


def test_class_breaks_and_colours():
    b = class_breaks(pd.Series([1, 2, 3, 4, 5, 6, 7, 8, 9, 10.0]))
    assert b[0] == 1 and b[-1] == 10 and len(b) == 6
    assert colour_for(1.0, b, [[0, 0, 0], [1, 1, 1], [2, 2, 2], [3, 3, 3], [4, 4, 4]]) == [0, 0, 0]
    assert colour_for(10.0, b, [[0, 0, 0], [1, 1, 1], [2, 2, 2], [3, 3, 3], [4, 4, 4]]) == [4, 4, 4]
    assert colour_for(float("nan"), b, [[0, 0, 0]]) == NO_DATA
