"""User- and file-controlled text inside Streamlit's Markdown widgets (st.error, st.success, st.markdown).

Those widgets render Markdown: a file named `[x](http://…)` or `![](http://…)` would become a link or an
image loaded from any host. `plain` escapes every Markdown-active character so such text shows as typed.
Tables (st.dataframe) already show cells as text and need nothing. Plotly charts read a few HTML tags in
labels and hover text (`<a href=…>` makes a link): `chart_text` writes `<` and `>` as entities, which Plotly
shows as the characters.
"""

from __future__ import annotations

import re

_ACTIVE = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~:$=])")


def plain(text: object) -> str:
    """`text` with Markdown syntax escaped, so st.markdown/st.error show it literally."""
    return _ACTIVE.sub(r"\\\1", str(text))


def chart_text(text: object) -> str:
    """`text` for a Plotly label or hover text: no tag (link, style) of it is interpreted."""
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
