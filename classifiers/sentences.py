"""Sentence-level features: does one sentence carry a training term, the people trained (teachers, managers) and
the preschool level or professional content together? A story about abuse, fees or a shortage names teachers and
training somewhere; a training story says "tập huấn ... cho giáo viên mầm non ... về phương pháp" in one sentence.

Sentences are the spans between [.!?…] followed by a space and line breaks, per zone (title, lead, body); lexicon
hits (classifiers.scoring.Hit, with their character offset in the zone) are assigned to the sentence they start in.

Feature names (log(1 + sentences) unless said otherwise):
  s:train_people            a training term and a people term (giáo viên, cán bộ quản lý, ...)
  s:train_people_preschool  ... and a preschool (sector) term or the project's name
  s:train_people_content    ... and professional content (features.what_professional)
  s:train_all               all four together
  s:train_preschool         a training term and a preschool term or the project's name
  s:offtopic, s:offtopic_train   a pay/fee/abuse/enrolment... term (negatives.off_topic_preschool), alone or
                            next to a training term
  s:train_nonprofessional   a training term with non-professional content or support staff and no professional
                            content
  s:other_level             another school level (negatives.other_levels)
  s:train_share, s:offtopic_share   share of the document's sentences with a training term next to people or
                            the preschool level / with an off-topic term (0..1)
  s:offtopic_dominates      1 when more sentences are off-topic than about training
  s:train_in_head           1 when the title or the lead has a training sentence about people or the level
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Iterable

from classifiers.scoring import Hit
from classifiers.zones import Zone

_SENTENCE_END = re.compile(r"[.!?…\n]+(?=\s|$)|\n")
_GROUPS: dict[str, tuple[str, ...]] = {
    "A": ("action",), "S": ("sector",), "J": ("project",), "P": ("people", "feature:who_teachers"),
    "W": ("feature:what_professional",), "N": ("feature:what_nonprofessional",), "U": ("feature:who_support",),
    "O": ("negative:off_topic_preschool",), "L": ("negative:other_levels",),
}


def _starts(text: str) -> list[int]:
    return [0] + [m.end() for m in _SENTENCE_END.finditer(text)]


def _count(text: str, starts: list[int]) -> int:
    """Non-blank sentences of a zone (at least 1 for a zone with text)."""
    ends = [*starts[1:], len(text)]
    return max(1, sum(1 for a, b in zip(starts, ends, strict=True) if text[a:b].strip()))


def sentence_sets(zones: Iterable[Zone], index: dict[str, list[Hit]]) -> tuple[dict[tuple[str, int], set[str]], int]:
    """{(zone, sentence number): group letters present} and the number of non-blank sentences."""
    starts = {z.name: _starts(z.text) for z in zones}
    total = sum(_count(z.text, starts[z.name]) for z in zones if z.text)
    sets: dict[tuple[str, int], set[str]] = {}
    for letter, cats in _GROUPS.items():
        for cat in cats:
            for h in index.get(cat, ()):
                key = (h.zone, bisect.bisect_right(starts[h.zone], h.start) - 1)
                present = sets.get(key)
                if present is None:
                    sets[key] = {letter}
                else:
                    present.add(letter)
    return sets, total


def sentence_features(zones: list[Zone], index: dict[str, list[Hit]]) -> dict[str, float]:
    sets, total = sentence_sets(zones, index)
    counts = dict.fromkeys(("train_people", "train_people_preschool", "train_people_content", "train_all",
                            "train_preschool", "offtopic", "offtopic_train", "train_nonprofessional",
                            "other_level"), 0)
    head = False
    for (zone, _), s in sets.items():
        train, people, level = "A" in s, "P" in s, "S" in s or "J" in s
        counts["train_people"] += train and people
        counts["train_people_preschool"] += train and people and level
        counts["train_people_content"] += train and people and "W" in s
        counts["train_all"] += train and people and level and "W" in s
        counts["train_preschool"] += train and level
        counts["offtopic"] += "O" in s
        counts["offtopic_train"] += "O" in s and train
        counts["train_nonprofessional"] += train and ("N" in s or "U" in s) and "W" not in s
        counts["other_level"] += "L" in s
        head = head or (zone in ("title", "lead") and train and (people or level))
    f = {f"s:{k}": math.log1p(v) for k, v in counts.items() if v}
    training = counts["train_people"] + counts["train_preschool"]
    f["s:train_share"] = min(1.0, training / max(1, total))
    f["s:offtopic_share"] = min(1.0, counts["offtopic"] / max(1, total))
    if counts["offtopic"] > training:
        f["s:offtopic_dominates"] = 1.0
    if head:
        f["s:train_in_head"] = 1.0
    return f
