"""Imported by the worker pool's fork server (pipeline.workers.PRELOAD): builds the classifier of every plan in
use (lexicon, prefilter, model and its weight matrix: about 0.1 s of CPU) and the folding table of long texts
(planwatch.core.text.unit_folds: a few ms) once there, so that the workers forked
from the server share it instead of each building its own at its first batch. classifiers.engine.classifier_for
still checks each cached classifier against the plan a worker is given and the lexicon and model files on disk,
and rebuilds one that is stale, so a plan changed after the server started is classified as before. Nothing here
may stop the server: a plan that fails to load fails later, where it is used, with its own error."""

from __future__ import annotations

import logging


def warm_up() -> int:
    """Build and cache every enabled plan's classifier; returns how many were built."""
    from classifiers.engine import classifier_for
    from pipeline.plans import list_plans, load_plan
    from planwatch.core.text import unit_folds

    unit_folds()
    built = 0
    try:
        paths = list_plans()
    except Exception:
        return 0
    for path in paths:
        try:
            clf = classifier_for(load_plan(path))
            if clf.model is not None:
                clf.model.prepare()
        except Exception as exc:
            logging.getLogger("planwatch.workers").debug("classifier warm-up skipped %s: %s", path, exc)
            continue
        built += 1
    return built


warm_up()
