"""The review-side analysis tool (tests.quality.review_cv): its tail table counts what a reject threshold at
each of the lowest relevant items would leave for a reviewer."""

from __future__ import annotations

from tests.quality.review_cv import report, tail_table


def test_tail_table_counts_the_irrelevant_items_left_when_the_k_lowest_relevant_ones_are_given_up() -> None:
    q = [0.01, 0.02, 0.03, 0.04, 0.05, 0.5, 0.9]
    y = [1, 0, 0, 1, 0, 1, 0]
    assert tail_table(q, y) == [(0, 0.01, 4), (1, 0.04, 2), (2, 0.5, 1)]


def test_report_groups_the_irrelevant_items_left_by_ruling_and_lists_the_lowest_relevant_first() -> None:
    from classifiers.corpus import Item

    def item(i: str, relevant: bool, ruling: str | None) -> Item:
        return Item(id=i, doc={"title": i}, relevant=relevant, activity="2b" if relevant else None,
                    split="train", source="web_pages", label={"ruling": ruling, "borderline": False})

    items = [item("a", True, None), item("b", False, "off-topic"), item("c", False, "pay-only"),
             item("d", True, "first-person"), item("e", False, "off-topic")]
    out = report(items, [0.3, 0.2, 0.9, 0.1, 0.4], t=0.15)
    assert out["irrelevant_left"] == 3
    assert out["by_ruling"] == [("off-topic", 2), ("pay-only", 1)]
    assert [r["id"] for r in out["lowest_relevant"]] == ["d", "a"]
    assert out["surfaced_recall"] == 0.5
