"""What the learned model sees of a candidate: lexicon hits by zone, what and who is trained, the rules'
evidence, similarity to the plan's activity texts, and syllable n-grams. Pure Python, no segmentation.

Feature names (all values are small non-negative floats; the model scales them):
  z:<category>:<zone>   log(1 + hits) of a lexicon category in title / lead / body
  k:<term>              log(1 + hits) of one lexicon term anywhere; kt:<term> when it is in the title
  p:<group>             training terms ("bồi dưỡng", "tập huấn", ...) with a what/who group term within
                        proximity_tokens syllables: what the training is about and who is trained
  s:<name>              the same at sentence level: one sentence with a training term, the people trained and
                        the preschool level or professional content (classifiers.sentences)
  r:<part>              the rules' score, topic parts, gates and negative groups
  act:<id>, sim:<id>    the rules' activity cues; similarity to the plan's text of the activity
  t:<ngram>, b:<ngram>  syllable unigrams and bigrams of the title, of the lead and body head
  ac:<cue>:<zone>       counts the plan's activities are told by (numbers of people trained, percentages), for the
                        activity model only (classifiers.training.activity_only), like the lexicon's feature:act_*
"""

from __future__ import annotations

import bisect
import itertools
import math
import re
from dataclasses import dataclass, field
from itertools import repeat
from typing import NamedTuple

from classifiers.lexicon import Lexicon
from classifiers.scoring import Hit, Scored
from classifiers.sentences import sentence_features
from classifiers.zones import Zone
from pipeline.plans import Plan

BODY_SYLLABLES = 400  # n-grams from the lead and the first syllables of the body
PAIR_GROUPS = ("feature:what_professional", "feature:what_nonprofessional", "feature:who_teachers",
               "feature:who_support", "feature:who_students", "sector", "people")


def _ngrams(words: list[str], prefix: str, out: dict[str, float]) -> list[str]:
    """Unigram and bigram features of `words` into `out`; returns the bigrams."""
    words = list(itertools.filterfalse(str.isdigit, words))  # numbers are left out (a bigram may span one)
    add = prefix.__add__  # map() over C methods: no Python frame a syllable
    out.update(dict.fromkeys(map(add, words), 1.0))
    bis = list(map(" ".join, itertools.pairwise(words)))
    out.update(dict.fromkeys(map(add, bis), 1.0))
    return bis


def _raw(folded: str, marks: bool = True) -> str:
    """A pattern written for folded text, for the zone's own text: every letter a class of its marked and upper-case
    forms (classifiers.prefilter's classes), so the text is not folded first (the same matches on NFC text, where
    folding keeps one character for one); `marks=False` leaves out the optional combining marks after a letter (a
    look-behind must have a fixed width)."""
    from classifiers.prefilter import _variants

    classes = {k: v if marks else v.replace("[\u0300-\u036f]*", "") for k, v in _variants().items()}
    return re.sub(r"(?<!\\)[a-z]", lambda m: classes[m.group(0)], folded)


# A number of people ("120 giáo viên", "3.000 lượt cán bộ quản lý"): trained (2b) or to be trained (2a); a
# percentage; a target year ("đến năm 2025", found from its year: the regex engine scans for the digit in C).
_PEOPLE_COUNT = re.compile(_raw(r"\d(?<!\w\d)[\d.,]*\s+(?:luot\s+)?(?:giao vien|hoc vien|can bo|nha giao|"
                                r"hieu truong|nguoi|co giao|gv|cbql|luot)\b"))
_PERCENT = re.compile(r"\d\s*%")
_YEAR_TARGET = re.compile(r"20\d\d\b" + _raw(r"(?<=\b(?:den|toi|vao) nam 20\d\d)", marks=False))


def activity_cues(zones: list[Zone], out: dict[str, float]) -> None:
    """The counts by zone that tell the plan's activities apart (`ac:` features, read by the activity model
    only): numbers of people, percentages, a target year ("đến năm 2025")."""
    for z in zones:
        for name, rx in (("people_count", _PEOPLE_COUNT), ("percent", _PERCENT), ("year_target", _YEAR_TARGET)):
            n = len(rx.findall(z.text))
            if n:
                out[f"ac:{name}:{z.name}"] = math.log1p(n)


def bigrams(words: list[str]) -> set[str]:
    return {f"{a} {b}" for a, b in itertools.pairwise(words) if not a.isdigit() and not b.isdigit()}


@dataclass(frozen=True)
class ActivityTexts:
    """Each activity's definition as syllable bigrams: the plan's content and form, plus its cue terms."""

    bigrams: dict[str, frozenset[str]]
    # the same bigrams as pairs of syllables (model_view's sim:), derived from `bigrams`
    pairs: dict[str, frozenset[tuple[str, str]]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        pairs = {a: frozenset((x, y) for x, _, y in map(str.partition, bis, repeat(" ")))
                 for a, bis in self.bigrams.items()}
        object.__setattr__(self, "pairs", pairs)

    @classmethod
    def of(cls, plan: Plan, lex: Lexicon) -> ActivityTexts:
        from classifiers.matcher import SYLLABLE
        from pipeline.normalize import normalize_text

        out = {}
        for act in plan.activities:
            parts = [str(getattr(act, "content", "") or ""), str(getattr(act, "form", "") or "")]
            cat = lex.activities.get(act.id)
            if cat is not None:
                parts += [t.text for t in cat.terms if not t.generated]
            words = SYLLABLE.findall(normalize_text(" . ".join(parts)).lower())
            out[act.id] = frozenset(bigrams(words))
        return cls(out)


def _pairs(index: dict[str, list[Hit]], lex: Lexicon, out: dict[str, float]) -> None:
    n = int(lex.t("proximity_tokens"))
    actions = [(a.zone, a.token) for a in index.get("action", ())]
    if not actions:
        return
    for group in PAIR_GROUPS:
        hits = index.get(group, [])
        if not hits:
            continue
        by_zone: dict[str, list[int]] = {}
        for h in hits:
            by_zone.setdefault(h.zone, []).append(h.token)
        for tokens in by_zone.values():
            tokens.sort()
        count = 0
        for zone, token in actions:
            pos = by_zone.get(zone)
            if not pos:
                continue
            i = bisect.bisect_left(pos, token - n)
            if i < len(pos) and pos[i] <= token + n:
                count += 1
        if count:
            out[f"p:{group.removeprefix('feature:')}"] = math.log1p(count)


def head_features(zones: list[Zone], index: dict[str, list[Hit]], scored: Scored, lex: Lexicon) -> dict[str, float]:
    """The features before the n-grams (lexicon hits, what/who pairs, sentences, activity cues, the rules'
    evidence), in document_features' order."""
    f: dict[str, float] = {}
    # lexicon hits by category and zone, and per term ("<category>|<term>": counts in first-seen order, category by
    # category; kt: a term in the title, in the order of its first title hit, after its category's z: features)
    per_term: list[tuple[str, int]] = []
    for cat, hits in index.items():
        zc: dict[str, int] = {}
        tc: dict[str, int] = {}
        in_title: dict[str, None] = {}
        for h in hits:
            zone, key = h.zone, h.key
            zc[zone] = zc.get(zone, 0) + 1
            tc[key] = tc.get(key, 0) + 1
            if zone == "title":
                in_title[key] = None
        for zone, c in zc.items():
            f[f"z:{cat}:{zone}"] = math.log1p(c)
        prefix = cat + "|"
        for key in in_title:
            f["kt:" + prefix + key] = 1.0
        per_term.extend((prefix + key, c) for key, c in tc.items())
    for key, c in per_term:
        f["k:" + key] = math.log1p(c)
    _pairs(index, lex, f)
    f.update(sentence_features(zones, index))
    activity_cues(zones, f)
    # the rules' evidence
    f["r:score"] = scored.score
    f["r:topic"] = max(-5.0, scored.topic / 10)
    for part, v in scored.parts.items():
        f[f"r:{part}"] = v / 10 if part != "sector_factor" else v
    for g in scored.gates:
        f[f"r:gate:{g}"] = 1.0
    for n in scored.negatives:
        f[f"r:neg:{n['group']}"] = min(3.0, float(n.get("penalty", 0.0)) / 10)
        if n.get("mode") == "damp":
            f["r:damp"] = float(n.get("share", 0.0))
    if scored.mixed:
        f["r:mixed"] = 1.0
    named = scored.parts.get("project", 0) > 0 and scored.parts.get("sector", 0) > 0
    f["r:named"] = 1.0 if named else 0.0
    f["r:plain"] = 1.0 if zones and zones[0].plain else 0.0
    chars = sum(len(z.text) for z in zones)
    f["r:len"] = math.log1p(chars) / 10
    for a, v in scored.activity_raw.items():
        f[f"act:{a}"] = math.log1p(max(0.0, v))
    return f


def document_features(zones: list[Zone], index: dict[str, list[Hit]], scored: Scored, lex: Lexicon,
                      activity_texts: ActivityTexts) -> dict[str, float]:
    f = head_features(zones, index, scored, lex)
    # similarity to the plan's activity texts (binary cosine over syllable bigrams of lead + body head)
    body_words: list[str] = []
    for z in zones:
        words = z.syl.folded if z.plain else z.syl.exact
        if z.name == "title":
            _ngrams(words, "t:", f)
        else:
            room = BODY_SYLLABLES - len(body_words)
            if room > 0:
                body_words.extend(words[:room])
    doc_bi = set(_ngrams(body_words, "b:", f))
    if doc_bi:
        for a, defs in activity_texts.bigrams.items():
            if defs:
                f[f"sim:{a}"] = 10 * len(doc_bi & defs) / math.sqrt(len(doc_bi) * len(defs))
    return f


class ModelView(NamedTuple):
    """document_features without its n-gram keys (what classifying reads; the model looks the n-grams up by
    syllable, Model.outputs_view): the features before the n-grams, the title's and the lead + body head's
    syllables without numbers (the t: and b: n-grams, in order), and the sim: features after them."""

    head: dict[str, float]
    title: list[str]
    body: list[str]
    tail: dict[str, float]

    def features(self) -> dict[str, float]:
        """The document's features, as document_features gives them."""
        f = dict(self.head)
        _ngrams(self.title, "t:", f)
        _ngrams(self.body, "b:", f)
        f.update(self.tail)
        return f


def model_view(zones: list[Zone], index: dict[str, list[Hit]], scored: Scored, lex: Lexicon,
               activity_texts: ActivityTexts) -> ModelView | None:
    """document_features as a ModelView (no n-gram string built), or None for a zone with a space inside a
    syllable (folded text: then an n-gram key is not told by its syllables; document_features instead)."""
    title: list[str] = []
    body_words: list[str] = []
    for z in zones:
        words = z.syl.folded if z.plain else z.syl.exact
        if z.plain and any(" " in w for w in words):
            return None
        if z.name == "title":
            title = words
        else:
            room = BODY_SYLLABLES - len(body_words)
            if room > 0:
                body_words.extend(words[:room])
    title = list(itertools.filterfalse(str.isdigit, title))
    body = list(itertools.filterfalse(str.isdigit, body_words))
    tail: dict[str, float] = {}
    # sim: the bigrams as pairs of syllables (a syllable holds no space: "a b" is one pair and one only)
    doc_pairs = set(itertools.pairwise(body))
    if doc_pairs:
        for a, defs in activity_texts.pairs.items():
            if defs:
                tail[f"sim:{a}"] = 10 * len(doc_pairs & defs) / math.sqrt(len(doc_pairs) * len(defs))
    return ModelView(head_features(zones, index, scored, lex), title, body, tail)
