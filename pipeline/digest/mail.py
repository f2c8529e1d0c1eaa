"""Build the email: multipart/alternative with text/plain and a multipart/related HTML part that
carries the chart inline (Content-ID). Headers are encoded by the email package (RFC 2047)."""

from __future__ import annotations

import datetime as dt
import email.utils
from collections.abc import Sequence
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path

from planwatch.core.vntime import VN_TZ

DEFAULT_FROM = "planwatch <planwatch@localhost>"


def header_value(value: str) -> str:
    """No CR/LF (header injection) and no runs of whitespace in a header value."""
    return " ".join(str(value).replace("\r", " ").replace("\n", " ").split())


def new_content_id(domain: str = "planwatch.local") -> str:
    """A Content-ID with angle brackets, e.g. '<...@planwatch.local>'."""
    return email.utils.make_msgid("chart", domain=domain)


XLSX = ("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet")


def build_message(*, subject: str, text: str, html: str, png: bytes | None, content_id: str | None,
                  sender: str | None = None, recipients: Sequence[str] = (),
                  attachments: Sequence[tuple[str, bytes]] = ()) -> EmailMessage:
    """html must reference the image as src="cid:<content_id without brackets>" when png is given.
    attachments: (file name, xlsx bytes) pairs, attached after the alternative part (multipart/mixed)."""
    msg = EmailMessage(policy=policy.SMTP)
    msg["Subject"] = header_value(subject)
    msg["From"] = header_value(sender or DEFAULT_FROM)
    if recipients:
        msg["To"] = ", ".join(header_value(r) for r in recipients)
    msg["Date"] = email.utils.format_datetime(dt.datetime.now(VN_TZ))
    msg["Message-ID"] = email.utils.make_msgid("digest", domain="planwatch.local")
    msg["Auto-Submitted"] = "auto-generated"  # RFC 3834: no vacation auto-replies
    msg.set_content(text, subtype="plain", charset="utf-8", cte="quoted-printable")
    msg.add_alternative(html, subtype="html", charset="utf-8", cte="quoted-printable")
    if png is not None:
        if not content_id:
            raise ValueError("an inline image needs a content_id")
        html_part = next(part for part in msg.iter_parts() if part.get_content_type() == "text/html")
        if not isinstance(html_part, EmailMessage):
            raise TypeError("the html alternative is not an EmailMessage")
        html_part.add_related(png, maintype="image", subtype="png", cid=content_id,
                              disposition="inline", filename="chart.png")
    for filename, data in attachments:
        msg.add_attachment(data, maintype=XLSX[0], subtype=XLSX[1], filename=filename)
    msg["Content-Language"] = "vi"  # after the body: set_content moves Content-* headers into the parts
    return msg


def write_message(msg: EmailMessage, path: Path) -> None:
    """Write atomically (temp file + rename), CRLF line ends as on the wire."""
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(msg.as_bytes(policy=policy.SMTP))
    tmp.replace(path)


def read_message(path: Path) -> EmailMessage:
    with open(path, "rb") as fh:
        msg = BytesParser(policy=policy.SMTP).parse(fh)
    if not isinstance(msg, EmailMessage):  # policy.SMTP always builds EmailMessage
        raise TypeError(f"{path} did not parse as an email message")
    return msg
