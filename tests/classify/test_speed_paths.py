"""The candidate path's faster forms give what the former forms gave (sixteenth session, speed14):
syllables from one re.split, the diacritics share counted from those syllables, the trie walk over compiled
nodes, and Model.outputs against its four calls."""

from __future__ import annotations

import math
import random
import re
from pathlib import Path

import pytest

from classifiers.lexicon import Lexicon, load_lexicon
from classifiers.matcher import (
    _BREAK,
    SYLLABLE,
    Matcher,
    Syllables,
    has_diacritics,
    has_diacritics_split,
)
from classifiers.model import Model
from classifiers.scoring import Hit, pairs
from pipeline.plans import list_plans, load_plan
from tests.classify.matcher_reference import Found, dictionary_walk, leftmost_longest, spans_found
from tests.classify.test_model_scoring import _built
from tests.support.real_candidates import primary_classifier_and_articles

TEXTS = [
    "", " ", "a", "1BÀI", "giáo_viên mầm non", "Năm 2018 – 2025: 3.000 lượt giáo viên; 45% đạt chuẩn.",
    "  Đề án 33/QĐ-TTg ... bồi dưỡng\nthường xuyên! ", "x²3 Ⅳ ½ ß İstanbul ǅ", "hoà ÷ 12ab a12 _3 3_",
    "Lớp bồi dưỡng.Giáo viên", "\n\n", "ĐÀO TẠO, BỒI DƯỠNG giáo viên mầm non",
]


def _reference_syllables(text: str) -> tuple[list[int], list[int], list[str], list[bool]]:
    """Syllables.of as it was: spans from finditer on the lower-cased text (or on the text when lower-casing
    changes its length)."""
    low = text.lower()
    spans = [m.span() for m in SYLLABLE.finditer(text if len(low) != len(text) else low)]
    exact = [text[s:e].lower() for s, e in spans] if len(low) != len(text) else SYLLABLE.findall(low)
    starts = [s for s, _ in spans]
    breaks = [False] * len(starts)
    for m in _BREAK.finditer(text):
        j = next((k for k, s in enumerate(starts) if s >= m.start()), len(starts))
        if j < len(breaks):
            breaks[j] = True
    return starts, [e for _, e in spans], exact, breaks


@pytest.mark.parametrize("text", TEXTS)
def test_syllables_from_the_split_are_the_former_ones(text: str) -> None:
    syl = Syllables.of(text)
    assert (syl.starts, syl.ends, syl.exact, syl.breaks) == _reference_syllables(text)


def test_lower_casing_keeps_every_characters_class() -> None:
    """Syllables.of splits the lower-cased text and has_diacritics_split counts those syllables for the text
    itself: the same count only because no character changes class (letter, digit, other) when lower-cased."""
    letter, digit = re.compile(r"[^\W\d_]"), re.compile(r"\d")

    def kind(c: str) -> int:
        return 1 if letter.match(c) else 2 if digit.match(c) else 0

    for cp in range(0x110000):
        c = chr(cp)
        low = c.lower()
        if len(low) == 1:
            assert kind(c) == kind(low), hex(cp)


def test_the_diacritics_share_from_syllables_is_the_former_one() -> None:
    long_marked = "giáo viên " * 1999 + "mầm non " * 10  # longer than the 20,000 characters read, cut in a word
    long_plain = "giao vien " * 2500 + "mầm non đào tạo " * 400
    cases = [*([t] for t in TEXTS), ["Giao vien mam non", "dao tao boi duong", "nam 2025"],
             ["Tiêu đề", "", "noi dung khong dau 1 2 3 4"], [long_marked], [long_plain], [long_plain[:19999] + "ỳ"]]
    for texts in cases:
        assert has_diacritics_split((t, Syllables.of(t)) for t in texts) == has_diacritics(*texts), texts[:1]


def test_the_walk_over_compiled_nodes_finds_what_the_dictionary_walk_found() -> None:
    m = Matcher(["giáo viên", "giáo viên mầm non", "mầm non", "đào tạo, bồi dưỡng", "bồi dưỡng",
                 "bồi dưỡng thường xuyên", "Đề án 33", "quyết định [số] 33", "2018 – 2025", "giáo"])
    for text in [*TEXTS, "Quyết định số 33 và quyết định 33: bồi dưỡng thường xuyên cho giáo viên mầm non.",
                 "giao vien mam non, dao tao boi duong. Giáo viên mầm non"]:
        syl = Syllables.of(text)
        for folded in (False, True):
            assert spans_found(m, syl, folded=folded) == dictionary_walk(m, syl, folded=folded)


def _four_calls(m: Model, f: dict[str, float]) -> tuple[object, ...]:
    m._cache.pop("memo", None)
    return m.probability(f), m.reject_probability(f), m.activity_probabilities(f), m.top_features(f)


def test_outputs_equal_the_four_calls(tmp_path: Path) -> None:
    full = _built(tmp_path, reject={"bias": -1.0, "calibration": [2.0, 0.5], "weights": {"a": 3.0, "z": 1.0}},
                  activity={"classes": ["1", "2a"], "weights": {"1": {"a": 1.0, "y": 2.0}, "2a": {"b": 1.0}},
                            "bias": {"1": 0.5}})
    bare = _built(tmp_path)
    cases: list[dict[str, float]] = [{}, {"a": 1.0}, {"x": 1.0}, {"a": 2, "b": 3, "z": 1},
                                     {k: 1.0 for k in "abcdefxyz"}, {"a": 1.0, "q": math.inf, "z": 0.5}]
    for m in (full, bare):
        for f in cases:
            assert tuple(m.outputs(f)) == _four_calls(m, f)
    full.outputs({"a": 1.0})
    assert "memo" not in full._cache  # one question a page: nothing kept


def test_outputs_on_real_candidates() -> None:
    clf, rows = primary_classifier_and_articles(60)
    for r in rows:
        f = clf.analyse(r).features
        assert tuple(clf.model.outputs(f)) == _four_calls(clf.model, f)


def _reference_pairs(actions: list[Hit], subjects: list[Hit], lex: Lexicon) -> tuple[float, list[dict[str, object]]]:
    """scoring.pairs as it was: every subject of the list tested against every action."""
    n = int(lex.t("proximity_tokens"))
    found = []
    for a in actions:
        near = [s for s in subjects if s.zone == a.zone and abs(s.token - a.token) <= n]
        if not near:
            continue
        cats = {s.category for s in near}
        zw = lex.zone_weights[a.zone]
        value = lex.t("pair_weight") * zw + (lex.t("triple_bonus") * zw if {"sector", "people"} <= cats else 0.0)
        closest = min(near, key=lambda s, a=a: abs(s.token - a.token))  # type: ignore[misc]
        found.append((value, {"action": a.key, "subject": closest.key, "zone": a.zone,
                              "distance": abs(closest.token - a.token), "value": round(value, 3)}))
    found.sort(key=lambda x: -x[0])
    kept = found[: int(lex.t("max_pairs"))]
    return sum(v for v, _ in kept), [e for _, e in kept]


def test_pairs_by_runs_of_tokens_are_the_former_pairs() -> None:
    from tests.support.plan import PRIMARY_PLAN

    lex = next(load_lexicon(load_plan(p).lexicon, load_plan(p).activity_ids) for p in list_plans()
               if load_plan(p).id == PRIMARY_PLAN)
    rnd = random.Random(14)
    zones = ("title", "lead", "body")
    for _ in range(300):
        def hits(cat: str, k: int) -> list[Hit]:
            out = [Hit(cat, f"{cat}{rnd.randrange(4)}", 1.0, rnd.choice(zones), 0, rnd.randrange(60))
                   for _ in range(rnd.randrange(k))]
            return out if rnd.random() < 0.3 else sorted(out, key=lambda h: (zones.index(h.zone), h.token))
        actions, sector, people = hits("action", 8), hits("sector", 10), hits("people", 10)
        assert pairs(actions, sector + people, lex) == _reference_pairs(actions, sector + people, lex)


# --- seventeenth session (speed18): the faster forms below against the forms they replaced -------------------------


def _words_from(rnd: random.Random, alphabet: list[str], most: int) -> str:
    return "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, most)))


_ALPHABET = [*"ab xyz_ 1 2 9 ²½Ⅳ.,;:\n-–/àạđĐ÷×٣éÀß", "\u0301", "İ", "ǅ", "  ", "aé÷", " giáo viên", " giao vien"]


def test_syllable_parts_are_the_syllable_split() -> None:
    """_syllable_parts (a split on word-character runs, the odd runs re-split) against _SYLLABLE_SPLIT.split."""
    from classifiers.matcher import _SYLLABLE_SPLIT, _syllable_parts

    rnd = random.Random(18)
    for text in [*TEXTS, *(_words_from(rnd, _ALPHABET, 30) for _ in range(20000))]:
        assert _syllable_parts(text) == _SYLLABLE_SPLIT.split(text), repr(text)


def test_the_early_diacritics_answer_is_the_full_count(monkeypatch: pytest.MonkeyPatch) -> None:
    """has_diacritics_split answers from the first pieces when it can: the same answer as the full count
    (_share_marked), with pieces of 8 characters (many cuts) and of the default size."""
    import classifiers.matcher as matcher

    rnd = random.Random(17)
    cases = [[_words_from(rnd, _ALPHABET, 60) for _ in range(rnd.randint(1, 3))] for _ in range(6000)]
    cases += [["Giáo viên 2018", "1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 à"],
              ["٣٣٣ ٣٣ ٣"], ["÷÷ ÷ aé÷ aé÷ ×"], ["giáo viên " * 1999 + "mầm non"], ["giao vien " * 600 + "mầm"]]
    for size in (8, matcher.PIECE_CHARS):
        monkeypatch.setattr(matcher, "PIECE_CHARS", size)
        for texts in cases:
            pairs = [(t, Syllables.of(t)) for t in texts]
            assert has_diacritics_split(pairs) == matcher._share_marked(pairs), texts


def _reference_match_zones(zones: list, lex: Lexicon) -> dict[str, list[Hit]]:
    """scoring.match_zones as it was: Found occurrences grouped by category, leftmost_longest of each."""
    from collections import defaultdict

    out: dict[str, list[Hit]] = defaultdict(list)
    for zone in zones:
        if not len(zone.syl):
            continue
        by_cat: dict[str, list[Found]] = defaultdict(list)
        for f in dictionary_walk(lex.matcher, zone.syl, folded=zone.plain):
            by_cat[lex.owners[f.term][0]].append(f)
        for cat, found in by_cat.items():
            for f in leftmost_longest(found):
                term = lex.owners[f.term][1]
                out[cat].append(Hit(cat, term.key, term.weight, zone.name, f.start, f.first,
                                    zone.text[f.start:f.end]))
    return out


def _reference_contribution(hits: list[Hit], lex: Lexicon, cap: float | None = None) -> tuple[object, ...]:
    """scoring.contribution as it was."""
    from collections import defaultdict

    from classifiers.scoring import _ZONE_ORDER
    from classifiers.textfold import fast_fold

    by_term: dict[str, list[Hit]] = defaultdict(list)
    for h in hits:
        by_term[h.key].append(h)
    zw = lex.zone_weights
    max_repeats, repeat_factor = int(lex.t("max_repeats")), lex.t("repeat_factor")
    total, count, terms = 0.0, 0.0, []
    for key, hs in by_term.items():
        best = max(zw[h.zone] for h in hs)
        repeats = min(len(hs) - 1, max_repeats)
        value = hs[0].weight * best * (1 + repeat_factor * repeats)
        total += value
        count += sum(zw[h.zone] for h in hs)
        where = sorted({h.zone for h in hs}, key=_ZONE_ORDER.__getitem__)
        first = min(hs, key=lambda h: (_ZONE_ORDER[h.zone], h.start))
        terms.append({"term": " ".join(fast_fold(first.surface).split()) or key, "key": key,
                      "surface": first.surface, "category": hs[0].category, "where": where, "count": len(hs),
                      "first_token": min(h.token for h in hs if h.zone == where[0]),
                      "weight": hs[0].weight, "contribution": round(value, 3)})
    if cap is not None and total > cap:
        total = cap
    return total, terms, count


def _reference_features(zones: list, index: dict[str, list[Hit]], scored: object, lex: Lexicon,
                        texts: object) -> dict[str, float]:
    """features.document_features as it was (hits counted per hit, _pairs sorting at each action)."""
    import bisect

    from classifiers.features import BODY_SYLLABLES, PAIR_GROUPS, _ngrams, activity_cues
    from classifiers.sentences import sentence_features

    f: dict[str, float] = {}
    per_term: dict[str, int] = {}
    for cat, hits in index.items():
        zc: dict[str, int] = {}
        for h in hits:
            zc[h.zone] = zc.get(h.zone, 0) + 1
        for zone, c in zc.items():
            f[f"z:{cat}:{zone}"] = math.log1p(c)
        for h in hits:
            key = f"{cat}|{h.key}"
            per_term[key] = per_term.get(key, 0) + 1
            if h.zone == "title":
                f["kt:" + key] = 1.0
    for key, c in per_term.items():
        f[f"k:{key}"] = math.log1p(c)
    n = int(lex.t("proximity_tokens"))
    actions = index.get("action", [])
    for group in PAIR_GROUPS if actions else ():
        by_zone: dict[str, list[int]] = {}
        for h in index.get(group, []):
            by_zone.setdefault(h.zone, []).append(h.token)
        count = 0
        for a in actions:
            pos = by_zone.get(a.zone)
            if pos:
                pos.sort()
                i = bisect.bisect_left(pos, a.token - n)
                count += i < len(pos) and pos[i] <= a.token + n
        if count:
            f[f"p:{group.removeprefix('feature:')}"] = math.log1p(count)
    f.update(sentence_features(zones, index))
    activity_cues(zones, f)
    s: object = scored
    f["r:score"] = s.score  # type: ignore[attr-defined]
    f["r:topic"] = max(-5.0, s.topic / 10)  # type: ignore[attr-defined]
    for part, v in s.parts.items():  # type: ignore[attr-defined]
        f[f"r:{part}"] = v / 10 if part != "sector_factor" else v
    for g in s.gates:  # type: ignore[attr-defined]
        f[f"r:gate:{g}"] = 1.0
    for neg in s.negatives:  # type: ignore[attr-defined]
        f[f"r:neg:{neg['group']}"] = min(3.0, float(neg.get("penalty", 0.0)) / 10)
        if neg.get("mode") == "damp":
            f["r:damp"] = float(neg.get("share", 0.0))
    if s.mixed:  # type: ignore[attr-defined]
        f["r:mixed"] = 1.0
    named = s.parts.get("project", 0) > 0 and s.parts.get("sector", 0) > 0  # type: ignore[attr-defined]
    f["r:named"] = 1.0 if named else 0.0
    f["r:plain"] = 1.0 if zones and zones[0].plain else 0.0
    f["r:len"] = math.log1p(sum(len(z.text) for z in zones)) / 10
    for a, v in s.activity_raw.items():  # type: ignore[attr-defined]
        f[f"act:{a}"] = math.log1p(max(0.0, v))
    body_words: list[str] = []
    for z in zones:
        words = z.syl.folded if z.plain else z.syl.exact
        if z.name == "title":
            _ngrams(words, "t:", f)
        elif BODY_SYLLABLES - len(body_words) > 0:
            body_words.extend(words[:BODY_SYLLABLES - len(body_words)])
    doc_bi = set(_ngrams(body_words, "b:", f))
    if doc_bi:
        for a, defs in texts.bigrams.items():  # type: ignore[attr-defined]
            if defs:
                f[f"sim:{a}"] = 10 * len(doc_bi & defs) / math.sqrt(len(doc_bi) * len(defs))
    return f


def _real_candidates(n: int) -> tuple[object, list[dict[str, object]]]:
    clf, rows = primary_classifier_and_articles(n)
    # with padded copies (the bench's 3 KB candidates repeat their text: many repeated hits) and a text without
    # diacritics (folded syllables)
    rows = rows + [{**r, "text": "\n".join([str(r["text"])] * 3)} for r in rows[:10]]
    plain = {"id": "plain", "title": "Boi duong giao vien mam non 2024",
             "text": "Tap huan boi duong thuong xuyen cho 120 giao vien mam non ve phuong phap. De an 33."}
    return clf, [*rows, plain]


def test_rules_features_and_outputs_on_real_candidates_are_the_former_ones() -> None:
    """match_zones, contribution (and the ratio negatives' count), document_features, model_view and
    Model.outputs_view against their former forms on real candidates."""
    from classifiers.features import document_features, model_view
    from classifiers.scoring import contribution

    clf, rows = _real_candidates(80)
    lex, model, texts = clf.lexicon, clf.model, clf.activity_texts  # type: ignore[attr-defined]
    for r in rows:
        zones, index, scored, _ = clf._rules(r)  # type: ignore[attr-defined]
        assert list(index.items()) == list(_reference_match_zones(zones, lex).items())
        for cat in {*index, "action", "sector"}:
            for cap in (None, 1.0):
                c = contribution(index.get(cat, []), lex, cap)
                assert (c.total, c.terms, c.count) == _reference_contribution(index.get(cat, []), lex, cap)
        features = document_features(zones, index, scored, lex, texts)
        assert list(features.items()) == list(_reference_features(zones, index, scored, lex, texts).items())
        view = model_view(zones, index, scored, lex, texts)
        assert view is not None and list(view.features().items()) == list(features.items())
        assert model.outputs_view(view) == model.outputs(features)
        assert clf.classify(r) == clf.classify(r)  # type: ignore[attr-defined]


def test_outputs_view_on_built_models(tmp_path: Path) -> None:
    """Model.outputs_view of a view equals Model.outputs of its features: n-grams known or not, repeated, in the
    title and the body, numbers left out, ties, ints, a non-finite value (the sets' way)."""
    from classifiers.features import ModelView

    weights = {"a": 2.0, "b": -1.0, "t:x": 1.5, "t:x y": -2.0, "b:x": 0.5, "b:y z": 3.0, "b:z": -0.5, "b:x x": 1.0,
               "t:q": 0.0, "sim:1": 2.0, "b:a b c": 9.0}
    full = _built(tmp_path, relevance={"bias": 0.1, "calibration": [1.2, 0.1], "weights": weights},
                  reject={"bias": -1.0, "calibration": [2.0, 0.5], "weights": {"a": 3.0, "b:y z": 1.0}},
                  activity={"classes": ["1", "2a"], "weights": {"1": {"t:x": 1.0}, "2a": {"b:x x": 1.0}},
                            "bias": {"1": 0.5}})
    views = [ModelView({}, [], [], {}), ModelView({"a": 1.0, "b": 2}, ["x", "y", "x"], ["x", "x", "y", "z", "x", "x"],
                                                  {"sim:1": 0.5}),
             ModelView({"zz": 1.0}, ["q"], ["a", "b", "c", "y", "z", "y", "z"], {}),
             ModelView({"a": math.inf}, ["x"], ["y", "z"], {})]
    for v in views:
        assert full.outputs_view(v) == full.outputs(v.features())
