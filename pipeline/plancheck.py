"""`planwatch plan check`: a plan and its lexicon validated together, every problem listed at once."""

from __future__ import annotations

from pathlib import Path


def check_plan(plan_ref: str, lexicon_file: Path | None = None) -> tuple[list[str], list[str]]:
    """(problems, notes). No problems: the plan can be loaded, classified and reported."""
    from classifiers.lexicon import LexiconError, load_lexicon
    from pipeline.plans import PlanError, load_plan

    problems: list[str] = []
    notes: list[str] = []
    try:
        plan = load_plan(plan_ref)
    except PlanError as exc:
        return [str(exc)], notes
    notes.append(f"{plan.id}: {len(plan.activities)} hoạt động, {len(plan.channels)} kênh, "
                 f"{sum(sum(a.planned.values()) for a in plan.activities)} sản phẩm dự kiến")
    for a in plan.activities:
        if sum(a.planned.values()) == 0:
            problems.append(f"activity {a.id}: planned counts are all 0 (nothing to measure)")
        if a.window_start.year != a.window_end.year and (a.window_end - a.window_start).days > 400:
            notes.append(f"activity {a.id}: window over more than a year ({a.window_start}..{a.window_end})")
    known_sources = _source_ids()
    for ch in plan.channels:
        unknown = [s for s in ch.source_ids if known_sources and s not in known_sources]
        if unknown:
            notes.append(f"channel {ch.id}: source_ids not in data/sources yet: {', '.join(unknown)}")
        if not ch.source_ids and not ch.kinds:
            notes.append(f"channel {ch.id}: no source in data/sources yet (docs/adding-an-outlet.md); its stories "
                         "are counted, under the channel of their outlet's kind")
    try:
        lex = load_lexicon(str(lexicon_file) if lexicon_file else plan.lexicon, plan.activity_ids)
    except LexiconError as exc:
        problems.append(str(exc))
        return problems, notes
    if lex.plan != plan.id:
        problems.append(f"lexicon {lex.path}: meta.plan is '{lex.plan}', not '{plan.id}'")
    for aid, cat in lex.activities.items():
        if not cat.terms:
            problems.append(f"lexicon activities.{aid}: no cue terms")
    if not lex.project.terms:
        problems.append("lexicon [project]: no terms (the plan's project or number)")
    notes.append(f"từ điển {lex.path.name}: {len(lex.project.terms)} thuật ngữ dự án, "
                 f"{sum(len(c.terms) for c in lex.activities.values())} dấu hiệu hoạt động")
    return problems, notes


def _source_ids() -> set[str]:
    try:
        from crawlers.registry import load_sources
        from planwatch.config import data_path

        ids = {s.id for s in load_sources(None)}
        return ids | {s.id for s in load_sources(str(data_path("demo", "sources.toml")))}
    except Exception:
        return set()
