"""Send a saved digest over SMTP, with retries and exponential backoff.

Settings come from the environment (PLANWATCH_SMTP_*, PLANWATCH_DIGEST_FROM/TO); they are read when
SmtpSettings.from_env() is called, never at import. The password is never logged or shown in repr()."""

from __future__ import annotations

import logging
import os
import smtplib
import ssl
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import formataddr, getaddresses, parseaddr
from pathlib import Path

from pipeline.digest.mail import header_value, read_message

log = logging.getLogger(__name__)

TLS_MODES = ("none", "starttls", "ssl")
DEFAULT_PORTS = {"none": 25, "starttls": 587, "ssl": 465}
HOW_TO_CONFIGURE = (
    "To send digests, set PLANWATCH_SMTP_HOST, PLANWATCH_DIGEST_TO (comma-separated) and, as needed, "
    "PLANWATCH_SMTP_PORT, PLANWATCH_SMTP_TLS (none|starttls|ssl), PLANWATCH_SMTP_USER, "
    "PLANWATCH_SMTP_PASSWORD, PLANWATCH_DIGEST_FROM; then run 'planwatch digest --send' or "
    "'planwatch digest --resend FILE.eml'."
)


REQUIRED_ENV = ("PLANWATCH_SMTP_HOST", "PLANWATCH_DIGEST_TO")


def missing_settings(env: Mapping[str, str] | None = None) -> list[str]:
    """The environment variables sending needs and that are not set (empty list: configured)."""
    env = os.environ if env is None else env
    return [name for name in REQUIRED_ENV if not env.get(name, "").strip()]


class SmtpConfigError(ValueError):
    """The SMTP settings are missing or invalid."""


class DigestSendError(RuntimeError):
    """Sending failed (after retries, or at once for a permanent error). The file on disk is intact."""

    def __init__(self, message: str, path: Path | None = None, attempts: int = 0) -> None:
        super().__init__(message)
        self.path = path
        self.attempts = attempts


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int
    sender: str
    recipients: tuple[str, ...]
    tls: str = "starttls"
    user: str | None = None
    password: str | None = field(default=None, repr=False)
    timeout: float = 30.0
    attempts: int = 4
    backoff: float = 2.0  # seconds before the 2nd attempt; doubles each time
    cafile: str | None = None  # extra CA bundle (a self-signed relay), PLANWATCH_SMTP_CAFILE

    def __post_init__(self) -> None:
        if self.tls not in TLS_MODES:
            raise SmtpConfigError(f"PLANWATCH_SMTP_TLS must be one of {', '.join(TLS_MODES)}, got '{self.tls}'")
        if not self.recipients:
            raise SmtpConfigError("PLANWATCH_DIGEST_TO is empty: give at least one recipient (comma-separated)")
        if self.attempts < 1:
            raise SmtpConfigError("PLANWATCH_SMTP_ATTEMPTS must be at least 1")
        for address in (self.sender, *self.recipients):
            envelope_address(address)  # raises SmtpConfigError naming a malformed address

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> SmtpSettings | None:
        """None when PLANWATCH_SMTP_HOST is not set (sending is not configured)."""
        env = os.environ if env is None else env
        host = env.get("PLANWATCH_SMTP_HOST", "").strip()
        if not host:
            return None
        for name in ("PLANWATCH_SMTP_HOST", "PLANWATCH_SMTP_USER", "PLANWATCH_DIGEST_FROM", "PLANWATCH_DIGEST_TO"):
            if any(ch in env.get(name, "") for ch in "\r\n"):  # "a@x\r\nBcc: b@y" silently added b@y
                raise SmtpConfigError(f"{name} contains a line break (CR/LF): remove it")
        tls = (env.get("PLANWATCH_SMTP_TLS") or "starttls").strip().lower()
        try:
            port = int(env.get("PLANWATCH_SMTP_PORT") or DEFAULT_PORTS.get(tls, 25))
            attempts = int(env.get("PLANWATCH_SMTP_ATTEMPTS") or 4)
            backoff = float(env.get("PLANWATCH_SMTP_BACKOFF") or 2.0)
            timeout = float(env.get("PLANWATCH_SMTP_TIMEOUT") or 30.0)
        except ValueError as exc:
            raise SmtpConfigError(f"invalid number in SMTP settings: {exc}") from None
        # getaddresses, not split(","): a quoted display name may contain a comma
        recipients = tuple(formataddr(pair) for pair in getaddresses([env.get("PLANWATCH_DIGEST_TO", "")])
                           if any(pair))
        user = env.get("PLANWATCH_SMTP_USER") or None
        default_sender = user if user and "@" in user else "planwatch@localhost"
        sender = (env.get("PLANWATCH_DIGEST_FROM") or default_sender).strip()
        return cls(host=host, port=port, sender=sender, recipients=recipients, tls=tls, user=user,
                   password=env.get("PLANWATCH_SMTP_PASSWORD") or None, timeout=timeout,
                   attempts=attempts, backoff=backoff, cafile=env.get("PLANWATCH_SMTP_CAFILE") or None)

    def describe(self) -> str:
        """For logs and messages: never includes the password."""
        auth = f" as {self.user}" if self.user else ""
        return f"{self.host}:{self.port} ({self.tls}){auth}"


def envelope_address(value: str) -> str:
    """'Lan <lan@example.org>' -> 'lan@example.org' (headers keep the display name)."""
    address = parseaddr(value)[1]
    if not address or "@" not in address:
        raise SmtpConfigError(f"not an email address: '{header_value(value)}'")
    return address


def smtp_class(tls: str) -> type[smtplib.SMTP]:
    """smtplib.SMTP_SSL for implicit TLS, smtplib.SMTP otherwise (STARTTLS is issued after connecting)."""
    if tls not in TLS_MODES:
        raise SmtpConfigError(f"unknown TLS mode '{tls}'")
    return smtplib.SMTP_SSL if tls == "ssl" else smtplib.SMTP


def _tls_context(settings: SmtpSettings) -> ssl.SSLContext:
    return ssl.create_default_context(cafile=settings.cafile)


def _connect(settings: SmtpSettings) -> smtplib.SMTP:
    cls = smtp_class(settings.tls)
    if cls is smtplib.SMTP_SSL:
        return smtplib.SMTP_SSL(settings.host, settings.port, timeout=settings.timeout,
                                context=_tls_context(settings))
    client = smtplib.SMTP(settings.host, settings.port, timeout=settings.timeout)
    if settings.tls == "starttls":
        try:
            client.starttls(context=_tls_context(settings))
        except BaseException:
            client.close()
            raise
    return client


def _permanent(exc: Exception) -> bool:
    """5xx replies and authentication failures will not get better by retrying."""
    if isinstance(exc, smtplib.SMTPAuthenticationError | smtplib.SMTPNotSupportedError | SmtpConfigError):
        return True
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return all(code >= 500 for code, _ in exc.recipients.values())
    if isinstance(exc, smtplib.SMTPResponseException):
        return exc.smtp_code >= 500
    return isinstance(exc, ssl.SSLCertVerificationError)


def _explain(exc: Exception) -> str:
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return "all recipients refused: " + "; ".join(
            f"{rcpt}: {code} {_text(msg)}" for rcpt, (code, msg) in exc.recipients.items())
    if isinstance(exc, smtplib.SMTPResponseException):
        return f"{exc.smtp_code} {_text(exc.smtp_error)}"
    return f"{type(exc).__name__}: {exc}"


def _text(value: bytes | str) -> str:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)


def send_message(msg: EmailMessage, settings: SmtpSettings, *,
                 sleep: Callable[[float], None] = time.sleep) -> dict[str, tuple[int, bytes]]:
    """Deliver to settings.recipients, retrying transient failures with exponential backoff.
    Sets From/To from the settings. Returns the recipients the server refused (when some were accepted)."""
    del msg["From"]
    del msg["To"]
    msg["From"] = header_value(settings.sender)
    msg["To"] = ", ".join(header_value(r) for r in settings.recipients)
    last: Exception = DigestSendError("no attempt made")
    for attempt in range(1, settings.attempts + 1):
        try:
            with _connect(settings) as client:
                if settings.user:
                    client.login(settings.user, settings.password or "")
                refused = client.send_message(msg, from_addr=envelope_address(settings.sender),
                                              to_addrs=[envelope_address(r) for r in settings.recipients])
            if refused:
                log.warning("digest: %d recipient(s) refused by %s: %s", len(refused), settings.describe(),
                            ", ".join(refused))
            log.info("digest sent via %s to %d recipient(s) (attempt %d)", settings.describe(),
                     len(settings.recipients) - len(refused), attempt)
            return refused
        except (OSError, smtplib.SMTPException) as exc:  # SMTPException covers the 4xx/5xx replies
            last = exc
            if _permanent(exc):
                raise DigestSendError(f"sending via {settings.describe()} failed: {_explain(exc)}",
                                      attempts=attempt) from exc
            if attempt < settings.attempts:
                delay = settings.backoff * 2 ** (attempt - 1)
                log.warning("digest: attempt %d/%d via %s failed (%s); retrying in %.2fs", attempt,
                            settings.attempts, settings.describe(), _explain(exc), delay)
                sleep(delay)
    raise DigestSendError(f"sending via {settings.describe()} failed after {settings.attempts} attempts: "
                          f"{_explain(last)}", attempts=settings.attempts) from last


def send_digest_file(path: Path | str, settings: SmtpSettings) -> None:
    """Send a digest saved as .eml (by build_and_write_digest). Raises DigestSendError naming the file."""
    path = Path(path)
    if not path.is_file():
        raise DigestSendError(f"no digest file at {path}", path=path)
    msg = read_message(path)
    try:
        send_message(msg, settings)
    except DigestSendError as exc:
        raise DigestSendError(f"{exc}. The digest is saved at {path}; resend it with "
                              f"'planwatch digest --resend {path}'", path=path, attempts=exc.attempts) from exc
