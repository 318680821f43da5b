"""The bar charts' geometry: scaled to the largest value, numbers written for SVG in any language."""

from django.utils import translation

from portal.dashboard.charts import LABEL_WIDTH, VALUE_WIDTH, WIDTH, bar_chart


def test_bars_are_scaled_to_the_largest_value_and_labels_are_cut():
    with translation.override("ru"):
        chart = bar_chart(
            title="Downloads", data=[("Республика Корея и её партнёры по программе", 3), ("KZ", 0), ("KG", 6)]
        )

    widths = [float(bar.width) for bar in chart.bars]
    assert widths == [(WIDTH - LABEL_WIDTH - VALUE_WIDTH) / 2, 0, WIDTH - LABEL_WIDTH - VALUE_WIDTH]
    assert chart.bars[0].short_label.endswith("…") and len(chart.bars[0].short_label) <= 26
    assert chart.bars[0].label == "Республика Корея и её партнёры по программе"
    assert all("," not in value for bar in chart.bars for value in (bar.y, bar.text_y, bar.width, bar.value_x))
    assert float(chart.height) == 3 * 26


def test_no_data_no_chart_and_all_zero_is_drawn_flat():
    assert bar_chart(title="Nothing", data=[]) is None
    assert [bar.width for bar in bar_chart(title="Zeros", data=[("a", 0), ("b", 0)]).bars] == ["0", "0"]
