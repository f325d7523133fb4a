"""A local SMTP server (aiosmtpd) on a free port, plain, STARTTLS or SSL, with a test certificate for 127.0.0.1."""

from __future__ import annotations

import socket
import ssl
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

HERE = Path(__file__).parent
CERT, KEY = HERE / "smtp-test-cert.pem", HERE / "smtp-test-key.pem"
USER, PASSWORD = "xxzx@meixian.example.gov.cn", "s3cret-Pass"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def client_context() -> ssl.SSLContext:
    """What the sender trusts: the test certificate only."""
    return ssl.create_default_context(cafile=str(CERT))


@dataclass
class Inbox:
    """What the server received, parsed."""

    messages: list[EmailMessage] = field(default_factory=list)
    envelopes: list = field(default_factory=list)

    async def handle_DATA(self, server, session, envelope):
        self.envelopes.append(envelope)
        self.messages.append(message_from_bytes(envelope.content, policy=policy.default))
        return "250 OK"


def _authenticate(server, session, envelope, mechanism, auth_data):
    ok = isinstance(auth_data, LoginPassword) and (auth_data.login.decode(), auth_data.password.decode()) == (
        USER, PASSWORD)
    return AuthResult(success=ok, handled=False)  # not handled: the server answers 535


@dataclass
class SmtpServer:
    host: str
    port: int
    inbox: Inbox


@pytest.fixture
def smtp_server():
    """Start a server: smtp_server(mode) with mode none | starttls | ssl; login required in every mode."""
    started: list[Controller] = []

    def start(mode: str = "none") -> SmtpServer:
        inbox = Inbox()
        server_tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        server_tls.load_cert_chain(str(CERT), str(KEY))
        options: dict = {"authenticator": _authenticate, "auth_required": True}
        if mode == "starttls":
            options.update(tls_context=server_tls, require_starttls=True)
        elif mode == "ssl":
            options.update(ssl_context=server_tls, auth_require_tls=False)
        else:
            options.update(auth_require_tls=False)
        port = free_port()
        controller = Controller(inbox, hostname="127.0.0.1", port=port, **options)
        controller.start()
        started.append(controller)
        return SmtpServer("127.0.0.1", port, inbox)

    yield start
    for controller in started:
        controller.stop()
