"""Real TLS against aiosmtpd: implicit TLS (ssl) and STARTTLS with AUTH, using a self-signed certificate
for 127.0.0.1 generated here (cryptography), trusted through PLANWATCH_SMTP_CAFILE."""

from __future__ import annotations

import datetime as dt
import ipaddress
import ssl
from collections.abc import Iterator
from pathlib import Path

import pytest

from pipeline.digest import DigestSendError, SmtpSettings, send_digest_file
from tests.digest.conftest import Inbox
from tests.support.net import free_port


@pytest.fixture(scope="module")
def cert(tmp_path_factory) -> tuple[Path, Path]:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    certificate = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5)).not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
                       critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    folder = tmp_path_factory.mktemp("tls")
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_path, key_path


def _server_context(cert: tuple[Path, Path]) -> ssl.SSLContext:
    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ctx.load_cert_chain(str(cert[0]), str(cert[1]))
    return ctx


def _authenticator(server, session, envelope, mechanism, auth_data):
    from aiosmtpd.smtp import AuthResult, LoginPassword

    ok = isinstance(auth_data, LoginPassword) and (auth_data.login, auth_data.password) == (b"bot", b"pw-123")
    return AuthResult(success=ok, handled=False)  # handled=False: aiosmtpd replies 535 itself


@pytest.fixture
def tls_server(cert, request) -> Iterator[tuple[Inbox, int]]:
    from aiosmtpd.controller import Controller

    inbox = Inbox()
    port = free_port()
    if request.param == "ssl":
        controller = Controller(inbox, hostname="127.0.0.1", port=port, ssl_context=_server_context(cert),
                                authenticator=_authenticator, auth_require_tls=False)  # TLS from the start
    else:
        controller = Controller(inbox, hostname="127.0.0.1", port=port, tls_context=_server_context(cert),
                                require_starttls=True, authenticator=_authenticator, auth_require_tls=True)
    controller.start()
    try:
        yield inbox, port
    finally:
        controller.stop()


def _settings(mode: str, port: int, cafile: Path | None, password: str = "pw-123") -> SmtpSettings:
    env = {"PLANWATCH_SMTP_HOST": "127.0.0.1", "PLANWATCH_SMTP_PORT": str(port), "PLANWATCH_SMTP_TLS": mode,
           "PLANWATCH_SMTP_USER": "bot", "PLANWATCH_SMTP_PASSWORD": password,
           "PLANWATCH_DIGEST_TO": "lan@example.org,minh@example.org", "PLANWATCH_SMTP_ATTEMPTS": "2",
           "PLANWATCH_SMTP_BACKOFF": "0.01", "PLANWATCH_SMTP_TIMEOUT": "5"}
    if cafile:
        env["PLANWATCH_SMTP_CAFILE"] = str(cafile)
    settings = SmtpSettings.from_env(env)
    assert settings is not None
    return settings


@pytest.fixture
def eml(w37_digest):
    return w37_digest.eml


@pytest.mark.parametrize("tls_server", ["ssl", "starttls"], indirect=True)
def test_tls_with_auth(eml, cert, tls_server, request):
    inbox, port = tls_server
    mode = request.node.callspec.params["tls_server"]
    send_digest_file(eml, _settings(mode, port, cert[0]))
    assert inbox.envelopes[0]["rcpt_tos"] == ["lan@example.org", "minh@example.org"]


@pytest.mark.parametrize("tls_server", ["starttls"], indirect=True)
def test_untrusted_certificate_and_bad_password_fail_at_once(eml, cert, tls_server):
    inbox, port = tls_server
    with pytest.raises(DigestSendError) as err:
        send_digest_file(eml, _settings("starttls", port, None))  # self-signed, not trusted
    assert err.value.attempts == 1 and "SSLCertVerificationError" in str(err.value)
    with pytest.raises(DigestSendError) as err:
        send_digest_file(eml, _settings("starttls", port, cert[0], password="wrong-pw"))
    assert err.value.attempts == 1 and "wrong-pw" not in str(err.value)
    assert inbox.envelopes == []


class _TlsAwareInbox(Inbox):
    """Also records, per delivered message, whether the session ran over TLS."""

    def __init__(self) -> None:
        super().__init__()
        self.tls: list[bool] = []

    async def handle_DATA(self, server, session, envelope):
        self.tls.append(session.ssl is not None)
        return await super().handle_DATA(server, session, envelope)


def test_starttls_is_issued_only_in_starttls_mode(eml, cert):
    """A relay that offers STARTTLS without requiring it: `none` stays in plain text, `starttls` upgrades."""
    from aiosmtpd.controller import Controller

    inbox = _TlsAwareInbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port(), tls_context=_server_context(cert),
                            require_starttls=False)
    controller.start()
    try:
        for mode in ("none", "starttls"):
            env = {"PLANWATCH_SMTP_HOST": "127.0.0.1", "PLANWATCH_SMTP_PORT": str(controller.port),
                   "PLANWATCH_SMTP_TLS": mode, "PLANWATCH_DIGEST_TO": "lan@example.org",
                   "PLANWATCH_SMTP_CAFILE": str(cert[0]), "PLANWATCH_SMTP_TIMEOUT": "5"}
            settings = SmtpSettings.from_env(env)
            assert settings is not None
            send_digest_file(eml, settings)
    finally:
        controller.stop()
    assert inbox.tls == [False, True]
    assert [e["rcpt_tos"] for e in inbox.envelopes] == [["lan@example.org"], ["lan@example.org"]]
