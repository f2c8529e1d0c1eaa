"""Build one plan's weekly digest from the published snapshot and write it to disk:
<out>/<plan>-<week>.eml (what gets sent), .html (opens in a browser, with the chart as a file), .txt, .png.
Writing always comes first, so a failed send loses nothing."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from pipeline.digest.chart import render_chart
from pipeline.digest.data import DEFAULT_REVIEW_URL, DigestData, load_digest_data
from pipeline.digest.mail import build_message, new_content_id, write_message
from pipeline.digest.render import build_context, render_html, render_text
from pipeline.digest.week import IsoWeek
from pipeline.snapshot import open_snapshot
from planwatch.config import Paths


@dataclass(frozen=True)
class DigestFiles:
    plan_id: str
    week: str
    subject: str
    eml: Path
    html: Path
    txt: Path
    png: Path
    annex: Path | None = None

    def all(self) -> tuple[Path, ...]:
        return (self.eml, self.html, self.txt, self.png, *([self.annex] if self.annex else []))


def file_stem(plan_id: str, week: IsoWeek) -> str:
    safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in plan_id)
    return f"{safe}-{week}"


def write_digest(data: DigestData, out_dir: Path, *, sender: str | None = None,
                 recipients: tuple[str, ...] = (), annex: Path | None = None) -> DigestFiles:
    """Render DigestData and write the four files (five with the annex, attached to the email too)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    stem = file_stem(data.plan_id, data.week)
    attachments = [(annex.name, annex.read_bytes())] if annex else []
    context = build_context(data)
    text = render_text(context)
    png = render_chart(data.report["rows"], data.daily_counts, data.as_of)
    cid = new_content_id()
    msg = build_message(subject=context["subject"], text=text,
                        html=render_html(context, image_src="cid:" + cid.strip("<>")),
                        png=png, content_id=cid, sender=sender, recipients=recipients, attachments=attachments)
    files = DigestFiles(plan_id=data.plan_id, week=str(data.week), subject=context["subject"],
                        eml=out_dir / f"{stem}.eml", html=out_dir / f"{stem}.html",
                        txt=out_dir / f"{stem}.txt", png=out_dir / f"{stem}.png", annex=annex)
    files.png.write_bytes(png)
    files.txt.write_text(text, encoding="utf-8")
    files.html.write_text(render_html(context, image_src=files.png.name), encoding="utf-8")
    write_message(msg, files.eml)  # last: the .eml's presence means the digest is complete
    return files


def digest_plan_ids(paths: Paths | None = None, week: IsoWeek | str | None = None) -> list[str]:
    """The plans a digest without --plan covers: those active in the week (data/plans.toml) and in the snapshot."""
    from pipeline.plan_registry import default_plan_ids

    iso = week if isinstance(week, IsoWeek) else IsoWeek.parse(week) if week else IsoWeek.last_complete()
    with open_snapshot(paths or Paths.from_env()) as conn:
        known = [r[0] for r in conn.execute("SELECT plan_id FROM plans ORDER BY 1").fetchall()]
    return default_plan_ids(iso.end, known)


def build_and_write_digest(paths: Paths | None = None, plan_id: str | None = None,
                           week: IsoWeek | str | None = None, out_dir: Path | str | None = None, *,
                           now: dt.datetime | None = None, attach_annex: bool = False) -> DigestFiles:
    """The weekly flow's entry point: read the snapshot, build the digest for `week` (default: the last
    complete ISO week; as_of = its Sunday), write it under out_dir (default: paths.digests).
    `plan_id` None: the plan data/plans.toml makes the default for that week (ValueError when several apply:
    use digest_plan_ids() and build one digest per plan).
    Raises pipeline.snapshot.NoSnapshot, KeyError (unknown plan) or ValueError (bad week)."""
    from pipeline.digest.send import SmtpSettings

    paths = paths or Paths.from_env()
    iso = week if isinstance(week, IsoWeek) else IsoWeek.parse(week) if week else IsoWeek.last_complete()
    if plan_id is None:
        ids = digest_plan_ids(paths, iso)
        if len(ids) != 1:
            raise ValueError(f"several plans apply ({', '.join(ids)}): choose one" if ids else "no plan to report")
        plan_id = ids[0]
    review_url = os.environ.get("PLANWATCH_REVIEW_URL") or DEFAULT_REVIEW_URL
    target = Path(out_dir) if out_dir else paths.digests
    annex = None
    with open_snapshot(paths) as conn:
        data = load_digest_data(conn, plan_id, iso, review_url=review_url, now=now)
        if attach_annex:
            from pipeline.official_report.digest_annex import write_digest_annex

            target.mkdir(parents=True, exist_ok=True)
            annex_path = target / f"{file_stem(plan_id, iso)}-phu-luc.xlsx"
            annex = write_digest_annex(conn, paths, plan_id, iso.end, annex_path)
    try:
        settings = SmtpSettings.from_env()
    except ValueError:
        settings = None  # headers are filled again at send time; a bad config must not stop the write
    return write_digest(data, target, sender=settings.sender if settings else None,
                        recipients=settings.recipients if settings else (), annex=annex)
