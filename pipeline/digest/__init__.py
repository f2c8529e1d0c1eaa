"""The weekly coverage digest: data (queries) -> render (Jinja2) + chart (matplotlib) -> mail (MIME) -> send.

Entry points for the CLI and the Prefect weekly flow:
    build_and_write_digest(paths, plan_id, week, out_dir) -> DigestFiles
    send_digest_file(path, settings) -> None          (settings = SmtpSettings.from_env())
"""

from pipeline.digest.build import DigestFiles, build_and_write_digest, digest_plan_ids
from pipeline.digest.send import DigestSendError, SmtpConfigError, SmtpSettings, send_digest_file
from pipeline.digest.week import IsoWeek

__all__ = ["DigestFiles", "DigestSendError", "IsoWeek", "SmtpConfigError", "SmtpSettings",
           "build_and_write_digest", "digest_plan_ids", "send_digest_file"]
