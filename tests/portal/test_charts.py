"""The SVG bar chart: accessible names, every number in the description, escaping."""

from __future__ import annotations

from cpbmonitor.portal.charts import Series, bar_chart
from cpbmonitor.portal.diff import word_diff_html


def chart() -> str:
    return str(
        bar_chart(
            chart_id="c1",
            title="Indicator <A.1(a)>",
            categories=["World", "Africa & co"],
            series=[Series("Baseline", [50.0, None]), Series("Current", [75.0, 100.0])],
            fmt=lambda v: f"{v:.1f} %",
            maximum=100,
        )
    )


def test_chart_is_named_and_described():
    svg = chart()
    assert 'role="img" aria-labelledby="c1-title c1-desc"' in svg
    assert '<title id="c1-title">Indicator &lt;A.1(a)&gt;</title>' in svg
    assert (
        '<desc id="c1-desc">World: Baseline 50.0 %, Current 75.0 %; '
        "Africa &amp; co: Baseline no data, Current 100.0 %</desc>"
    ) in svg


def test_bars_scale_to_the_maximum():
    svg = chart()
    # 556 units of width for 100 %: 75 % -> 417, 50 % -> 278.
    assert 'class="series-1" x="0" y="62" width="417.0"' in svg
    assert 'class="series-0" x="0" y="44" width="278.0"' in svg
    assert 'class="value missing"' in svg


def test_word_diff_marks_and_escapes():
    html = str(word_diff_html("Parties have <b> measures", "Parties  have adopted <b> measures"))
    assert html == "Parties have <ins>adopted</ins> &lt;b&gt; measures"
    assert str(word_diff_html("a b c", "a x c")) == "a <del>b</del> <ins>x</ins> c"
