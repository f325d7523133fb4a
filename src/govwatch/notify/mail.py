"""E-mail over SMTP (smtplib): plain-text digests, STARTTLS, SSL or neither, login when configured."""

from __future__ import annotations

import smtplib
import ssl
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

from govwatch.notify.channels import DeliveryError
from govwatch.settings import Settings

_DEFAULT_PORTS = {"ssl": 465, "starttls": 587, "none": 25}


class EmailChannel:
    max_bytes = None  # a mail carries the whole digest
    markdown = False

    def __init__(self, settings: Settings, to: str, context: ssl.SSLContext | None = None) -> None:
        self.settings, self.to = settings, to
        self.context = context or ssl.create_default_context()

    def message(self, title: str, body: str) -> EmailMessage:
        settings = self.settings
        message = EmailMessage()
        message["From"] = settings.smtp_sender or settings.smtp_user or ""
        message["To"] = self.to
        message["Subject"] = title
        message["Date"] = formatdate(localtime=True)
        message["Message-ID"] = make_msgid(domain="govwatch")
        message.set_content(body)
        return message

    def send(self, title: str, body: str) -> None:
        settings = self.settings
        if not settings.smtp_host:
            raise DeliveryError("未配置邮件服务器（GOVWATCH_SMTP_HOST）")
        if not (settings.smtp_sender or settings.smtp_user):
            raise DeliveryError("未配置发件人（GOVWATCH_SMTP_SENDER）")
        port = settings.smtp_port or _DEFAULT_PORTS[settings.smtp_security]
        timeout = settings.notify_timeout
        try:
            if settings.smtp_security == "ssl":
                server: smtplib.SMTP = smtplib.SMTP_SSL(settings.smtp_host, port, timeout=timeout, context=self.context)
            else:
                server = smtplib.SMTP(settings.smtp_host, port, timeout=timeout)
            with server:
                if settings.smtp_security == "starttls":
                    server.starttls(context=self.context)
                if settings.smtp_user:
                    password = settings.smtp_password.get_secret_value() if settings.smtp_password else ""
                    server.login(settings.smtp_user, password)
                server.send_message(self.message(title, body))
        except smtplib.SMTPAuthenticationError as exc:
            raise DeliveryError(f"邮件服务器拒绝登录：{exc.smtp_code} {_text(exc.smtp_error)}") from None
        except smtplib.SMTPRecipientsRefused as exc:
            raise DeliveryError(f"邮件服务器拒收收件人 {self.to}：{_refusals(exc)}") from None
        except (smtplib.SMTPException, OSError, UnicodeError) as exc:
            raise DeliveryError(f"邮件发送失败：{exc}") from None


def _text(value: bytes | str) -> str:
    return value.decode(errors="replace") if isinstance(value, bytes) else str(value)


def _refusals(exc: smtplib.SMTPRecipientsRefused) -> str:
    return "；".join(f"{code} {_text(text)}" for code, text in exc.recipients.values())
