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
import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from planwatch.config import data_path

FORMAT = 1


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

    def margin(self, features: dict[str, float]) -> float:
        w = self.weights
        return self.bias + sum([features[k] * w[k] for k in features.keys() & w.keys()])

    def probability(self, features: dict[str, float]) -> float:
        a, b = self.calibration
        return _sigmoid(a * self.margin(features) + b)

    def reject_probability(self, features: dict[str, float]) -> float | None:
        """The reject model's calibrated probability that the page is relevant (None without a reject model)."""
        w = self.reject_weights
        if w is None:
            return None
        a, b = self.reject_calibration
        return _sigmoid(a * (self.reject_bias + sum([features[k] * w[k] for k in features.keys() & w.keys()])) + b)

    def top_features(self, features: dict[str, float], n: int = 8) -> list[dict[str, Any]]:
        """The features that moved the relevance score most, with their signed contribution."""
        import heapq

        w = self.weights
        contrib = [(k, features[k], features[k] * w[k]) for k in features.keys() & w.keys()]
        top = heapq.nlargest(n, contrib, key=lambda t: (abs(t[2]), t[0]))
        return [{"feature": k, "value": round(v, 3), "contribution": round(c, 3)} for k, v, c in top if c]

    def activity_probabilities(self, features: dict[str, float]) -> dict[str, float]:
        if not self.classes:
            return {}
        zs = {}
        for c in self.classes:
            w = self.act_weights.get(c, {})
            zs[c] = float(self.act_bias.get(c, 0.0)) + sum([features[k] * w[k] for k in features.keys() & w.keys()])
        top = max(zs.values())
        exps = {c: math.exp(z - top) for c, z in zs.items()}
        total = sum(exps.values())
        return {c: e / total for c, e in exps.items()}


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
