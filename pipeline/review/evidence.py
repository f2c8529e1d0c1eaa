"""Why the classifier suggested an item: matched terms, highlighted in an excerpt of the text.

The evidence JSON comes from the classifier (classifications.evidence); its shape may change, so it is read
tolerantly: any list of terms under "terms"/"matches"/"matched"/"hits" (strings, or objects with a
"term"/"text"/"surface"/"folded"/"match" key, or a term -> count mapping), at any depth. Without usable
evidence, the words of the suggested activity's wording are highlighted instead (a lexicon-free query).

Matching ignores case and diacritics ("mam non" finds "mầm non"). Output is a list of (text, marked)
segments; renderers escape them (the web page) or bracket them (the CLI).
"""

from __future__ import annotations

import itertools
import json
import re
import unicodedata
from typing import Any

from pipeline.normalize import fold

Segment = tuple[str, bool]
_CONTAINER_KEYS = ("terms", "matches", "matched", "matched_terms", "hits")
_TERM_KEYS = ("term", "text", "surface", "match", "folded", "key")
_COUNTER_KEYS = ("negatives",)
# Why a lexicon's negative group counts against an item (data/lexicon: [negatives.<group>]).
NEGATIVE_LABELS = {
    "de_an_1677": "nói về Đề án 1677 (phát triển giáo dục mầm non), không phải Đề án 33",
    "preschool_facilities": "cơ sở vật chất, phổ cập — chủ đề của Đề án 1677",
    "old_period": "giai đoạn hoặc văn bản cũ, trước Đề án 33",
    "other_33": "số 33 của một văn bản khác",
    "other_levels": "cấp học khác (phổ thông, đại học, nghề)",
    "other_sectors": "ngành khác (y tế, công an, nông nghiệp…)",
    "off_topic_preschool": "chuyện mầm non khác (lương, tuyển sinh, an toàn…), không phải đào tạo, bồi dưỡng",
    "not_news": "không phải tin bài (bài thu hoạch, tài liệu, giáo án…)",
}
Marked = tuple[str, str, str]  # (text, kind: "" | "pos" | "neg", reason for a "neg" span)
_STOPWORDS = frozenset((
    "va", "cua", "ve", "cac", "cho", "voi", "trong", "tai", "theo", "tu", "den", "la", "co", "duoc", "nhung",
    "mot", "nay", "do", "khi", "de", "ma", "hay", "hoac", "nhu",
))
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def evidence_terms(evidence: Any) -> list[str]:
    """Terms named by the classifier's evidence (JSON text or already parsed), in order, without repeats."""
    if isinstance(evidence, str):
        try:
            evidence = json.loads(evidence)
        except (ValueError, TypeError):
            return []
    found: list[str] = []
    _walk(evidence, found, depth=0, in_container=isinstance(evidence, list))
    seen: set[str] = set()
    out = []
    for term in found:
        key = " ".join(fold(term).split())
        if len(key) >= 2 and key not in seen:
            seen.add(key)
            out.append(term)
    return out


def _walk(node: Any, found: list[str], depth: int, in_container: bool) -> None:
    if depth > 6:
        return
    if isinstance(node, str):
        if in_container:
            found.append(node)
    elif isinstance(node, list):
        for child in node:
            _walk(child, found, depth + 1, in_container)
    elif isinstance(node, dict):
        if in_container:
            for key in _TERM_KEYS:
                if isinstance(node.get(key), str):
                    found.append(node[key])
                    break
        for key, value in node.items():
            if key in _COUNTER_KEYS:
                continue  # counter-evidence is shown apart (negative_terms), never as support
            if key in _CONTAINER_KEYS:
                if isinstance(value, dict) and all(isinstance(v, int | float) for v in value.values()):
                    found.extend(str(k) for k in value)  # term -> count
                else:
                    _walk(value, found, depth + 1, True)
            elif isinstance(value, dict | list):
                _walk(value, found, depth + 1, False)


def activity_terms(wording: str) -> list[str]:
    """A lexicon-free query from an activity's wording: its two-word phrases (within punctuation) without
    function words, plus acronyms and numbers ("GDMN", "33")."""
    terms: list[str] = []
    wording = re.sub(r"\((?:dự kiến|du kien)[^)]*\)", " ", wording, flags=re.IGNORECASE)
    for chunk in re.split(r"[,.;:()“”\"'\-–]+", wording):
        words = _WORD.findall(chunk)
        for a, b in itertools.pairwise(words):
            if fold(a) in _STOPWORDS or fold(b) in _STOPWORDS:
                continue
            terms.append(f"{a} {b}")
        terms.extend(w for w in words if w.isupper() and len(w) >= 3)
    out: dict[str, str] = {}
    for term in terms:
        out.setdefault(fold(term), term)
    return list(out.values())


def _folded_with_offsets(text: str) -> tuple[str, list[int]]:
    """Fold `text` character by character, remembering for each folded character where it came from."""
    out: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(text):
        f = fold(ch) if not ch.isascii() else ch.lower()
        for c in f:
            out.append(c)
            offsets.append(i)
    return "".join(out), offsets


def _pattern(terms: list[str]) -> re.Pattern[str] | None:
    keys = sorted({" ".join(fold(t).split()) for t in terms if fold(t).strip()}, key=len, reverse=True)
    if not keys:
        return None
    alts = [r"\s+".join(re.escape(w) for w in k.split(" ")) for k in keys]
    return re.compile(r"(?<![^\W_])(?:" + "|".join(alts) + r")(?![^\W_])")


def find_spans(text: str, terms: list[str]) -> list[tuple[int, int]]:
    """Merged (start, end) spans of `text` where any term occurs, ignoring case and diacritics."""
    pattern = _pattern(terms)
    if not text or pattern is None:
        return []
    folded, offsets = _folded_with_offsets(text)
    spans: list[tuple[int, int]] = []
    for m in pattern.finditer(folded):
        if m.end() <= m.start():
            continue
        start, end = offsets[m.start()], offsets[m.end() - 1] + 1
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((start, end))
    return spans


def segments(text: str, spans: list[tuple[int, int]], start: int = 0, end: int | None = None) -> list[Segment]:
    end = len(text) if end is None else end
    out: list[Segment] = []
    pos = start
    for s, e in spans:
        if e <= start or s >= end:
            continue
        s, e = max(s, start), min(e, end)
        if s > pos:
            out.append((text[pos:s], False))
        out.append((text[s:e], True))
        pos = e
    if pos < end:
        out.append((text[pos:end], False))
    return out


def highlight(text: str | None, terms: list[str]) -> list[Segment]:
    text = unicodedata.normalize("NFC", text or "")
    return segments(text, find_spans(text, terms))


def excerpt(text: str | None, terms: list[str], width: int = 600) -> list[Segment]:
    """The `width` characters of `text` holding the most matches, as segments, with '…' where cut."""
    text = unicodedata.normalize("NFC", text or "")
    spans = find_spans(text, terms)
    if len(text) <= width:
        return segments(text, spans)
    start, end = _window(text, spans, width)
    out = segments(text, spans, start, end)
    if start > 0:
        out.insert(0, ("… ", False))
    if end < len(text):
        out.append((" …", False))
    return out


def _window(text: str, spans: list[tuple[int, int]], width: int) -> tuple[int, int]:
    """The `width` characters of `text` holding the most spans, widened to word boundaries."""
    best_start, best_count = 0, -1
    for s, _ in spans:
        start = max(0, s - width // 5)
        count = sum(1 for a, b in spans if a >= start and b <= start + width)
        if count > best_count:
            best_start, best_count = start, count
    start = best_start
    if start > 0:
        space = text.rfind(" ", 0, start)
        start = space + 1 if space >= 0 and start - space < 40 else start
    end = min(len(text), start + width)
    if end < len(text):
        space = text.find(" ", end)
        end = space if 0 <= space < end + 40 else end
    return start, end


def item_terms(evidence: Any, activity_wording: str) -> tuple[list[str], str]:
    """Terms to highlight and where they came from ('evidence' or 'activity')."""
    terms = evidence_terms(evidence)
    if terms:
        return terms, "evidence"
    return activity_terms(activity_wording), "activity"


def surface_forms(text: str | None, terms: list[str]) -> list[str]:
    """Each term as the page writes it (the classifier may report folded keys like "mam non"); terms that do
    not occur are kept as given."""
    text = unicodedata.normalize("NFC", text or "")
    out: dict[str, str] = {}
    for term in terms:
        spans = find_spans(text, [term])
        shown = " ".join(text[spans[0][0]:spans[0][1]].split()) if spans else term
        out.setdefault(fold(shown), shown)
    return list(out.values())


def as_text(parts: list[Segment]) -> str:
    """Segments for a terminal: matched terms in [brackets]."""
    return "".join(f"[{t}]" if marked else t for t, marked in parts)


# -- counter-evidence --------------------------------------------------------------------------------------
def negative_terms(evidence: Any) -> list[dict[str, Any]]:
    """Terms that count against the item (the classifier's evidence "negatives"), each with its reason in
    Vietnamese and the penalty it cost: [{"term", "group", "reason", "penalty"}]."""
    if isinstance(evidence, str):
        try:
            evidence = json.loads(evidence)
        except (ValueError, TypeError):
            return []
    if not isinstance(evidence, dict) or not isinstance(evidence.get("negatives"), list):
        return []
    out: dict[str, dict[str, Any]] = {}
    for group in evidence["negatives"]:
        if not isinstance(group, dict):
            continue
        name = str(group.get("group") or "")
        for t in group.get("terms") or []:
            term = (t.get("surface") or t.get("term")) if isinstance(t, dict) else t
            if isinstance(term, str) and term.strip():
                out.setdefault(fold(term), {"term": term, "group": name,
                                            "reason": NEGATIVE_LABELS.get(name, name.replace("_", " ")),
                                            "penalty": group.get("penalty")})
    return list(out.values())


def marked_spans(text: str, terms: list[str], negatives: list[dict[str, Any]]) -> list[tuple[int, int, str, str]]:
    """Spans of supporting terms ("pos") and counter-evidence ("neg", with its reason), without overlaps
    (counter-evidence wins where both match)."""
    spans = [(s, e, "neg", n["reason"]) for n in negatives for s, e in find_spans(text, [n["term"]])]
    spans += [(s, e, "pos", "") for s, e in find_spans(text, terms)]
    spans.sort(key=lambda x: (x[0], x[2] != "neg"))
    out: list[tuple[int, int, str, str]] = []
    for span in spans:
        if out and span[0] < out[-1][1]:
            continue
        out.append(span)
    return out


def marked_segments(text: str, spans: list[tuple[int, int, str, str]], start: int = 0,
                    end: int | None = None) -> list[Marked]:
    end = len(text) if end is None else end
    out: list[Marked] = []
    pos = start
    for s, e, kind, reason in spans:
        if e <= start or s >= end:
            continue
        s, e = max(s, start), min(e, end)
        if s > pos:
            out.append((text[pos:s], "", ""))
        out.append((text[s:e], kind, reason))
        pos = e
    if pos < end:
        out.append((text[pos:end], "", ""))
    return out


def highlight_marked(text: str | None, terms: list[str], negatives: list[dict[str, Any]]) -> list[Marked]:
    text = unicodedata.normalize("NFC", text or "")
    return marked_segments(text, marked_spans(text, terms, negatives))


def excerpt_marked(text: str | None, terms: list[str], negatives: list[dict[str, Any]],
                   width: int = 600) -> list[Marked]:
    """As excerpt(), with supporting and counter-evidence spans told apart."""
    text = unicodedata.normalize("NFC", text or "")
    spans = marked_spans(text, terms, negatives)
    if len(text) <= width:
        return marked_segments(text, spans)
    start, end = _window(text, [(s, e) for s, e, _, _ in spans if _ == "pos"] or [(s, e) for s, e, _, _ in spans],
                         width)
    out = marked_segments(text, spans, start, end)
    if start > 0:
        out.insert(0, ("… ", "", ""))
    if end < len(text):
        out.append((" …", "", ""))
    return out
# What the learned model's feature names stand for (classifiers/features.py), for the review page.
_FEATURE_KINDS = {
    "z": "nhóm từ", "k": "từ khóa", "kt": "từ khóa ở tiêu đề", "p": "gần từ đào tạo/bồi dưỡng", "r": "luật",
    "act": "dấu hiệu hoạt động", "sim": "giống nội dung hoạt động", "t": "cụm từ ở tiêu đề", "b": "cụm từ ở thân bài",
}
_ZONES_VI = {"title": "tiêu đề", "lead": "sapo", "body": "thân bài"}


def feature_label(name: str) -> str:
    """A readable label for a model feature name ("k:action|boi duong" -> "từ khóa: boi duong")."""
    kind, _, rest = name.partition(":")
    if kind == "z":
        cat, _, zone = rest.rpartition(":")
        rest = f"{cat.removeprefix('feature:')} ({_ZONES_VI.get(zone, zone)})"
    elif kind in ("k", "kt"):
        rest = rest.partition("|")[2] or rest
    return f"{_FEATURE_KINDS.get(kind, kind)}: {rest}"


def model_summary(evidence_json: Any) -> dict[str, Any] | None:
    """The learned model's probability and top features from a classification's evidence, or None."""
    if isinstance(evidence_json, str):
        try:
            evidence_json = json.loads(evidence_json)
        except (ValueError, TypeError):
            return None
    model = evidence_json.get("model") if isinstance(evidence_json, dict) else None
    if not isinstance(model, dict) or "probability" not in model:
        return None
    feats = [f for f in model.get("top_features") or [] if isinstance(f, dict) and "feature" in f]
    return {"probability": model.get("probability"), "reject_probability": model.get("reject_probability"),
            "rule_score": model.get("rule_score"),
            "activity_probabilities": model.get("activity_probabilities") or {},
            "thresholds": model.get("thresholds") or {},
            "features": [{"label": feature_label(str(f["feature"])), "feature": f["feature"],
                          "contribution": f.get("contribution", 0.0)} for f in feats]}
