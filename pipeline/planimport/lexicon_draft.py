"""A draft lexicon from a plan's own words (`planwatch plan lexicon`), for a person to edit.

Project terms come from the plan's number, what it implements and the project's quoted name; subject terms
from underthesea noun phrases and verbs of the title, purpose and content; activity cues from each activity's
content and form, keeping the words that set it apart from the others. Thresholds, format cues and the
"not news" negatives come from data/lexicon-template.toml.
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from functools import lru_cache
from typing import Any

from classifiers.textfold import fast_fold
from pipeline.planimport.render import toml_value
from planwatch.config import data_path

_REF = re.compile(r"\b(Quyết định|Kế hoạch|Nghị quyết|Chỉ thị|Thông tư|Nghị định)\s+số\s+(\d+[\w/.\-ĐđÀ-ỹ]*)")
_SHORT = re.compile(r"\((Đề án|Chương trình|Dự án)\s+([\w\-/]+)\)")
_QUOTED = re.compile(r"“([^”]{10,200})”")
_ABBR = re.compile(r"\(([A-ZĐ]{2,8})\)")


@lru_cache(maxsize=1)
def _words() -> dict[str, list[str]]:
    raw = tomllib.loads(data_path("plan-import.toml").read_text(encoding="utf-8"))
    return {k: list(v) for k, v in raw.get("lexicon", {}).items()}


def _chunks(text: str) -> tuple[list[str], list[str]]:
    """(noun phrases, verbs) of a text; adjacent noun chunks are joined ("cơ sở giáo dục mầm non")."""
    from underthesea import chunk

    phrases: list[str] = []
    verbs: list[str] = []
    current: list[str] = []
    for word, pos, tag in chunk(text):
        if tag.endswith("NP") and pos in ("N", "Np", "M", "Nc", "Ny"):
            current.append(word)
            continue
        if current:
            phrases.append(_remember(current))
            current = []
        if pos == "V":
            verbs.append(word)
    if current:
        phrases.append(_remember(current))
    return phrases, verbs


_TOKENS: dict[str, tuple[str, ...]] = {}


def _remember(words: list[str]) -> str:
    """A phrase as text; its word tokens (multi-syllable) are kept for _suffixes."""
    text = " ".join(words)
    _TOKENS[text] = tuple(words)
    return text


def _initials(phrase: str) -> str:
    return "".join(w[0] for w in phrase.split() if w).upper().replace("Đ", "Đ")


def _usable(term: str) -> bool:
    stops = {fast_fold(s) for s in _words().get("stop_phrases", [])}
    folded = fast_fold(term)
    return len(folded) >= 4 and folded not in stops and not re.search(r"\b(19|20)\d\d\b", folded)


def draft_lexicon(plan: dict[str, Any]) -> str:
    """plan: a plan as loaded from its TOML (a dict). Returns the lexicon TOML text."""
    template = data_path("lexicon-template.toml").read_text(encoding="utf-8")
    acts = plan.get("activities", [])
    texts = " . ".join(str(plan.get(k, "")) for k in ("title", "purpose", "content"))
    all_text = texts + " . " + " . ".join(f"{a.get('content', '')} . {a.get('form', '')}" for a in acts)
    abbreviations = set(_ABBR.findall(all_text))

    project_terms, short = _project_terms(plan)
    phrases, verbs = _chunks(texts)
    title_phrases, _ = _chunks(str(plan.get("title", "")))
    people_words = [fast_fold(w) for w in _words().get("people_words", [])]
    stop_verbs = {fast_fold(v) for v in _words().get("stop_verbs", [])}
    people = _unique(p for p in phrases if any(w in fast_fold(p) for w in people_words) and _usable(p))
    sector = _unique(s for p in (title_phrases or phrases) if p not in people and _usable(p)
                     for s in _suffixes(p) if _usable(s))
    action = _unique(v for v, _ in Counter(verbs).most_common()
                     if fast_fold(v) not in stop_verbs and len(v) >= 4 and not any(c.isdigit() for c in v))

    biggest: dict[str, Any] = max(acts, key=lambda a: sum(a.get("planned", {}).values()), default={})
    default = biggest.get("id", "")
    lines = [
        f"# DRAFT lexicon of plan {plan.get('number', plan.get('id'))}, drafted by `planwatch plan lexicon` from the",
        "# plan's own words. A person edits it (docs/classification.md), then runs `planwatch plan check`.",
        "",
        "[meta]",
        f"plan = {toml_value(plan.get('id', ''))}",
        f"description = {toml_value(str(plan.get('project') or plan.get('title', '')))}",
        f"default_activity = {toml_value(str(default))}",
        "# project_start = YYYY-MM-DD   # the project's approval date: pages published before it cannot be about it",
        "",
        "[project]",
        "weight = 4.0",
        "cap = 14.0",
        "prefilter = true",
    ]
    shares = {str(a["id"]): 1.2 for a in acts
              if short and fast_fold(short) in fast_fold(f"{a.get('content', '')} {a.get('form', '')}")}
    lines.append(f"activities = {toml_value(shares)}")
    lines.append("terms = [")
    lines.extend(f"  {toml_value(t)}," for t in project_terms)
    lines.append("]")
    lines.append("")
    for name, weight, cap, terms, prefilter in (("sector", 1.5, 6.0, sector, True), ("people", 1.2, 5.0, people, False),
                                                ("action", 1.5, 8.0, action, False)):
        lines.append(f"[subject.{name}]")
        lines.append(f"weight = {weight}")
        lines.append(f"cap = {cap}")
        if prefilter:
            lines.append("prefilter = true")
        abbreviate = [t for t in terms if _initials(t) in abbreviations]
        if abbreviate:
            lines.append(f"abbreviate = {toml_value(abbreviate)}")
        lines.append(f"terms = {toml_value(terms[:14] or ['giáo dục'])}  # draft: edit")
        lines.append("")
    for a in acts:
        aid = str(a["id"])
        lines.append(f"[activities.{toml_value(aid)}]")
        lines.append("weight = 1.0")
        lines.append(f"terms = {toml_value(_activity_cues(a, acts) or [str(a.get('content', 'hoạt động'))[:60]])}")
        lines.append("")
    lines.append(template.split("\n", 4)[-1] if template.startswith("#") else template)
    return "\n".join(lines).rstrip() + "\n"


def _suffixes(phrase: str) -> list[str]:
    """'cơ sở giáo dục mầm non' -> itself, 'giáo dục mầm non', 'mầm non' (suffixes of 2+ syllables)."""
    words = _TOKENS.get(phrase, tuple(phrase.split()))
    return [" ".join(words[i:]) for i in range(len(words)) if len(" ".join(words[i:]).split()) >= 2]


def _unique(items: Any) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    for item in items:
        key = fast_fold(item)
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out


def _project_terms(plan: dict[str, Any]) -> tuple[list[Any], str | None]:
    implements = str(plan.get("implements", ""))
    project = str(plan.get("project", ""))
    terms: list[Any] = []
    short = None
    m = _SHORT.search(project or implements)
    if m:
        short = f"{m.group(1)} {m.group(2)}"
        terms += [short, f"{m.group(1)} số {m.group(2)}"]
    for name in _QUOTED.findall(project or implements)[:1]:
        terms.append({"text": name, "weight": 6.0})
    for kind, num in _REF.findall(implements):
        terms.append({"text": f"{kind} [số] {num}", "weight": 3.0})
    if plan.get("number"):
        terms.append({"text": f"Kế hoạch [số] {plan['number']}", "weight": 3.0})
    return terms, short


def _activity_cues(activity: dict[str, Any], acts: list[dict[str, Any]]) -> list[Any]:
    own = f"{activity.get('content', '')} . {re.sub(r'[(][^)]*dự kiến[^)]*[)]', '', str(activity.get('form', '')))}"
    others = " ".join(fast_fold(f"{a.get('content', '')} {a.get('form', '')}") for a in acts if a is not activity)
    phrases, verbs = _chunks(own)
    stop_verbs = {fast_fold(v) for v in _words().get("stop_verbs", [])}
    cues: list[Any] = []
    for p in _unique(phrases):
        if _usable(p) and (fast_fold(p) not in others or len(acts) == 1):
            cues.append({"text": p, "weight": 1.5} if len(p.split()) >= 2 else p)
    for v in _unique(verbs):
        if fast_fold(v) not in stop_verbs and fast_fold(v) not in others:
            cues.append(v)
    if not cues:  # nothing sets it apart: its own words, shared or not (a person sharpens them)
        cues = [p for p in _unique(phrases + verbs) if _usable(p) and fast_fold(p) not in stop_verbs]
    return cues[:14]
