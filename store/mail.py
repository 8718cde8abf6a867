"""Sending one notice by e-mail through the configured SMTP server (`config.smtp_settings`), with the standard library.

Why its own module: the notice logic (`store.notices`) decides what to say and records it whatever happens; this part
only talks to the server, so a failure becomes a Korean reason stored with the message, never a traceback.
"""

from __future__ import annotations

import smtplib
import ssl
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

TIMEOUT_S = 15


class MailError(RuntimeError):
    """Why the server did not take the message, in Korean (stored in `ats_messages.error`)."""


def send(settings: dict, to: str, subject: str, body: str) -> None:
    host, port, security = settings["host"], int(settings["port"]), settings["security"]
    try:
        msg = EmailMessage()
        msg["From"], msg["To"], msg["Subject"] = settings["sender"], to, " ".join(subject.split())
        msg["Date"], msg["Message-ID"] = formatdate(localtime=True), make_msgid(domain="goyong.local")
        msg.set_content(body, charset="utf-8")
        if security == "ssl":
            server = smtplib.SMTP_SSL(host, port, timeout=TIMEOUT_S, context=ssl.create_default_context())
        else:
            server = smtplib.SMTP(host, port, timeout=TIMEOUT_S)
        with server:
            if security == "starttls":
                server.starttls(context=ssl.create_default_context())
            if settings.get("user"):
                server.login(settings["user"], settings.get("password") or "")
            server.send_message(msg)
    except smtplib.SMTPRecipientsRefused as exc:  # the address itself is not repeated: the error is shown to employers
        raise MailError(
            "메일 서버가 받는 주소를 거절했습니다. 지원자에게 이메일 주소를 확인해 달라고 알려 주세요."
        ) from exc
    except smtplib.SMTPAuthenticationError as exc:
        raise MailError("메일 서버 로그인에 실패했습니다. GOYONG_SMTP_USER/PASSWORD를 확인해 주세요.") from exc
    except (smtplib.SMTPException, OSError, ValueError, UnicodeError) as exc:
        raise MailError(f"메일 서버({host}:{port})에 보내지 못했습니다: {type(exc).__name__}") from exc
