"""E-mail against a local SMTP server: plain with login, STARTTLS, SSL, and the errors a sender meets."""

import pytest

from govwatch.notify.channels import DeliveryError
from govwatch.notify.mail import EmailChannel
from govwatch.settings import Settings
from tests.notify.conftest import PASSWORD, USER, client_context, free_port

# The plain-text server requires a login without TLS, which aiosmtpd rightly warns about: tests only.
pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")

BODY = "县教体局：今日预警1条。\n1. 【新媒体原创未更新】眉县教育（微信订阅号）已连续5天未发布原创信息"


def settings_for(server, security: str, password: str = PASSWORD, **more) -> Settings:
    return Settings(smtp_host=server.host, smtp_port=server.port, smtp_security=security, smtp_user=USER,
                    smtp_password=password, **more)


@pytest.mark.parametrize("security", ["none", "starttls", "ssl"])
def test_digest_delivered_in_each_security_mode(smtp_server, security):
    server = smtp_server(security)
    channel = EmailChannel(settings_for(server, security), "jtj@meixian.example.gov.cn", context=client_context())
    channel.send("眉县政务公开预警 2023-06-06", BODY)
    [message] = server.inbox.messages
    assert message["Subject"] == "眉县政务公开预警 2023-06-06"
    assert (message["From"], message["To"]) == (USER, "jtj@meixian.example.gov.cn")
    assert message.get_content().strip() == BODY
    assert server.inbox.envelopes[0].rcpt_tos == ["jtj@meixian.example.gov.cn"]


def test_sender_address_may_differ_from_the_login(smtp_server):
    server = smtp_server("none")
    settings = settings_for(server, "none", smtp_sender="yujing@meixian.example.gov.cn")
    EmailChannel(settings, "a@meixian.example.gov.cn").send("标题", "正文")
    assert server.inbox.messages[0]["From"] == "yujing@meixian.example.gov.cn"


def test_wrong_password_is_a_delivery_error(smtp_server):
    server = smtp_server("none")
    with pytest.raises(DeliveryError, match="拒绝登录"):
        EmailChannel(settings_for(server, "none", password="wrong"), "a@meixian.example.gov.cn").send("标题", "正文")
    assert server.inbox.messages == []


def test_starttls_refuses_an_untrusted_certificate(smtp_server):
    server = smtp_server("starttls")
    with pytest.raises(DeliveryError, match="邮件发送失败"):
        EmailChannel(settings_for(server, "starttls"), "a@meixian.example.gov.cn").send("标题", "正文")


def test_no_server_configured_or_reachable(smtp_server):
    with pytest.raises(DeliveryError, match="GOVWATCH_SMTP_HOST"):
        EmailChannel(Settings(smtp_sender="a@b.cn"), "a@meixian.example.gov.cn").send("标题", "正文")
    closed = Settings(smtp_host="127.0.0.1", smtp_port=free_port(), smtp_security="none", smtp_sender="a@b.cn")
    with pytest.raises(DeliveryError, match="邮件发送失败"):
        EmailChannel(closed, "a@meixian.example.gov.cn").send("标题", "正文")
