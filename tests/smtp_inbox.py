"""A real SMTP server on 127.0.0.1 for the notice tests (aiosmtpd), keeping what it was sent."""

from __future__ import annotations

import email
from collections.abc import Iterator
from contextlib import contextmanager
from email.message import EmailMessage
from email.policy import default as default_policy

from aiosmtpd.controller import Controller

from devtools.browser import free_port


class Inbox:
    """An aiosmtpd handler: every message it accepts, parsed; `refuse` is an address it answers 550 to."""

    def __init__(self, refuse: str | None = None) -> None:
        self.received: list[EmailMessage] = []
        self.refuse = refuse

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: ANN001, N802
        if self.refuse and address == self.refuse:
            return "550 no such user"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: ANN001, N802
        self.received.append(email.message_from_bytes(envelope.content, policy=default_policy))
        return "250 Message accepted"


@contextmanager
def smtp_server(inbox: Inbox) -> Iterator[dict[str, str]]:
    """The server running on a free port; yields the GOYONG_SMTP_* variables that point the app at it."""
    port = free_port()
    server = Controller(inbox, hostname="127.0.0.1", port=port)
    server.start()
    try:
        yield {"GOYONG_SMTP_HOST": "127.0.0.1", "GOYONG_SMTP_PORT": str(port), "GOYONG_SMTP_SECURITY": "none"}
    finally:
        server.stop()
