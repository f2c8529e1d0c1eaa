"""A plan's lexicon as data: load and validate data/lexicon/<plan lexicon>.toml.

Terms are typed once, with diacritics. Folded forms and initials ("GDMN") are generated here. A lexicon
that fails validation raises LexiconError naming the file, the field and the fix.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from classifiers.matcher import Matcher
from classifiers.textfold import initials, term_key
from pipeline.normalize import normalize_text
from planwatch.config import data_path
from planwatch.core.errors import DataFileError

SUBJECT_CATEGORIES = ("sector", "people", "action")
NEGATIVE_MODES = ("flat", "ratio", "damp")
ZONES = ("title", "lead", "body")

# Every threshold the code reads, with its type; all must be present in the file (no hidden defaults).
THRESHOLD_KEYS: dict[str, type] = {
    "accept": float, "review": float, "borderline_margin": float, "activity_margin": float,
    "window_edge_days": int, "low_date_confidence": float, "low_date_edge_days": int,
    "min_extraction_quality": float, "short_text_chars": int, "proximity_tokens": int, "max_pairs": int,
    "pair_weight": float, "triple_bonus": float, "repeat_factor": float, "max_repeats": int, "lead_chars": int,
    "gate_no_sector": float, "gate_no_action": float, "gate_no_people": float, "before_project_penalty": float,
    "pairs_cap": float, "sector_full": float, "max_damp": float,
    "edge_trusted_date_confidence": float, "second_activity_share": float, "second_activity_raw": float,
}


class LexiconError(DataFileError):
    """A lexicon file is malformed. The message names the file, the field and the fix."""


@dataclass(frozen=True)
class Term:
    text: str          # as written in the file
    key: str           # folded form, the id in evidence
    weight: float
    generated: bool = False  # an initialism generated from another term

    @property
    def exact(self) -> str:
        """Lower-cased NFC form with diacritics: what identifies the term in text written with them."""
        return " ".join(normalize_text(self.text).lower().split())


@dataclass(frozen=True)
class Category:
    name: str          # e.g. "project", "sector", "activity:2b", "negative:de_an_1677", "format"
    terms: tuple[Term, ...]
    cap: float | None = None
    mode: str = "flat"
    against: str | None = None
    scale: float = 1.0          # damp mode: evidence at which the damping reaches max_damp
    mixed_review: bool = False  # named next to the project: no penalty, a person decides
    activities: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class Lexicon:
    plan: str
    path: Path
    default_activity: str
    thresholds: dict[str, float]
    zone_weights: dict[str, float]
    score_center: float
    score_width: float
    project: Category
    subject: dict[str, Category]
    activities: dict[str, Category]
    negatives: dict[str, Category]
    format_terms: Category
    report_threshold: float
    source_kinds_report: dict[str, float]
    prefilter_keys: tuple[str, ...]
    digest: str
    project_start: dt.date | None = None
    features: dict[str, Category] = field(default_factory=dict)  # model-only term groups (what, who)
    matcher: Matcher = field(default_factory=lambda: Matcher(()), compare=False, repr=False)
    owners: tuple[tuple[str, Term], ...] = field(default=(), compare=False, repr=False)

    def t(self, key: str) -> float:
        return self.thresholds[key]

    def categories(self) -> list[Category]:
        """Every category whose terms are matched: project, subject, activities, negatives, format."""
        return [self.project, *self.subject.values(), *self.activities.values(), *self.negatives.values(),
                self.format_terms, *self.features.values()]


def lexicon_path(name: str) -> Path:
    return data_path("lexicon", f"{name}.toml")


def load_lexicon(name_or_path: str | Path, activity_ids: tuple[str, ...] | None = None) -> Lexicon:
    """Load by name (data/lexicon/<name>.toml) or path. `activity_ids`: the plan's, to check against."""
    path = Path(name_or_path) if str(name_or_path).endswith(".toml") else lexicon_path(str(name_or_path))
    if not path.exists():
        known = ", ".join(sorted(p.stem for p in path.parent.glob("*.toml"))) or "none"
        raise LexiconError(path, "(file)", "no lexicon file",
                           f"create it or set the plan's `lexicon` to one of: {known}")
    raw_bytes = path.read_bytes()
    try:
        raw = tomllib.loads(raw_bytes.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise LexiconError(path, "(file)", f"not valid UTF-8 TOML ({exc})", "correct the TOML syntax") from exc
    return _parse(path, raw, activity_ids)


def _table(path: Path, raw: dict[str, Any], key: str, where: str = "") -> dict[str, Any]:
    value = raw.get(key)
    if not isinstance(value, dict):
        raise LexiconError(path, f"{where}{key}", "missing or not a table", f"add a [{where}{key}] table")
    return value


def _number(path: Path, raw: dict[str, Any], key: str, where: str, kind: type = float) -> float:
    value = raw.get(key)
    ok = isinstance(value, int | float) and not isinstance(value, bool)
    if kind is int:
        ok = isinstance(value, int) and not isinstance(value, bool)
    if not ok:
        raise LexiconError(path, f"{where}{key}", f"missing or not a {kind.__name__} ({value!r})",
                           f"set {where}{key} to a {kind.__name__}")
    return float(value)  # type: ignore[arg-type]


def _terms(path: Path, raw: dict[str, Any], where: str, default_weight: float) -> list[Term]:
    items = raw.get("terms")
    if not isinstance(items, list) or not items:
        raise LexiconError(path, f"{where}terms", "missing or empty", f"add terms = [\"...\"] to [{where.rstrip('.')}]")
    out: list[Term] = []
    seen: set[str] = set()
    seen_keys: set[str] = set()
    for i, item in enumerate(items):
        here = f"{where}terms[{i}]"
        if isinstance(item, str):
            text, weight = item, default_weight
        elif isinstance(item, dict) and isinstance(item.get("text"), str):
            text = item["text"]
            weight = _number(path, item, "weight", f"{here}.", float) if "weight" in item else default_weight
            unknown = set(item) - {"text", "weight"}
            if unknown:
                raise LexiconError(path, here, f"unknown key(s) {sorted(unknown)}", "use only text and weight")
        else:
            raise LexiconError(path, here, f"expected a string or {{ text = ..., weight = N }}, got {item!r}",
                               "write the term as a string or an inline table")
        key = term_key(text)
        exact = " ".join(normalize_text(text).lower().split())
        if not key:
            raise LexiconError(path, here, "empty term", "remove it or write the words")
        if text != text.strip() or text.count("[") != text.count("]"):
            raise LexiconError(path, here, f"malformed term {text!r}", "trim spaces and balance [optional] brackets")
        if not re.match(r"\w", key.lstrip("[")):
            raise LexiconError(path, here, f"term {text!r} does not start with a letter or digit",
                               "start the term with a word (punctuation around terms is matched anyway)")
        # "lương" and "lượng" are two terms; "mam non" next to "mầm non" is a duplicate (generated anyway)
        if exact in seen or (exact.isascii() and key in seen_keys):
            raise LexiconError(path, here, f"duplicate term {text!r} (same without diacritics)",
                               "write each term once: diacritic-free forms are generated")
        seen.add(exact)
        seen_keys.add(key)
        out.append(Term(text=text, key=key, weight=weight))
    abbreviate = raw.get("abbreviate", [])
    if not isinstance(abbreviate, list):
        raise LexiconError(path, f"{where}abbreviate", "expected a list of terms", "write abbreviate = [\"...\"]")
    by_key = {t.key: t for t in out}
    for j, text in enumerate(abbreviate):
        base = by_key.get(term_key(str(text)))
        if base is None:
            raise LexiconError(path, f"{where}abbreviate[{j}]", f"{text!r} is not one of this category's terms",
                               "list it in terms first")
        abbr = initials(base.text)
        if len(abbr) < 2 or abbr in seen or abbr in seen_keys:
            continue
        seen.add(abbr)
        out.append(Term(text=abbr.upper(), key=abbr, weight=base.weight, generated=True))
    return out


def _category(path: Path, raw: dict[str, Any], name: str, where: str, **extra: Any) -> Category:
    weight = _number(path, raw, "weight", where)
    terms = _terms(path, raw, where, weight)
    cap = _number(path, raw, "cap", where) if "cap" in raw else None
    return Category(name=name, terms=tuple(terms), cap=cap, **extra)


def _parse(path: Path, raw: dict[str, Any], activity_ids: tuple[str, ...] | None) -> Lexicon:
    meta = _table(path, raw, "meta")
    plan = _plan_id(path, meta)
    thresholds, zone_weights, center, width = _parse_thresholds(path, raw)

    proj_raw = _table(path, raw, "project")
    proj_acts = proj_raw.get("activities", {})
    project = _category(path, proj_raw, "project", "project.",
                        activities={str(k): float(v) for k, v in proj_acts.items()})

    subj_raw = _table(path, raw, "subject")
    subject = {c: _category(path, _table(path, subj_raw, c, "subject."), c, f"subject.{c}.")
               for c in SUBJECT_CATEGORIES}

    activities = _parse_activities(path, raw, activity_ids, project)
    project_start = _project_start(path, meta)
    default_activity = _default_activity(path, meta, activities)
    negatives = _parse_negatives(path, raw)

    fmt_raw = _table(path, raw, "format")
    fmt_cat = _category(path, {"weight": 1.0, "terms": fmt_raw.get("report_terms")}, "format", "format.report_")
    kinds = fmt_raw.get("source_kinds_report", {})
    if not isinstance(kinds, dict):
        raise LexiconError(path, "format.source_kinds_report", "expected a table", "write { tv = 1.5 }")

    prefilter_keys = _prefilter_keys(path, project, subject, proj_raw, subj_raw)
    features = _parse_features(path, raw)
    digest = hashlib.sha256(json.dumps(raw, sort_keys=True, default=str, ensure_ascii=False).encode()).hexdigest()
    owners = tuple((c.name, t) for c in [project, *subject.values(), *activities.values(), *negatives.values(),
                                         fmt_cat, *features.values()] for t in c.terms)
    return Lexicon(
        plan=plan, path=path, default_activity=default_activity, thresholds=thresholds, zone_weights=zone_weights,
        score_center=center, score_width=width, project=project, subject=subject, activities=activities,
        negatives=negatives, format_terms=fmt_cat,
        report_threshold=_number(path, fmt_raw, "report_threshold", "format."), project_start=project_start,
        source_kinds_report={str(k): float(v) for k, v in kinds.items()}, prefilter_keys=prefilter_keys,
        digest=digest, features=features, owners=owners,
        matcher=Matcher(t.text if not t.generated else t.key for _, t in owners),
    )


def _plan_id(path: Path, meta: dict[str, Any]) -> str:
    plan = meta.get("plan")
    if not isinstance(plan, str) or not plan:
        raise LexiconError(path, "meta.plan", "missing", "set meta.plan to the plan id this lexicon serves")
    return plan


def _parse_thresholds(path: Path, raw: dict[str, Any]) -> tuple[dict[str, float], dict[str, float], float, float]:
    """[thresholds]: (the decision thresholds, the zone weights, the score's center and width)."""
    th_raw = _table(path, raw, "thresholds")
    thresholds = {k: _number(path, th_raw, k, "thresholds.", kind) for k, kind in THRESHOLD_KEYS.items()}
    unknown = set(th_raw) - set(THRESHOLD_KEYS) - {"zones", "score"}
    if unknown:
        raise LexiconError(path, "thresholds", f"unknown key(s) {sorted(unknown)}",
                           f"use only: {', '.join(THRESHOLD_KEYS)}, zones, score")
    if not 0 < thresholds["review"] < thresholds["accept"] <= 1:
        raise LexiconError(path, "thresholds.accept", "need 0 < review < accept <= 1",
                           "set thresholds.review below thresholds.accept, both in 0..1")
    zones_raw = _table(path, th_raw, "zones", "thresholds.")
    zone_weights = {z: _number(path, zones_raw, z, "thresholds.zones.") for z in ZONES}
    score_raw = _table(path, th_raw, "score", "thresholds.")
    center = _number(path, score_raw, "center", "thresholds.score.")
    width = _number(path, score_raw, "width", "thresholds.score.")
    if width <= 0:
        raise LexiconError(path, "thresholds.score.width", "must be > 0", "set a positive width")
    return thresholds, zone_weights, center, width


def _parse_activities(path: Path, raw: dict[str, Any], activity_ids: tuple[str, ...] | None,
                      project: Category) -> dict[str, Category]:
    """[activities."ID"]: one table per plan activity (all of the plan's, no other), the ones [project] names."""
    acts_raw = _table(path, raw, "activities")
    activities = {str(a): _category(path, v, f"activity:{a}", f"activities.{a}.") for a, v in acts_raw.items()
                  if isinstance(v, dict)}
    if activity_ids is not None:
        missing = set(activity_ids) - set(activities)
        extra = set(activities) - set(activity_ids)
        if missing or extra:
            raise LexiconError(path, "activities", f"activities {sorted(activities)} do not match the plan's "
                               f"{sorted(activity_ids)}", "add an [activities.\"ID\"] table per plan activity")
    for a in project.activities:
        if a not in activities:
            raise LexiconError(path, "project.activities", f"unknown activity '{a}'", "use the plan's activity ids")
    return activities


def _project_start(path: Path, meta: dict[str, Any]) -> dt.date | None:
    project_start = meta.get("project_start")
    if project_start is not None and not isinstance(project_start, dt.date):
        raise LexiconError(path, "meta.project_start", f"not a date ({project_start!r})",
                           "write it as a TOML date, e.g. 2018-01-08, or remove it")
    return project_start


def _default_activity(path: Path, meta: dict[str, Any], activities: dict[str, Category]) -> str:
    default_activity = str(meta.get("default_activity", next(iter(activities))))
    if default_activity not in activities:
        raise LexiconError(path, "meta.default_activity", f"unknown activity '{default_activity}'",
                           f"use one of {sorted(activities)}")
    return default_activity


def _parse_negatives(path: Path, raw: dict[str, Any]) -> dict[str, Category]:
    return {name: _negative(path, name, v) for name, v in _table(path, raw, "negatives").items()}


def _negative(path: Path, name: str, v: Any) -> Category:
    """One [negatives.NAME] table: its mode (flat, ratio against a subject category, damp by a scale)."""
    where = f"negatives.{name}."
    if not isinstance(v, dict):
        raise LexiconError(path, where.rstrip("."), "expected a table", f"write [negatives.{name}]")
    mode = v.get("mode", "flat")
    if mode not in NEGATIVE_MODES:
        raise LexiconError(path, f"{where}mode", f"unknown mode {mode!r}", "use 'flat', 'ratio' or 'damp'")
    against = v.get("against")
    if mode == "ratio" and against not in SUBJECT_CATEGORIES:
        raise LexiconError(path, f"{where}against", f"{against!r} is not a subject category",
                           f"set against to one of {', '.join(SUBJECT_CATEGORIES)}")
    scale = _number(path, v, "scale", where) if mode == "damp" else 1.0
    if scale <= 0:
        raise LexiconError(path, f"{where}scale", "must be > 0", "set a positive scale")
    mixed_review = v.get("mixed_review", False)
    if not isinstance(mixed_review, bool):
        raise LexiconError(path, f"{where}mixed_review", "expected true or false", "write mixed_review = true")
    return _category(path, v, f"negative:{name}", where, mode=mode, against=against, scale=scale,
                     mixed_review=mixed_review)


def _prefilter_keys(path: Path, project: Category, subject: dict[str, Category], proj_raw: dict[str, Any],
                    subj_raw: dict[str, Any]) -> tuple[str, ...]:
    """The term keys of the categories marked prefilter = true (a page without one is not scored)."""
    prefilter_keys = tuple(t.key for c in [project, *subject.values()] for t in c.terms
                           if (c is project and proj_raw.get("prefilter")) or
                           (c.name in subj_raw and subj_raw[c.name].get("prefilter")))
    if not prefilter_keys:
        raise LexiconError(path, "prefilter", "no category has prefilter = true",
                           "set prefilter = true on [project] and [subject.sector]")
    return prefilter_keys


def _parse_features(path: Path, raw: dict[str, Any]) -> dict[str, Category]:
    """[features.NAME]: term groups that are model features only (weight 1)."""
    feat_raw = raw.get("features", {})
    if not isinstance(feat_raw, dict):
        raise LexiconError(path, "features", "expected a table of term groups", "write [features.NAME] tables")
    features: dict[str, Category] = {}
    for name, v in feat_raw.items():
        if not isinstance(v, dict):
            raise LexiconError(path, f"features.{name}", "expected a table", f"write [features.{name}]")
        features[name] = _category(path, {"weight": 1.0, **v}, f"feature:{name}", f"features.{name}.")
    return features

