"""The cascade: prefilter -> (candidates only) zones + tokens -> scoring -> format -> routing.

`classify_document(doc, plan)` is the contract other subsystems call; `classify_many(docs, plan)` does a
batch with the lexicon loaded once. Both are pure: no I/O beyond reading the lexicon file once.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, cast

from classifiers.contract import Classification, ClassifierInput
from classifiers.features import ActivityTexts, ModelView, document_features, model_view
from classifiers.formats import detect_format
from classifiers.lexicon import Lexicon, lexicon_path, load_lexicon
from classifiers.model import Model, model_path
from classifiers.prefilter import Prefilter
from classifiers.routing import decide, language_rule, review_reasons, route
from classifiers.scoring import Hit, Scored, match_zones, score_zones
from classifiers.url_subject import url_subject
from classifiers.zones import Zone, prepare
from pipeline.plans import Plan
from planwatch.core.vntime import local_date

CODE_VERSION = "rules-1.0"
MODEL_CODE_VERSION = "model-1.0"


def version_of(lex: Lexicon, plan: Plan, model: Model | None = None) -> str:
    """Code version + hash of the lexicon (terms, weights, thresholds), the plan's activity windows and the
    model file's own version (itself a hash of its training data and code)."""
    windows = [(a.id, a.window_start.isoformat(), a.window_end.isoformat()) for a in plan.activities]
    extra = model.version if model is not None else ""
    h = hashlib.sha256((lex.digest + json.dumps(windows) + extra).encode()).hexdigest()[:10]
    return f"{MODEL_CODE_VERSION if model is not None else CODE_VERSION}+{h}"


@dataclass(frozen=True)
class Analysis:
    """The rules' view of a candidate: zones, term hits, score, format, and the model's features."""

    zones: list[Zone]
    index: dict[str, list[Hit]]
    scored: Scored
    fmt: dict[str, Any]
    features: dict[str, float]


@dataclass(frozen=True)
class Classifier:
    plan: Plan
    lexicon: Lexicon
    prefilter: Prefilter
    version: str
    model: Model | None = None
    activity_texts: ActivityTexts | None = None

    @classmethod
    def for_plan(cls, plan: Plan, *, model: Model | bool | None = True) -> Classifier:
        """The plan's classifier; `model=True` loads its model file if one exists, False/None: rules only."""
        lex = load_lexicon(plan.lexicon, plan.activity_ids)
        if model is True:
            path = model_path(plan.id)
            model = Model.load(path) if path is not None else None
        elif model is False:
            model = None
        return cls(plan=plan, lexicon=lex, prefilter=Prefilter.from_lexicon(lex), version=version_of(lex, plan, model),
                   model=model, activity_texts=ActivityTexts.of(plan, lex))

    def candidate_hit(self, doc: Mapping[str, Any]) -> str | None:
        """Why the page is a candidate: the first prefilter term of its title, lead or text, else the preschool
        sign of its URL ("url:<sign>", classifiers.url_subject); None: rejected at the prefilter."""
        hit = self.prefilter.first_hit(doc.get("title"), doc.get("lead"), doc.get("text"))
        if hit is None:
            sign = url_subject(doc.get("url"))
            hit = f"url:{sign}" if sign else None
        return hit

    def analyse(self, doc: dict[str, Any]) -> Analysis:
        """Zones, hits, the rules' score and the model's features of a document (candidate or not)."""
        zones, index, s, fmt = self._rules(doc)
        return Analysis(zones, index, s, fmt, document_features(zones, index, s, self.lexicon, self._texts()))

    def _rules(self, doc: dict[str, Any]) -> tuple[list[Zone], dict[str, list[Hit]], Scored, dict[str, Any]]:
        """Zones, hits, the rules' score and the format of a document."""
        lex = self.lexicon
        zones = prepare(doc, int(lex.t("lead_chars")))
        index = match_zones(zones, lex)
        day = local_date(doc.get("published_at"))
        s = score_zones(zones, lex, before_project=bool(day and lex.project_start and day < lex.project_start),
                        index=index)
        return zones, index, s, detect_format(doc, zones, lex, index)

    def _texts(self) -> ActivityTexts:
        return self.activity_texts or ActivityTexts.of(self.plan, self.lexicon)

    def classify(self, doc: ClassifierInput | Mapping[str, Any]) -> Classification:
        """One document (built by classifiers.contract.classifier_input) -> its classification; the
        language rule applies here, so every caller gets the same answer for the same document."""
        raw = cast(dict[str, Any], doc)
        return language_rule(cast(Classification, self._classify(raw)), raw.get("language"))

    def _classify(self, doc: dict[str, Any]) -> dict[str, Any]:
        lex = self.lexicon
        doc_id = doc.get("id", doc.get("doc_id"))
        hit = self.candidate_hit(doc)
        if hit is None:
            given = doc.get("format")
            out: dict[str, Any] = {
                "id": doc_id, "relevant": False, "activity": None,
                "format": given if given in ("article", "report") else "article",
                "score": 0.0, "decision": "reject", "activity_scores": {a: 0.0 for a in self.plan.activity_ids},
                "reasons": [], "evidence": {"stage": "prefilter", "prefilter_hit": None},
                "classifier_version": self.version,
            }
            if self.model is not None:
                out.update(probability=0.0, features=[])
            return out
        zones, index, s, fmt = self._rules(doc)
        rule_score = round(s.score, 4)
        text_chars = sum(len(z.text) for z in zones)
        evidence = {
            "stage": "scored", "prefilter_hit": hit, "mixed": s.mixed,
            "topic": round(s.topic, 3), "parts": s.parts, "gates": s.gates,
            "terms": s.terms, "pairs": s.pairs, "negatives": s.negatives,
            "activity_raw": s.activity_raw, "activity_shares": {a: round(v, 3) for a, v in s.shares.items()},
            "format": fmt, "zones": {z.name: {"chars": len(z.text), "tokens": z.n_tokens} for z in zones},
            "thresholds": {"accept": lex.t("accept"), "review": lex.t("review"),
                           "activity_margin": lex.t("activity_margin")},
        }
        if self.model is None:
            score = rule_score
            relevant = score >= lex.t("review")
            activity = max(s.shares, key=lambda a: (s.shares[a], a == lex.default_activity)) if relevant else None
            reasons = review_reasons(doc, score=score, shares=s.shares, activity=activity, text_chars=text_chars,
                                     lex=lex, plan=self.plan, activity_cues=s.activity_cues,
                                     mixed=s.mixed, raw=s.activity_raw) if relevant else []
            return {
                "id": doc_id, "relevant": relevant, "activity": activity, "format": fmt["value"], "score": score,
                "decision": decide(score, reasons, lex),
                "activity_scores": {a: round(score * v, 4) for a, v in s.shares.items()},
                "reasons": reasons, "evidence": evidence, "classifier_version": self.version,
            }
        # the model's features without their n-gram keys (model_view; document_features where it declines)
        view = model_view(zones, index, s, lex, self._texts())
        features = document_features(zones, index, s, lex, self._texts()) if view is None else view
        return self._with_model(doc, doc_id, s, fmt, features, evidence, rule_score, text_chars)

    def _activity_flags(self, s: Scored, activity: str) -> tuple[str, ...]:
        """The rules' activity cues as a check on the model's activity: a page whose cues are close between two
        activities, or point to another activity than the model's, waits for a person."""
        if not s.activity_cues:
            return ()
        lex = self.lexicon
        ranked = sorted(s.shares.items(), key=lambda kv: -kv[1])
        raw = sorted(s.activity_raw.values(), reverse=True)
        close = len(ranked) > 1 and (ranked[0][1] - ranked[1][1] < lex.t("activity_margin") or (
            ranked[1][1] >= lex.t("second_activity_share") and raw[1] >= lex.t("second_activity_raw")))
        return ("close_activities",) if close or ranked[0][0] != activity else ()

    def _date_flags(self, doc: dict[str, Any]) -> tuple[str, ...]:
        """Published before the project existed (Đề án 33: 08/01/2018): never accepted."""
        day, start = local_date(doc.get("published_at")), self.lexicon.project_start
        return ("before_project_start",) if day and start and day < start else ()

    def _with_model(self, doc: dict[str, Any], doc_id: Any, s: Scored, fmt: dict[str, Any],
                    features: ModelView | dict[str, float], evidence: dict[str, Any], rule_score: float,
                    text_chars: int) -> dict[str, Any]:
        model, lex = self.model, self.lexicon
        assert model is not None
        if isinstance(features, ModelView):
            out = model.outputs_view(features)
            head = features.head  # every feature training_flags reads comes before the n-grams
        else:
            out = model.outputs(features)
            head = features
        p = round(out.probability, 4)
        act_p = out.activity_probabilities or dict(s.shares)
        activity = max(act_p, key=lambda a: (act_p[a], a == lex.default_activity))
        q = out.reject_probability
        routed = route(p, act_p, model.thresholds, subject=s.parts.get("sector", 0) > 0, mixed=bool(s.mixed),
                       flags=training_flags(head) + self._date_flags(doc) + self._activity_flags(s, activity),
                       reject_probability=q)
        relevant = routed.decision != "reject"
        reasons = list(routed.reasons)
        if relevant:
            for r in review_reasons(doc, score=1.0, shares={activity: 1.0}, activity=activity, text_chars=text_chars,
                                    lex=lex, plan=self.plan, mixed=s.mixed):
                if r not in reasons:
                    reasons.append(r)
        decision = "review" if routed.decision == "accept" and reasons else routed.decision
        top = out.top_features
        evidence["model"] = {"probability": p, "reject_probability": None if q is None else round(q, 4),
                             "rule_score": rule_score, "activity_probabilities":
                             {a: round(v, 3) for a, v in act_p.items()}, "thresholds": model.thresholds,
                             "model_version": model.version, "top_features": top}
        return {
            "id": doc_id, "relevant": relevant, "activity": activity if relevant else None,
            "format": fmt["value"], "score": p, "decision": decision,
            "activity_scores": {a: round(p * v, 4) for a, v in act_p.items()},
            "reasons": reasons if relevant else [], "evidence": evidence, "classifier_version": self.version,
            "probability": p, "features": top,
        }


def training_flags(features: dict[str, float]) -> tuple[str, ...]:
    """Hard rules on what and who is trained (lexicon [features.*] near training terms): a training about
    fire safety, food hygiene or data entry, or of cooks, guards and support staff, is never accepted; nor an
    essay, course module (the rules' damping at half or more), research abstract, or a contest or festival named
    in the title. They go to review."""
    flags = []
    if features.get("p:what_nonprofessional", 0.0) > features.get("p:what_professional", 0.0):
        flags.append("non_professional_training")
    if features.get("p:who_support", 0.0) > features.get("p:who_teachers", 0.0):
        flags.append("non_teaching_staff")
    if features.get("r:damp", 0.0) >= 0.5:
        flags.append("essay_or_module")
    research = features.get("z:feature:research:title", 0.0) + features.get("z:feature:research:lead", 0.0)
    if research >= math.log1p(2):  # two cues in the title and lead
        flags.append("research_or_essay")
    if features.get("z:feature:event:title", 0.0) > 0:  # a contest or festival: fostering only if professional
        flags.append("contest_or_event")
    return tuple(flags)


_CACHE: dict[tuple[str, str, str], tuple[tuple[Any, ...], Classifier]] = {}


def classifier_for(plan: Plan) -> Classifier:
    """The classifier of a plan, loaded once and reloaded when the lexicon or the model file changes on disk
    (a long-running process picks up an edited lexicon or a retrained model, with its new version)."""
    key = (plan.id, plan.lexicon, str(plan.path))
    try:
        stamp: tuple[Any, ...] = (lexicon_path(plan.lexicon).stat().st_mtime_ns,)
    except OSError:
        stamp = (-1,)
    mpath = model_path(plan.id)
    stamp += (str(mpath), mpath.stat().st_mtime_ns) if mpath is not None else (None,)
    cached = _CACHE.get(key)
    if cached is None or cached[0] != stamp or cached[1].plan != plan:
        cached = _CACHE[key] = (stamp, Classifier.for_plan(plan))
    return cached[1]


def classify_document(doc: ClassifierInput | Mapping[str, Any], plan: Plan) -> Classification:
    """Classify one document (`id, title, text` + optional fields) against a plan's activities."""
    return classifier_for(plan).classify(doc)


def classify_many(docs: Iterable[ClassifierInput | Mapping[str, Any]], plan: Plan) -> list[Classification]:
    """Classify a batch; the lexicon is loaded once. Results in input order."""
    return list(iter_classify(docs, plan))


def iter_classify(docs: Iterable[ClassifierInput | Mapping[str, Any]], plan: Plan) -> Iterator[Classification]:
    """Like classify_many, streaming (for large inputs)."""
    clf = classifier_for(plan)
    for doc in docs:
        yield clf.classify(doc)
