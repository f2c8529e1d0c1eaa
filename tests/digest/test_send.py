"""SMTP delivery against a local aiosmtpd server on 127.0.0.1: recipients, retries, permanent errors,
TLS modes, and the password staying out of logs and messages."""

from __future__ import annotations

import email
import logging
import smtplib
from email import policy

import pytest

from pipeline.digest import DigestSendError, SmtpConfigError, SmtpSettings, send_digest_file
from pipeline.digest.mail import read_message
from pipeline.digest.send import send_message, smtp_class
from tests.digest.test_mail import check_digest_message
from tests.support.net import free_port

SECRET = "s3cr3t-pässword"


@pytest.fixture
def eml(w37_digest):
    return w37_digest.eml


def settings_for(server, **extra) -> SmtpSettings:
    settings = SmtpSettings.from_env(server.env(**extra))
    assert settings is not None
    return settings


def test_delivers_to_several_recipients(eml, smtp_server):
    send_digest_file(eml, settings_for(smtp_server))
    [got] = smtp_server.inbox.envelopes
    assert got["mail_from"] == "planwatch@example.org"
    assert got["rcpt_tos"] == ["lan@example.org", "minh@example.org"]
    msg = email.message_from_bytes(got["data"], policy=policy.default)
    check_digest_message(msg)
    assert msg["To"] == "lan@example.org, minh@example.org"
    assert msg["From"] == "planwatch@example.org"


def test_display_names_stay_in_headers_not_in_the_envelope(eml, smtp_server):
    to = '"Nguyễn Thị Lan, BGDĐT" <lan@example.org>,minh@example.org'
    send_digest_file(eml, settings_for(smtp_server, PLANWATCH_DIGEST_FROM="Bản tin planwatch <pw@example.org>",
                                       PLANWATCH_DIGEST_TO=to))
    [got] = smtp_server.inbox.envelopes
    assert got["mail_from"] == "pw@example.org"
    assert got["rcpt_tos"] == ["lan@example.org", "minh@example.org"]
    msg = email.message_from_bytes(got["data"], policy=policy.default)
    assert msg["From"] == "Bản tin planwatch <pw@example.org>"
    assert msg["To"] == '"Nguyễn Thị Lan, BGDĐT" <lan@example.org>, minh@example.org'
    assert [a.addr_spec for a in msg["To"].addresses] == ["lan@example.org", "minh@example.org"]


def test_transient_failure_is_retried_with_backoff(eml, smtp_server):
    smtp_server.inbox.fail_data = ["451 4.3.0 try again later"]
    delays: list[float] = []
    send_message(read_message(eml), settings_for(smtp_server), sleep=delays.append)
    assert smtp_server.inbox.data_calls == 2 and len(smtp_server.inbox.envelopes) == 1
    assert delays == [0.01]


def test_permanent_rejection_is_not_retried(eml, smtp_server):
    smtp_server.inbox.fail_data = ["554 5.6.0 message rejected"] * 3
    with pytest.raises(DigestSendError) as err:
        send_digest_file(eml, settings_for(smtp_server))
    assert smtp_server.inbox.data_calls == 1
    assert "554" in str(err.value) and str(eml) in str(err.value) and "--resend" in str(err.value)


def test_one_recipient_refused_others_delivered(eml, smtp_server, caplog):
    smtp_server.inbox.reject_rcpt = {"minh@example.org"}
    with caplog.at_level(logging.WARNING):
        refused = send_message(read_message(eml), settings_for(smtp_server))
    assert set(refused) == {"minh@example.org"}
    assert smtp_server.inbox.envelopes[0]["rcpt_tos"] == ["lan@example.org"]
    assert "minh@example.org" in caplog.text


def test_server_down_retries_then_fails_naming_the_file(eml, caplog):
    port = free_port()  # nothing listens there
    settings = SmtpSettings.from_env({"PLANWATCH_SMTP_HOST": "127.0.0.1", "PLANWATCH_SMTP_PORT": str(port),
                                      "PLANWATCH_SMTP_TLS": "none", "PLANWATCH_DIGEST_TO": "a@example.org",
                                      "PLANWATCH_SMTP_USER": "bot", "PLANWATCH_SMTP_PASSWORD": SECRET,
                                      "PLANWATCH_SMTP_ATTEMPTS": "3", "PLANWATCH_SMTP_BACKOFF": "0.01"})
    assert settings is not None
    with caplog.at_level(logging.DEBUG), pytest.raises(DigestSendError) as err:
        send_digest_file(eml, settings)
    assert err.value.attempts == 3 and err.value.path == eml
    assert "after 3 attempts" in str(err.value) and str(eml) in str(err.value)
    assert caplog.text.count("retrying") == 2
    for text in (caplog.text, str(err.value), repr(settings), settings.describe()):
        assert SECRET not in text


def test_settings_from_env():
    assert SmtpSettings.from_env({}) is None
    s = SmtpSettings.from_env({"PLANWATCH_SMTP_HOST": "mail.example.org", "PLANWATCH_SMTP_TLS": "SSL",
                               "PLANWATCH_DIGEST_TO": " a@x.vn, ,b@x.vn ", "PLANWATCH_SMTP_USER": "u",
                               "PLANWATCH_SMTP_PASSWORD": SECRET})
    assert s is not None
    assert (s.port, s.tls, s.recipients, s.sender) == (465, "ssl", ("a@x.vn", "b@x.vn"), "planwatch@localhost")
    assert SECRET not in repr(s)
    base = {"PLANWATCH_SMTP_HOST": "h", "PLANWATCH_DIGEST_TO": "a@x.vn"}
    assert SmtpSettings.from_env(base).port == 587  # type: ignore[union-attr]
    assert SmtpSettings.from_env({**base, "PLANWATCH_SMTP_TLS": "none"}).port == 25  # type: ignore[union-attr]
    with pytest.raises(SmtpConfigError):
        SmtpSettings.from_env({**base, "PLANWATCH_SMTP_TLS": "tls1.3"})
    with pytest.raises(SmtpConfigError):
        SmtpSettings.from_env({"PLANWATCH_SMTP_HOST": "h"})  # no recipients
    with pytest.raises(SmtpConfigError, match="not an email address"):
        SmtpSettings.from_env({**base, "PLANWATCH_DIGEST_TO": "a@x.vn, lan"})
    assert SmtpSettings.from_env({**base, "PLANWATCH_SMTP_USER": "bot@x.vn"}).sender == "bot@x.vn"  # type: ignore[union-attr]


def test_smtp_class_per_tls_mode():
    assert smtp_class("ssl") is smtplib.SMTP_SSL
    assert smtp_class("starttls") is smtplib.SMTP
    assert smtp_class("none") is smtplib.SMTP
    with pytest.raises(SmtpConfigError):
        smtp_class("tls")
