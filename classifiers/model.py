"""The learned model as data: a JSON file of weights, read and applied in pure Python.

`planwatch train` (classifiers.training, scikit-learn) writes it; classifying needs no scikit-learn and
no pickle. Two parts:
  relevance  logistic regression over classifiers.features, Platt-calibrated on out-of-fold scores:
             probability that a person following docs/labelling.md calls the page relevant;
  activity   multinomial logistic regression over the same features, trained on relevant pages only;
  reject     (optional) a second logistic regression over the same features with the relevant class weighted
             up (classifiers.training.REJECT_POSITIVE_WEIGHT): it ranks the low end for recall, and routing
             rejects a page only when this model's calibrated probability is below `reject_model`.
Thresholds (accept, reject, reject_model, activity_min) were chosen on cross-validation of the train split.

Where it is: `$PLANWATCH_HOME/models/<plan>.json` (a model retrained with reviewer decisions) wins over the
shipped `data/models/<plan>.json` (trained from the labelled corpus in the repo + ../shared).
"""

from __future__ import annotations

import hashlib
import heapq
import itertools
import json
import math
import operator
from dataclasses import dataclass, field
from itertools import repeat
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import numpy as np

from planwatch.config import data_path

if TYPE_CHECKING:
    from classifiers.features import ModelView

FORMAT = 1
TOP_TERMS = 8  # the features top_features reports
_Uni = dict[str, int]  # syllable -> row
_Bi = dict[str, dict[str, int]]  # first syllable -> second -> row
_NO_ROWS: dict[str, int] = {}  # outputs_view: no bigram starts with this syllable


class ModelError(ValueError):
    pass


def shipped_model_path(plan_id: str) -> Path:
    return data_path("models", f"{plan_id}.json")


def state_model_path(plan_id: str, home: Path | None = None) -> Path:
    from planwatch.config import Paths

    base = home if home is not None else Paths.from_env().home
    return Path(base) / "models" / f"{plan_id}.json"


def model_path(plan_id: str) -> Path | None:
    """The model a classifier uses: the state one if present, else the shipped one, else None."""
    for p in (state_model_path(plan_id), shipped_model_path(plan_id)):
        if p.exists():
            return p
    return None


def _sigmoid(z: float) -> float:
    z = max(-50.0, min(50.0, z))
    return 1.0 / (1.0 + math.exp(-z))


class Outputs(NamedTuple):
    """What classifying reads from the model for one page (Model.outputs)."""

    probability: float
    reject_probability: float | None
    activity_probabilities: dict[str, float]
    top_features: list[dict[str, Any]]


@dataclass(frozen=True)
class Model:
    plan: str
    version: str
    weights: dict[str, float]
    bias: float
    calibration: tuple[float, float]
    classes: tuple[str, ...]
    act_weights: dict[str, dict[str, float]]
    act_bias: dict[str, float]
    thresholds: dict[str, float]
    meta: dict[str, Any]
    reject_weights: dict[str, float] | None = None
    reject_bias: float = 0.0
    reject_calibration: tuple[float, float] = (1.0, 0.0)
    # the weights as one matrix and the last features scored (Model._scored): built on first use, not compared
    _cache: dict[str, Any] = field(default_factory=dict, init=False, repr=False, compare=False)

    @classmethod
    def load(cls, path: Path) -> Model:
        raw = path.read_bytes()
        try:
            obj = json.loads(raw)
        except ValueError as exc:
            raise ModelError(f"{path}: not valid JSON ({exc})") from exc
        if obj.get("format") != FORMAT:
            raise ModelError(f"{path}: model format {obj.get('format')!r}, expected {FORMAT}: run planwatch train")
        rel, act, rej = obj["relevance"], obj.get("activity") or {}, obj.get("reject") or {}
        return cls(
            plan=obj["plan"], version=obj["version"], weights=rel["weights"], bias=float(rel["bias"]),
            calibration=(float(rel["calibration"][0]), float(rel["calibration"][1])),
            classes=tuple(act.get("classes", ())), act_weights=act.get("weights", {}),
            act_bias=act.get("bias", {}), thresholds={k: float(v) for k, v in obj["thresholds"].items()},
            meta={k: obj.get(k) for k in ("created", "data_digest", "code_digest", "cv", "holdout", "training")},
            reject_weights=rej.get("weights"), reject_bias=float(rej.get("bias", 0.0)),
            reject_calibration=tuple(float(v) for v in rej.get("calibration", (1.0, 0.0))),  # type: ignore[arg-type]
        )

    def _parts(self) -> list[dict[str, float]]:
        """The weight dictionaries the model applies: relevance, reject (when there), one per activity class."""
        parts = [self.weights] + ([self.reject_weights] if self.reject_weights is not None else [])
        return parts + [self.act_weights.get(c, {}) for c in self.classes]

    def prepare(self) -> None:
        """Build the weight matrix and the n-gram tables now (the workers' fork server: once for every worker, not at
        each one's first candidate)."""
        self._matrix()
        self._ngram_rows()

    def _matrix(self) -> tuple[dict[str, int], np.ndarray]:
        """Every feature any part weighs -> its row; the rows hold each part's weight (0.0 where it has none)."""
        if "rows" not in self._cache:
            parts = self._parts()
            rows: dict[str, int] = {}
            for w in parts:
                for k in w:
                    rows.setdefault(k, len(rows))
            matrix = np.zeros((len(rows), len(parts)), dtype=np.float64)
            for j, w in enumerate(parts):
                if w:
                    matrix[np.fromiter(map(rows.__getitem__, w), np.intp, len(w)), j] = np.fromiter(
                        w.values(), np.float64, len(w))
            self._cache["rows"], self._cache["matrix"] = rows, matrix
        return self._cache["rows"], self._cache["matrix"]

    def _scored(self, features: dict[str, float], *, keep: bool = True
                ) -> tuple[list[float], list[tuple[str, float, float]]]:
        """Each part's sum of feature x weight (relevance, reject, classes: _parts' order), and the relevance
        part's largest nonzero terms (feature, value, contribution: `_largest`). One dictionary lookup a feature
        for all parts at once (numpy), instead of one set intersection with each part's dictionary (2.4x less
        time on a candidate's ~550 features). The terms are added in the features' order (a column sum, row by
        row), where the set intersection added them in its own order (which varies with the string hash seed):
        a sum may move in its last bits, which the rounding of every output hides (docs/performance.md, twelfth
        session). The last features scored are kept, so probability, reject_probability, activity_probabilities
        and top_features of one page score it once (`keep=False`: Model.outputs, which asks once, keeps nothing)."""
        memo = self._cache.get("memo")
        if keep and memo is not None and memo[0] == features:
            return memo[1], memo[2]
        rows, matrix = self._matrix()
        n = len(features)
        at = np.fromiter(map(rows.get, features, repeat(-1, n)), np.intp, n)
        values = np.fromiter(features.values(), np.float64, n)
        if not np.isfinite(values).all():  # 0.0 x inf would add a NaN where a part has no weight: the sets' way
            return self._scored_by_sets(features)
        known = np.flatnonzero(at >= 0)
        terms = matrix[at[known]] * values[known, None]
        sums = [float(v) for v in terms.sum(axis=0)]
        relevance = self._largest(features, known, terms[:, 0])
        if keep:
            self._cache["memo"] = (dict(features), sums, relevance)
        return sums, relevance

    def _ngram_rows(self) -> tuple[_Uni, _Bi, _Uni, _Bi]:
        """The t: and b: n-gram rows by syllable: unigrams {syllable: row}, bigrams {first: {second: row}} (a key
        "b:x y" is the bigram of "x" and "y": a syllable holds no space), so a page's n-grams are looked up without
        building their keys; and every row's feature name (_cache["names"])."""
        if "ngrams" not in self._cache:
            rows, _ = self._matrix()
            tables: dict[str, tuple[dict[str, int], dict[str, dict[str, int]]]] = {"t:": ({}, {}), "b:": ({}, {})}
            for key, row in rows.items():
                table = tables.get(key[:2])
                if table is None:
                    continue
                parts = key[2:].split(" ")
                if len(parts) == 1:
                    table[0][parts[0]] = row
                elif len(parts) == 2:
                    table[1].setdefault(parts[0], {})[parts[1]] = row
                # more spaces: no page's n-gram has that key
            self._cache["names"] = list(rows)
            self._cache["ngrams"] = (*tables["t:"], *tables["b:"])
        return self._cache["ngrams"]

    def outputs_view(self, view: ModelView) -> Outputs:
        """Model.outputs(view.features()) without building the n-gram keys: the known features in the features'
        order (the head, the title's unigrams then bigrams, the body's, the tail), each n-gram once at its first
        occurrence, looked up by syllable; then the same sums and top terms as _scored (the same rows in the same
        order: the same numpy sums to the bit; tests/classify/test_speed_paths.py)."""
        head, tail = view.head, view.tail
        if not (all(map(math.isfinite, head.values())) and all(map(math.isfinite, tail.values()))):
            return self.outputs(view.features())
        rows, matrix = self._matrix()
        uni_t, bi_t, uni_b, bi_b = self._ngram_rows()
        names: list[str] = self._cache["names"]
        head_rows = list(map(rows.get, head))
        known = list(map(operator.is_not, head_rows, repeat(None)))
        at: list[int] = list(itertools.compress(head_rows, known))  # type: ignore[arg-type]  # no None left
        values: list[float] = list(itertools.compress(head.values(), known))
        n_head = len(at)
        for words, uni, bi in ((view.title, uni_t, bi_t), (view.body, uni_b, bi_b)):
            for found in (dict.fromkeys(map(uni.get, words)),
                          dict.fromkeys(map(dict.get, map(bi.get, words[:-1], repeat(_NO_ROWS)), words[1:]))):
                found.pop(None, None)
                at.extend(found)  # type: ignore[arg-type]  # the None key is gone
        n_grams = len(at) - n_head
        values.extend(repeat(1.0, n_grams))
        for k, v in tail.items():
            r = rows.get(k)
            if r is not None:
                at.append(r)
                values.append(v)
        rows_at = np.array(at, dtype=np.intp)
        vals = np.array(values, dtype=np.float64)
        terms = matrix[rows_at] * vals[:, None]
        sums = [float(v) for v in terms.sum(axis=0)]
        contrib = terms[:, 0]
        nonzero = np.flatnonzero(contrib)
        size = np.abs(contrib[nonzero])
        if len(nonzero) > TOP_TERMS:  # as _largest
            keep = size >= np.partition(size, len(size) - TOP_TERMS)[len(size) - TOP_TERMS]
            nonzero = nonzero[keep]
        top = [(names[at[i]], values[i], c) for i, c in zip(nonzero.tolist(), contrib[nonzero].tolist(), strict=True)]
        return Outputs(self._probability(sums), self._reject_probability(sums), self._activity(sums), self._top(top))

    @staticmethod
    def _largest(features: dict[str, float], known: np.ndarray, contrib: np.ndarray,
                 n: int = TOP_TERMS) -> list[tuple[str, float, float]]:
        """The relevance part's nonzero terms (feature, value, contribution) among the n largest by (|contribution|,
        feature), or every nonzero one when there are fewer: what top_features ranks, without a tuple a term."""
        nonzero = np.flatnonzero(contrib)
        size = np.abs(contrib[nonzero])
        if len(nonzero) > n:  # the n largest sizes and every term that ties the smallest of them
            keep = size >= np.partition(size, len(size) - n)[len(size) - n]
            nonzero, size = nonzero[keep], size[keep]
        names = list(features)
        return [(names[i], features[names[i]], c) for i, c in zip(known[nonzero].tolist(),
                                                                     contrib[nonzero].tolist(), strict=True)]

    def _scored_by_sets(self, features: dict[str, float]) -> tuple[list[float], list[tuple[str, float, float]]]:
        """_scored the former way: each part's terms over the set of the features it weighs."""
        sums = [sum([features[k] * w[k] for k in features.keys() & w.keys()]) for w in self._parts()]
        w = self.weights
        relevance = [(k, features[k], c) for k in features.keys() & w.keys() if (c := features[k] * w[k])]
        return [float(s) for s in sums], relevance

    def margin(self, features: dict[str, float]) -> float:
        return self.bias + self._scored(features)[0][0]

    def probability(self, features: dict[str, float]) -> float:
        return self._probability(self._scored(features)[0])

    def _probability(self, sums: list[float]) -> float:
        a, b = self.calibration
        return _sigmoid(a * (self.bias + sums[0]) + b)

    def reject_probability(self, features: dict[str, float]) -> float | None:
        """The reject model's calibrated probability that the page is relevant (None without a reject model)."""
        if self.reject_weights is None:
            return None
        return self._reject_probability(self._scored(features)[0])

    def _reject_probability(self, sums: list[float]) -> float | None:
        if self.reject_weights is None:
            return None
        a, b = self.reject_calibration
        return _sigmoid(a * (self.reject_bias + sums[1]) + b)

    def top_features(self, features: dict[str, float], n: int = TOP_TERMS) -> list[dict[str, Any]]:
        """The features that moved the relevance score most, with their signed contribution."""
        terms = self._scored(features)[1] if n <= TOP_TERMS else self._scored_by_sets(features)[1]
        return self._top(terms, n)

    @staticmethod
    def _top(terms: list[tuple[str, float, float]], n: int = TOP_TERMS) -> list[dict[str, Any]]:
        top = heapq.nlargest(n, terms, key=lambda t: (abs(t[2]), t[0]))
        return [{"feature": k, "value": round(v, 3), "contribution": round(c, 3)} for k, v, c in top]

    def outputs(self, features: dict[str, float]) -> Outputs:
        """probability, reject_probability, activity_probabilities and top_features of one page, from one scoring
        (the same values as the four calls: the same sums, without comparing the features with the memo's
        copy three times)."""
        sums, terms = self._scored(features, keep=False)
        return Outputs(self._probability(sums), self._reject_probability(sums), self._activity(sums),
                       self._top(terms))

    def activity_probabilities(self, features: dict[str, float]) -> dict[str, float]:
        if not self.classes:
            return {}
        return self._activity(self._scored(features)[0])

    def _activity(self, all_sums: list[float]) -> dict[str, float]:
        if not self.classes:
            return {}
        sums = all_sums[1 if self.reject_weights is None else 2:]
        zs = {c: float(self.act_bias.get(c, 0.0)) + s for c, s in zip(self.classes, sums, strict=True)}
        top = max(zs.values())
        exps = {c: math.exp(z - top) for c, z in zs.items()}
        total = sum(exps.values())
        return {c: e / total for c, e in exps.items()}


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
