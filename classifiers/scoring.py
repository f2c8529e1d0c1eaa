"""Full scoring of a candidate: term weights x position, subject/action proximity, negatives.

topic = project + sector + people + action + pairs  (each category capped; gated when a part is missing)
        - negatives
score = logistic((topic - center) / width)
Activity shares come from the activity cues (plus the project's per-activity boost).
"""

from __future__ import annotations

import bisect
import math
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from classifiers.lexicon import Category, Lexicon
from classifiers.textfold import fast_fold
from classifiers.zones import Zone


class Hit(NamedTuple):
    """One term occurrence (a named tuple: ~60 a candidate, made 3x faster than a frozen dataclass)."""

    category: str
    key: str
    weight: float
    zone: str
    start: int
    token: int
    surface: str = ""  # as written in the normalized text


_new_hit = tuple.__new__  # Hit's fields as one tuple: no Python frame a hit (NamedTuple's __new__ is one)


def match_zones(zones: list[Zone], lex: Lexicon) -> dict[str, list[Hit]]:
    """Every lexicon term in every zone, in one pass per zone, grouped by category (leftmost-longest
    within a category; categories may overlap: "lớp bồi dưỡng" is a 2b cue and holds the action
    "bồi dưỡng")."""
    out: dict[str, list[Hit]] = defaultdict(list)
    owners = lex.owners
    matcher = lex.matcher
    for zone in zones:
        syl = zone.syl
        if not len(syl):
            continue
        # leftmost-longest per category as the occurrences come (by first syllable, then last, then term): at the
        # same first syllable a longer one replaces the one kept; a later one is kept when it starts after it
        kept: dict[str, list[tuple[int, int, int]]] = {}
        for span in matcher.spans(syl, folded=zone.plain):  # (first, last, term)
            cat = owners[span[2]][0]
            ks = kept.get(cat)
            if ks is None:
                kept[cat] = [span]
                continue
            last = ks[-1]
            if span[0] == last[0]:
                if span[1] > last[1]:
                    ks[-1] = span
            elif span[0] > last[1]:
                ks.append(span)
        name, text, starts, ends = zone.name, zone.text, syl.starts, syl.ends
        for cat, ks in kept.items():
            hits = out[cat]
            for i, j, t in ks:
                term = owners[t][1]
                start = starts[i]
                hits.append(_new_hit(Hit, (cat, term.key, term.weight, name, start, i, text[start:ends[j]])))
    return out


def find_hits(category: Category, zones: list[Zone], index: dict[str, list[Hit]] | None = None) -> list[Hit]:
    """The hits of one category (from a precomputed `match_zones` index when given)."""
    if index is None:
        raise ValueError("find_hits needs the document's match index (match_zones)")
    return index.get(category.name, [])


_ZONE_ORDER = {"title": 0, "lead": 1, "body": 2}


@dataclass
class Contribution:
    total: float
    terms: list[dict[str, Any]]
    count: float  # zone-weighted number of hits (for ratio negatives)


def _first_key(h: Hit) -> tuple[int, int]:
    return _ZONE_ORDER[h.zone], h.start


_TERM_FORMS: dict[str, str] = {}  # a surface -> its folded, space-collapsed form (contribution's "term")
_TERM_FORMS_MAX = 50_000


def _term_form(surface: str) -> str:
    form = _TERM_FORMS.get(surface)
    if form is None:
        if len(_TERM_FORMS) >= _TERM_FORMS_MAX:
            _TERM_FORMS.clear()
        form = _TERM_FORMS[surface] = " ".join(fast_fold(surface).split())
    return form


def contribution(hits: list[Hit], lex: Lexicon, cap: float | None = None) -> Contribution:
    """Each term: weight x its best zone weight x (1 + repeat_factor x further occurrences)."""
    by_term: dict[str, list[Hit]] = {}
    for h in hits:
        hs = by_term.get(h.key)
        if hs is None:
            by_term[h.key] = [h]
        else:
            hs.append(h)
    zw = lex.zone_weights
    max_repeats, repeat_factor = int(lex.t("max_repeats")), lex.t("repeat_factor")
    total, count, terms = 0.0, 0.0, []
    for key, hs in by_term.items():
        h0 = hs[0]
        if len(hs) == 1:  # the same values as below for one hit
            best = zw[h0.zone]
            value = h0.weight * best * (1 + repeat_factor * min(0, max_repeats))
            count += best
            first, where, first_token = h0, [h0.zone], h0.token
        else:
            ws = [zw[h.zone] for h in hs]
            best = max(ws)
            repeats = min(len(hs) - 1, max_repeats)
            value = h0.weight * best * (1 + repeat_factor * repeats)
            count += sum(ws)
            where = sorted({h.zone for h in hs}, key=_ZONE_ORDER.__getitem__)
            first = min(hs, key=_first_key)
            first_token = min(h.token for h in hs if h.zone == where[0])
        total += value
        terms.append({"term": _term_form(first.surface) or key, "key": key,
                      "surface": first.surface, "category": h0.category, "where": where, "count": len(hs),
                      "first_token": first_token, "weight": h0.weight, "contribution": round(value, 3)})
    if cap is not None and total > cap:
        total = cap
    return Contribution(total, terms, count)


def _token_runs(hits: list[Hit]) -> dict[str, list[tuple[list[Hit], list[int]]]]:
    """Each zone's hits, in their order, cut into runs of non-decreasing tokens (a category's hits in a zone are
    one run), each with its tokens for bisect."""
    runs: dict[str, list[tuple[list[Hit], list[int]]]] = {}
    for h in hits:
        zone_runs = runs.setdefault(h.zone, [])
        if not zone_runs or zone_runs[-1][1][-1] > h.token:
            zone_runs.append(([], []))
        zone_runs[-1][0].append(h)
        zone_runs[-1][1].append(h.token)
    return runs


def pairs(actions: list[Hit], subjects: list[Hit], lex: Lexicon) -> tuple[float, list[dict[str, Any]]]:
    """Action terms near subject terms ("bồi dưỡng" within N tokens of "giáo viên mầm non")."""
    n = int(lex.t("proximity_tokens"))
    found: list[tuple[float, dict[str, Any]]] = []
    runs = _token_runs(subjects)
    for a in actions:
        # the subjects within n syllables, in their order: a slice of each run of ascending tokens
        near = [s for hits, tokens in runs.get(a.zone, ())
                for s in hits[bisect.bisect_left(tokens, a.token - n):bisect.bisect_right(tokens, a.token + n)]]
        if not near:
            continue
        cats = {s.category for s in near}
        zw = lex.zone_weights[a.zone]
        value = lex.t("pair_weight") * zw + (lex.t("triple_bonus") * zw if {"sector", "people"} <= cats else 0.0)
        closest = min(near, key=lambda s: abs(s.token - a.token))
        found.append((value, {"action": a.key, "subject": closest.key, "zone": a.zone,
                              "distance": abs(closest.token - a.token), "value": round(value, 3)}))
    found.sort(key=lambda x: -x[0])
    kept = found[: int(lex.t("max_pairs"))]
    return sum(v for v, _ in kept), [e for _, e in kept]


@dataclass
class Scored:
    score: float
    topic: float
    parts: dict[str, float]
    gates: list[str]
    shares: dict[str, float]
    activity_raw: dict[str, float]
    terms: list[dict[str, Any]] = field(default_factory=list)
    pairs: list[dict[str, Any]] = field(default_factory=list)
    negatives: list[dict[str, Any]] = field(default_factory=list)
    mixed: list[str] = field(default_factory=list)  # look-alike groups named next to the project
    activity_cues: bool = True  # False: no activity cue at all, the activity is the default


def score_zones(zones: list[Zone], lex: Lexicon, *, before_project: bool = False,
                index: dict[str, list[Hit]] | None = None) -> Scored:
    index = match_zones(zones, lex) if index is None else index
    project_hits = find_hits(lex.project, zones, index)
    subj_hits = {c: find_hits(cat, zones, index) for c, cat in lex.subject.items()}
    project = contribution(project_hits, lex, lex.project.cap)
    subj = {c: contribution(h, lex, lex.subject[c].cap) for c, h in subj_hits.items()}
    pair_value, pair_ev = pairs(subj_hits["action"], subj_hits["sector"] + subj_hits["people"], lex)

    pair_value = min(pair_value, lex.t("pairs_cap"))
    parts = {"project": project.total, **{c: s.total for c, s in subj.items()}, "pairs": pair_value}
    # The project's name stands for the whole subject, but only next to a sector term: every page about
    # Đề án 33 says "mầm non" somewhere, while "Đề án 33" of a district party committee on vocational
    # training does not.
    named = project.total > 0 and subj["sector"].total > 0
    # How central the sector is: a passing "mầm non" in a primary-school story lends little weight to
    # the teacher/training terms around it. The project's name counts as full sector evidence.
    sector_factor = 1.0 if named else min(1.0, subj["sector"].total / lex.t("sector_full"))
    parts["sector_factor"] = sector_factor
    positive = project.total + subj["sector"].total + sector_factor * (
        subj["people"].total + subj["action"].total + pair_value)
    gates: list[str] = []
    for cat, key in (("sector", "gate_no_sector"), ("action", "gate_no_action"), ("people", "gate_no_people")):
        if not named and subj[cat].total == 0:
            positive *= lex.t(key)
            gates.append(f"no_{cat}")

    negative = 0.0
    neg_ev: list[dict[str, Any]] = []
    mixed: list[str] = []
    for name, neg in lex.negatives.items():
        hits = find_hits(neg, zones, index)
        if not hits:
            continue
        c = contribution(hits, lex)
        penalty, share = c.total, 1.0
        if neg.mixed_review and named:
            # a page naming the project and the look-alike (Đề án 1677) is about both: a person decides
            mixed.append(name)
            penalty, share = 0.0, 0.0
        elif neg.mode == "ratio" and neg.against:
            against = subj[neg.against].count  # contribution(subj_hits[neg.against], lex).count: cap leaves count
            share = c.count / (c.count + against) if c.count + against else 1.0
            penalty = c.total * share
        elif neg.mode == "damp":
            # genre cues (essays, course modules): scale the positive evidence down, however strong it is
            share = min(lex.t("max_damp"), c.total / neg.scale)
            penalty = positive * share
        negative += penalty
        neg_ev.append({"group": name, "mode": neg.mode, "share": round(share, 3), "penalty": round(penalty, 3),
                       "terms": c.terms})
    if before_project:
        negative += lex.t("before_project_penalty")
        neg_ev.append({"group": "before_project_start", "mode": "date", "penalty": lex.t("before_project_penalty"),
                       "project_start": str(lex.project_start)})
    parts["negatives"] = -negative
    topic = positive - negative
    z = max(-50.0, min(50.0, (topic - lex.score_center) / lex.score_width))
    score = 1.0 / (1.0 + math.exp(-z))

    activity_raw: dict[str, float] = {}
    act_terms: list[dict[str, Any]] = []
    for aid, act_cat in lex.activities.items():
        c = contribution(find_hits(act_cat, zones, index), lex)
        boost = lex.project.activities.get(aid, 0.0) * (1.0 if named else 0.0)
        activity_raw[aid] = c.total + boost
        act_terms.extend(c.terms)
    total_raw = sum(activity_raw.values())
    if total_raw > 0:
        shares = {a: v / total_raw for a, v in activity_raw.items()}
    else:
        shares = {a: (1.0 if a == lex.default_activity else 0.0) for a in activity_raw}

    terms = project.terms + [t for s in subj.values() for t in s.terms] + act_terms
    return Scored(score=score, topic=topic, parts={k: round(v, 3) for k, v in parts.items()}, gates=gates,
                  shares=shares, activity_raw={k: round(v, 3) for k, v in activity_raw.items()},
                  terms=terms, pairs=pair_ev, negatives=neg_ev, mixed=mixed, activity_cues=total_raw > 0)
