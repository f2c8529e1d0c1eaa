"""The cascade: prefilter -> (candidates only) zones + tokens -> scoring -> format -> routing.

`classify_document(doc, plan)` is the contract other subsystems call; `classify_many(docs, plan)` does a
batch with the lexicon loaded once. Both are pure: no I/O beyond reading the lexicon file once.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from classifiers.formats import detect_format
from classifiers.lexicon import Lexicon, lexicon_path, load_lexicon
from classifiers.prefilter import Prefilter
from classifiers.routing import decide, local_date, review_reasons
from classifiers.scoring import match_zones, score_zones
from classifiers.zones import prepare
from pipeline.plans import Plan

CODE_VERSION = "rules-1.0"


def version_of(lex: Lexicon, plan: Plan) -> str:
    """Code version + hash of the lexicon (terms, weights, thresholds) and the plan's activity windows."""
    windows = [(a.id, a.window_start.isoformat(), a.window_end.isoformat()) for a in plan.activities]
    h = hashlib.sha256((lex.digest + json.dumps(windows)).encode()).hexdigest()[:10]
    return f"{CODE_VERSION}+{h}"


@dataclass(frozen=True)
class Classifier:
    plan: Plan
    lexicon: Lexicon
    prefilter: Prefilter
    version: str

    @classmethod
    def for_plan(cls, plan: Plan) -> Classifier:
        lex = load_lexicon(plan.lexicon, plan.activity_ids)
        return cls(plan=plan, lexicon=lex, prefilter=Prefilter.from_lexicon(lex), version=version_of(lex, plan))

    def classify(self, doc: dict[str, Any]) -> dict[str, Any]:
        lex = self.lexicon
        doc_id = doc.get("id", doc.get("doc_id"))
        hit = self.prefilter.first_hit(doc.get("title"), doc.get("lead"), doc.get("text"))
        if hit is None:
            given = doc.get("format")
            return {
                "id": doc_id, "relevant": False, "activity": None,
                "format": given if given in ("article", "report") else "article",
                "score": 0.0, "decision": "reject", "activity_scores": {a: 0.0 for a in self.plan.activity_ids},
                "reasons": [], "evidence": {"stage": "prefilter", "prefilter_hit": None},
                "classifier_version": self.version,
            }
        zones = prepare(doc, int(lex.t("lead_chars")))
        index = match_zones(zones, lex)
        day = local_date(doc.get("published_at"))
        s = score_zones(zones, lex, before_project=bool(day and lex.project_start and day < lex.project_start),
                        index=index)
        fmt = detect_format(doc, zones, lex, index)
        score = round(s.score, 4)
        relevant = score >= lex.t("review")
        activity = max(s.shares, key=lambda a: (s.shares[a], a == lex.default_activity)) if relevant else None
        text_chars = sum(len(z.text) for z in zones)
        reasons = review_reasons(doc, score=score, shares=s.shares, activity=activity, text_chars=text_chars,
                                 lex=lex, plan=self.plan, activity_cues=s.activity_cues,
                                 mixed=s.mixed, raw=s.activity_raw) if relevant else []
        decision = decide(score, reasons, lex)
        evidence = {
            "stage": "scored", "prefilter_hit": hit, "mixed": s.mixed,
            "topic": round(s.topic, 3), "parts": s.parts, "gates": s.gates,
            "terms": s.terms, "pairs": s.pairs, "negatives": s.negatives,
            "activity_raw": s.activity_raw, "activity_shares": {a: round(v, 3) for a, v in s.shares.items()},
            "format": fmt, "zones": {z.name: {"chars": len(z.text), "tokens": z.n_tokens} for z in zones},
            "thresholds": {"accept": lex.t("accept"), "review": lex.t("review"),
                           "activity_margin": lex.t("activity_margin")},
        }
        return {
            "id": doc_id, "relevant": relevant, "activity": activity, "format": fmt["value"], "score": score,
            "decision": decision,
            "activity_scores": {a: round(score * v, 4) for a, v in s.shares.items()},
            "reasons": reasons, "evidence": evidence, "classifier_version": self.version,
        }


_CACHE: dict[tuple[str, str, str], tuple[int, Classifier]] = {}


def classifier_for(plan: Plan) -> Classifier:
    """The classifier of a plan, loaded once and reloaded when the lexicon file changes on disk (a long-
    running process picks up an edited lexicon, with its new version)."""
    key = (plan.id, plan.lexicon, str(plan.path))
    try:
        stamp = lexicon_path(plan.lexicon).stat().st_mtime_ns
    except OSError:
        stamp = -1
    cached = _CACHE.get(key)
    if cached is None or cached[0] != stamp or cached[1].plan != plan:
        cached = _CACHE[key] = (stamp, Classifier.for_plan(plan))
    return cached[1]


def classify_document(doc: dict[str, Any], plan: Plan) -> dict[str, Any]:
    """Classify one document (`id, title, text` + optional fields) against a plan's activities."""
    return classifier_for(plan).classify(doc)


def classify_many(docs: Iterable[dict[str, Any]], plan: Plan) -> list[dict[str, Any]]:
    """Classify a batch; the lexicon is loaded once. Results in input order."""
    return list(iter_classify(docs, plan))


def iter_classify(docs: Iterable[dict[str, Any]], plan: Plan) -> Iterator[dict[str, Any]]:
    """Like classify_many, streaming (for large inputs)."""
    clf = classifier_for(plan)
    for doc in docs:
        yield clf.classify(doc)
