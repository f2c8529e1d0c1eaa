"""`planwatch digest`: write first, send on --send, exit codes, --resend after a failed send."""

from __future__ import annotations

import email
from email import policy

import pytest
import typer
from typer.testing import CliRunner

from pipeline.digest.week import IsoWeek
from planwatch.cli.digest import register
from tests.digest.conftest import WEEK
from tests.support.net import free_port

SMTP_VARS = ("PLANWATCH_SMTP_HOST", "PLANWATCH_SMTP_PORT", "PLANWATCH_SMTP_USER", "PLANWATCH_SMTP_PASSWORD",
             "PLANWATCH_SMTP_TLS", "PLANWATCH_DIGEST_FROM", "PLANWATCH_DIGEST_TO", "PLANWATCH_SMTP_ATTEMPTS",
             "PLANWATCH_SMTP_BACKOFF", "PLANWATCH_SMTP_TIMEOUT", "PLANWATCH_SMTP_CAFILE", "PLANWATCH_REVIEW_URL")
STEM = "661-KH-BGDDT-2022-2022-W37"


@pytest.fixture
def cli(monkeypatch):
    for name in SMTP_VARS:
        monkeypatch.delenv(name, raising=False)
    app = typer.Typer()

    @app.callback()
    def main() -> None:
        """Test app holding only the digest command."""

    register(app)
    runner = CliRunner()

    def run(*args: str, env: dict[str, str] | None = None):
        return runner.invoke(app, ["digest", *args], env=env)

    return run


def test_without_smtp_settings_writes_files_and_fails_naming_what_is_missing(cli, w37, tmp_path):
    # --send that cannot send is a failure (cron, Prefect and the person must see it), after writing the files
    result = cli("--week", WEEK, "--out", str(tmp_path / "d"), "--send",
                 env={"PLANWATCH_SMTP_HOST": "", "PLANWATCH_DIGEST_TO": ""})
    assert result.exit_code == 2, result.output
    assert "Not sent: SMTP is not configured (missing PLANWATCH_SMTP_HOST, PLANWATCH_DIGEST_TO)" in result.output
    assert f"--resend {tmp_path / 'd' / STEM}.eml" in result.output
    assert (tmp_path / "d" / f"{STEM}.eml").is_file() and (tmp_path / "d" / f"{STEM}.png").is_file()
    assert "đạt 0/6 chỉ tiêu (4/20 bài báo, 1/8 phóng sự)" in result.output


def test_week_given_as_a_day_in_either_spelling(cli, w37, tmp_path):
    for day in ("2022-09-14", "14/09/2022"):
        result = cli("--week", day, "--out", str(tmp_path / day.replace("/", "-")))
        assert result.exit_code == 0, result.output
        assert (tmp_path / day.replace("/", "-") / f"{STEM}.eml").is_file()
    result = cli("--week", "31/02/2022")
    assert result.exit_code == 2 and "got '31/02/2022'" in result.output


def test_default_out_and_week(cli, w37):
    result = cli()
    assert result.exit_code == 0, result.output
    week = IsoWeek.last_complete()
    assert (w37.digests / f"661-KH-BGDDT-2022-{week}.eml").is_file()
    assert "Not sent (add --send" in result.output


def test_failed_send_then_resend(cli, w37, tmp_path, smtp_server):
    down = smtp_server.env(PLANWATCH_SMTP_PORT=str(free_port()), PLANWATCH_SMTP_ATTEMPTS="2",
                           PLANWATCH_SMTP_PASSWORD="hunter2-secret", PLANWATCH_SMTP_USER="bot")
    out = tmp_path / "d"
    result = cli("--week", WEEK, "--out", str(out), "--send", env=down)
    eml = out / f"{STEM}.eml"
    assert result.exit_code == 1
    assert "failed after 2 attempts" in result.output and str(eml) in result.output
    assert f"planwatch digest --resend {eml}" in result.output
    assert "hunter2-secret" not in result.output
    assert eml.is_file() and smtp_server.inbox.envelopes == []

    result = cli("--resend", str(eml), env=smtp_server.env())
    assert result.exit_code == 0, result.output
    [got] = smtp_server.inbox.envelopes
    assert got["rcpt_tos"] == ["lan@example.org", "minh@example.org"]
    msg = email.message_from_bytes(got["data"], policy=policy.default)
    assert msg["Subject"].startswith("[planwatch] Tuần 2022-W37")


def test_send_delivers(cli, w37, tmp_path, smtp_server):
    result = cli("--week", WEEK, "--out", str(tmp_path), "--send",
                 env=smtp_server.env(PLANWATCH_REVIEW_URL="https://review.example.org/queue"))
    assert result.exit_code == 0, result.output
    assert "Sent to lan@example.org, minh@example.org" in result.output
    msg = email.message_from_bytes(smtp_server.inbox.envelopes[0]["data"], policy=policy.default)
    assert "https://review.example.org/queue" in msg.get_body(("plain",)).get_content()  # type: ignore[union-attr]


@pytest.mark.parametrize(("args", "message"), [
    (["--week", "2022-37"], "--week: a week looks like 2022-W37"),
    (["--plan", "nope"], "plan 'nope' is not in the warehouse"),
    (["--resend", "/nonexistent/x.eml"], "no such file"),
])
def test_usage_errors(cli, w37, args, message):
    result = cli(*args)
    assert result.exit_code == 2 and message in result.output


def test_resend_without_settings(cli, w37, tmp_path):
    eml = tmp_path / "x.eml"
    eml.write_bytes(b"Subject: x\r\n\r\nbody\r\n")
    result = cli("--resend", str(eml))
    assert result.exit_code == 2 and "SMTP is not configured" in result.output


def test_no_snapshot(cli, home):
    result = cli("--week", WEEK)
    assert result.exit_code == 2 and "no published snapshot" in result.output


def test_registered_in_the_main_app():
    from planwatch.cli import app

    result = CliRunner().invoke(app, ["digest", "--help"])
    assert result.exit_code == 0 and "--resend" in result.output
