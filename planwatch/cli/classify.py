"""CLI commands of the classify subsystem: classify, explain, reclassify (registered by planwatch.cli)."""

from __future__ import annotations

import datetime as dt
import json
import shlex
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

import typer

from planwatch.cli.common import fail, live_progress, print_json
from planwatch.core.vntime import VN_TZ

if TYPE_CHECKING:
    from classifiers.contract import ClassifierInput

OUTPUT_KEYS = ("id", "relevant", "activity", "format", "score", "decision", "activity_scores", "reasons",
               "classifier_version")


def _load_plan(plan_id: str | None) -> Any:
    from classifiers.lexicon import LexiconError
    from pipeline.plan_registry import single_default_plan
    from pipeline.plans import PlanError, load_plan
    from pipeline.report import today_vn

    try:
        plan = load_plan(plan_id or single_default_plan(today_vn()))
        from classifiers import classifier_for

        classifier_for(plan)  # validates the lexicon before any input is read
    except (PlanError, LexiconError, ValueError) as exc:
        fail(str(exc))
    return plan


def parse_input_line(raw: str) -> ClassifierInput:
    """One input line -> the classifier's input (classifiers.contract: the same fields as the ingest,
    `language` included). Raises ValueError with a readable problem."""
    try:
        obj = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ValueError(f"not valid JSON ({exc.msg} at column {exc.colno})") from exc
    if not isinstance(obj, dict):
        raise ValueError(f"expected a JSON object, got {type(obj).__name__}")
    missing = [k for k in ("id", "title", "text") if k not in obj]
    if missing:
        raise ValueError(f"missing field(s) {', '.join(missing)}: each line needs id, title and text")
    if not isinstance(obj["id"], str | int) or isinstance(obj["id"], bool) or obj["id"] == "":
        raise ValueError("field 'id' must be a non-empty string or number")
    for key in ("title", "text"):
        if obj[key] is not None and not isinstance(obj[key], str):
            raise ValueError(f"field '{key}' must be a string")
    from classifiers.contract import classifier_input

    doc = {k: v for k, v in obj.items() if v is not None}
    source = obj.get("source")
    if isinstance(source, str):
        doc.setdefault("source_id", source)
    elif isinstance(source, dict):
        if source.get("id"):
            doc.setdefault("source_id", source["id"])
        if source.get("kind"):
            doc.setdefault("source_kind", source["kind"])
    if doc.get("published_at") is not None and not isinstance(doc["published_at"], str):
        raise ValueError("field 'published_at' must be an ISO 8601 string")
    return classifier_input(doc)


def _read_lines(path: str) -> Iterator[tuple[int, str]]:
    """Numbered UTF-8 lines of a file or stdin ('-'), read as bytes so that another encoding ends in one
    line saying what was expected and how to convert, for a file and for the same bytes on stdin alike."""
    if path == "-":
        yield from _decoded(path, sys.stdin.buffer)
        return
    p = Path(path)
    if not p.exists():
        fail(f"--jsonl: no such file: {path}")
    with p.open("rb") as fh:
        yield from _decoded(path, fh)


_BOMS = ((b"\xff\xfe\x00\x00", "UTF-32LE"), (b"\x00\x00\xfe\xff", "UTF-32BE"), (b"\xff\xfe", "UTF-16LE"),
         (b"\xfe\xff", "UTF-16BE"))


def _decoded(path: str, fh: BinaryIO) -> Iterator[tuple[int, str]]:
    shown = "stdin" if path == "-" else path
    for lineno, raw in enumerate(fh, start=1):
        if lineno == 1:
            if raw.startswith(b"\xef\xbb\xbf"):  # UTF-8 with a BOM (Excel, Notepad): fine
                raw = raw[3:]
            found = next((name for bom, name in _BOMS if raw.startswith(bom)), None)
            if found is None and raw.count(b"\x00") * 4 > len(raw):
                found = "UTF-16"  # no BOM, but every other byte is NUL
            if found:
                fail(f"--jsonl: {shown} is {found}; JSON lines must be UTF-8. Convert it first: "
                     f"iconv -f {found} -t UTF-8 {_arg(path)} > input-utf8.jsonl")
        try:
            yield lineno, raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            fail(f"--jsonl: {shown} line {lineno} is not UTF-8 (byte 0x{raw[exc.start]:02X} at column "
                 f"{exc.start + 1}); JSON lines must be UTF-8. If the file is Latin-1 or Windows-1258 "
                 f"(Vietnamese Windows), convert it first: iconv -f LATIN1 -t UTF-8 {_arg(path)} > "
                 f"input-utf8.jsonl (or -f CP1258)")


def _arg(path: str) -> str:
    return "FILE" if path == "-" else shlex.quote(path)


class _Inputs:
    """Documents from --jsonl; a line that cannot be read is reported (with its number) and skipped."""

    def __init__(self, path: str, command: str) -> None:
        self.path, self.command, self.failed = path, command, 0

    def __iter__(self) -> Iterator[ClassifierInput]:
        for lineno, raw in _read_lines(self.path):
            if not raw.strip():
                continue
            try:
                yield parse_input_line(raw)
            except ValueError as exc:
                self.failed += 1
                typer.echo(f"planwatch {self.command}: line {lineno}: {exc}", err=True)


def classify(
    jsonl: str = typer.Option(..., "--jsonl", help="Input: JSON lines {id, title, text, ...}; '-' for stdin."),
    plan: str = typer.Option(None, "--plan", help="Plan id (a file in data/plans; default: the active plan)."),
    evidence: bool = typer.Option(False, "--evidence", help="Include the evidence (terms, where, weights)."),
) -> None:
    """Classify documents read as JSON lines; write one JSON line per input to stdout."""
    plan_obj = _load_plan(plan)
    from classifiers import classifier_for

    clf = classifier_for(plan_obj)
    out = sys.stdout
    keys = (*OUTPUT_KEYS, "evidence") if evidence else OUTPUT_KEYS
    inputs = _Inputs(jsonl, "classify")
    for doc in inputs:
        result: Mapping[str, Any] = clf.classify(doc)
        extra = tuple(k for k in ("probability", "features") if k in result)
        out.write(json.dumps({k: result[k] for k in (*keys, *extra)}, ensure_ascii=False, default=str) + "\n")
    out.flush()
    if inputs.failed:
        typer.echo(f"planwatch classify: {inputs.failed} line(s) could not be read", err=True)
        raise typer.Exit(1)


# ------------------------------------------------------------------------------------------------ explain
def render_explanation(doc: Mapping[str, Any], result: Mapping[str, Any], stored: dict[str, Any] | None = None,
                       human: dict[str, Any] | None = None) -> str:
    ev = result["evidence"]
    lines = [
        f"document   {result['id']}",
        f"title      {str(doc.get('title') or '')[:110]}",
        f"published  {_vn_time(doc.get('published_at'))}   source {doc.get('source_id') or '-'}",
        f"version    {result['classifier_version']}",
        "",
        f"decision   {result['decision']}   relevant={result['relevant']}   activity={result['activity']}   "
        f"format={result['format']}   score={result['score']:.4f}",
        f"reasons    {', '.join(result['reasons']) or '-'}",
        f"activities {json.dumps(result['activity_scores'])}",
    ]
    if ev.get("stage") == "prefilter":
        lines.append("stage      prefilter: no sector or project term found; not tokenized, not scored")
    else:
        th = ev["thresholds"]
        lines += [
            f"thresholds accept >= {th['accept']}, review >= {th['review']}, activity margin {th['activity_margin']}",
            f"prefilter  hit '{ev['prefilter_hit']}'",
            f"topic      {ev['topic']}  parts {json.dumps(ev['parts'])}  gates {ev['gates'] or '-'}",
            f"activity   raw {json.dumps(ev['activity_raw'])}  shares {json.dumps(ev['activity_shares'])}",
            f"format     {json.dumps({k: v for k, v in ev['format'].items() if k != 'terms'}, ensure_ascii=False)}",
            "",
            f"{'term':42} {'category':22} {'where':18} {'n':>3} {'weight':>6} {'contrib':>8}",
        ]
        for t in sorted(ev["terms"], key=lambda t: (t["category"], -t["contribution"])):
            lines.append(f"{t['term'][:42]:42} {t['category']:22} {','.join(t['where']):18} {t['count']:>3} "
                         f"{t['weight']:>6.2f} {t['contribution']:>8.2f}")
        if ev["pairs"]:
            lines.append("")
            lines.append("pairs (action near subject, in word tokens):")
            for p in ev["pairs"]:
                lines.append(f"  {p['action']} ~ {p['subject']} [{p['zone']}, {p['distance']} tokens] +{p['value']}")
        if ev["negatives"]:
            lines.append("")
            lines.append("negatives:")
            for n in ev["negatives"]:
                terms = ", ".join(f"{t['term']} x{t['count']}" for t in n.get("terms", []))
                lines.append(f"  {n['group']} ({n['mode']}) -{n['penalty']}  {terms}")
        model = ev.get("model")
        if model:
            th, q = model["thresholds"], model.get("reject_probability")
            reject = (f"reject side's probability {q:.4f}, rejected below {th['reject_model']}"
                      if q is not None and "reject_model" in th else f"reject < {th['reject']}")
            lines += ["", f"model      {model['model_version']}: probability {model['probability']:.4f} "
                          f"(accept >= {th['accept']}; {reject}; rules' score {model['rule_score']})",
                      f"activity   probabilities {json.dumps(model['activity_probabilities'])}",
                      "top features (signed contribution to the logit):"]
            for f in model.get("top_features", []):
                lines.append(f"  {f['feature'][:60]:60} {f['value']:>7} {f['contribution']:>+8.3f}")
    if stored is not None:
        lines += ["", f"stored     {stored.get('classifier_version')}: {stored.get('decision')} "
                      f"activity={stored.get('activity')} score={stored.get('score')} at {stored.get('classified_at')}"]
    if human is not None:
        lines.append(f"human      {human.get('action')} activity={human.get('activity')} format={human.get('format')} "
                     f"by {human.get('reviewer')} at {human.get('decided_at')} (a human decision always wins)")
    elif stored is not None:
        lines.append("human      no decision recorded")
    return "\n".join(lines)


def explain(
    doc_id: str = typer.Argument(None, help="A document id in the published snapshot."),
    plan: str = typer.Option(None, "--plan", help="Plan id (a file in data/plans; default: the active plan)."),
    jsonl: str = typer.Option(None, "--jsonl", help="Explain ad-hoc input lines instead ('-' for stdin)."),
    as_json: bool = typer.Option(False, "--json", help="Print the full result with evidence as JSON."),
) -> None:
    """Re-score a document and show why: terms, where, weights, thresholds, stored and human decisions."""
    if (doc_id is None) == (jsonl is None):
        fail("give a DOC_ID or --jsonl FILE (not both)")
    plan_obj = _load_plan(plan)
    from classifiers import classify_document

    if jsonl is not None:
        inputs = _Inputs(jsonl, "explain")
        for doc in inputs:
            result = classify_document(doc, plan_obj)
            if as_json:
                print_json(result)
            else:
                typer.echo(render_explanation(doc, result) + "\n" + "-" * 100)
        if inputs.failed:
            raise typer.Exit(1)
        return

    from pipeline import sql
    from pipeline.reclassify import rows_of, stored_document
    from pipeline.snapshot import NoSnapshot, open_snapshot

    try:
        with open_snapshot() as conn:
            found = stored_document(conn, doc_id)
            if found is None:
                fail(f"no document '{doc_id}' in the published snapshot")
            stored = rows_of(conn, sql.query("classifier_stored"), [doc_id, plan_obj.id])
            human = rows_of(conn, sql.query("classifier_human"), [doc_id, plan_obj.id])
    except NoSnapshot as exc:
        fail(str(exc))
    doc = found
    result = classify_document(doc, plan_obj)
    if as_json:
        print_json({**result, "stored": stored[0] if stored else None, "human": human[0] if human else None})
    else:
        typer.echo(render_explanation(doc, result, stored[0] if stored else None, human[0] if human else None))


# ------------------------------------------------------------------------------------------------ reclassify
def reclassify(
    plan: str = typer.Option(None, "--plan", help="Plan id (default: every enabled plan, each by its own rules)."),
) -> None:
    """Re-run classification over stored documents when the classifier version changed (new rows only)."""
    from pipeline.plans import list_plans

    for plan_id in [plan] if plan else list_plans():
        _reclassify_one(plan_id)


def _reclassify_one(plan: str) -> None:
    from classifiers.lexicon import LexiconError
    from pipeline.plans import PlanError
    from pipeline.reclassify import reclassify_documents
    from pipeline.snapshot import NoSnapshot

    try:
        with live_progress() as progress:
            summary = reclassify_documents(plan, progress=progress)
    except (NoSnapshot, PlanError, LexiconError) as exc:
        fail(str(exc))
    if not summary["classified"]:
        typer.echo(f"Nothing to do: all {summary['documents']} documents already classified with "
                   f"{summary['classifier_version']} for plan {summary['plan']}.")
        return
    decisions = ", ".join(f"{k} {v}" for k, v in sorted(summary["decisions"].items()))
    typer.echo(f"Reclassified {summary['classified']} of {summary['documents']} documents with "
               f"{summary['classifier_version']} ({decisions}). Human decisions are kept and still win.")


# ------------------------------------------------------------------------------------------------ train
def train(
    plan: str = typer.Option(None, "--plan", help="Plan id (a file in data/plans; default: the active plan)."),
    out: Path = typer.Option(None, "--out", help="Where to write the model (default: PLANWATCH_HOME/models)."),
    ship: bool = typer.Option(False, "--ship", help="Write the repo's model (data/models) from the labelled "
                              "corpus only, without reviewer decisions (reproducible from a clean clone)."),
    no_reviews: bool = typer.Option(False, "--no-reviews", help="Leave reviewer decisions out."),
    force: bool = typer.Option(False, "--force", help="Write the model even if it is worse on the holdout."),
) -> None:
    """Retrain the learned model from the labelled corpus plus every reviewer decision in the warehouse."""
    plan_obj = _load_plan(plan)
    from classifiers.evaluation import summary
    from classifiers.model import shipped_model_path
    from pipeline.retrain import retrain

    target = out or (shipped_model_path(plan_obj.id) if ship else None)
    try:
        res = retrain(plan_obj.id, out=target, reviews=not (ship or no_reviews), force=force)
    except (FileNotFoundError, ValueError) as exc:
        fail(str(exc))
    typer.echo("training items: " + ", ".join(f"{k} {v}" for k, v in sorted(res.sources.items())))
    cv_keys = ("real", "all", "activity_accuracy_oof", "C")
    before = {k: res.cv_before[k] for k in cv_keys if k in res.cv_before} if res.cv_before else None
    typer.echo(f"cross-validated (train split), before: {json.dumps(before) if before else 'no model (rules only)'}")
    typer.echo(f"cross-validated (train split), after:  {json.dumps({k: res.cv_after[k] for k in cv_keys})}")
    typer.echo(f"holdout, current {res.current_version}: {summary(res.holdout_before)}")
    typer.echo(f"holdout, new     {res.version}: {summary(res.holdout_after)}")
    if res.written is None:
        typer.echo(f"refused: the new model is worse on the holdout ({', '.join(res.worse)}); --force to write it",
                   err=True)
        raise typer.Exit(1)
    if res.worse:
        typer.echo(f"written despite a worse holdout ({', '.join(res.worse)}) because of --force")
    typer.echo(f"recorded classifier version {res.version} in {res.written}; run 'planwatch reclassify' to apply it")


def register(app: typer.Typer) -> None:
    """Add this subsystem's commands to the main app."""
    app.command()(classify)
    app.command()(explain)
    app.command()(reclassify)
    app.command()(train)


def _vn_time(value: object) -> str:
    """A publication time as Vietnamese readers see it (+07:00); input strings are shown as given."""
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            return value.isoformat()
        return value.astimezone(VN_TZ).isoformat()
    return str(value) if value else "-"
