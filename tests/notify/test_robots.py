"""企业微信 and 钉钉 robots against a local webhook that answers as the real ones do, errors included."""

import base64
import hashlib
import hmac
import json
import threading
import time
from urllib.parse import unquote_plus

import httpx
import pytest
from werkzeug import Request, Response

from govwatch.notify.channels import DeliveryError
from govwatch.notify.digest import Target
from govwatch.notify.dingtalk import DingTalkRobot, RateLimit
from govwatch.notify.recipients import Robot
from govwatch.notify.registry import open_channel
from govwatch.notify.wecom import WeComRobot
from govwatch.settings import Settings

OK = {"errcode": 0, "errmsg": "ok"}
SECRET = "SEC0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcd"


@pytest.fixture
def client():
    with httpx.Client(timeout=0.5) as c:
        yield c


def test_wecom_posts_the_markdown_shape(httpserver, client):
    httpserver.expect_request("/cgi-bin/webhook/send", method="POST", query_string="key=abc").respond_with_json(OK)
    WeComRobot(httpserver.url_for("/cgi-bin/webhook/send?key=abc"), client).send("标题", "### 眉县预警\n\n1. 内容")
    request, _ = httpserver.log[0]
    assert request.get_json() == {"msgtype": "markdown", "markdown": {"content": "### 眉县预警\n\n1. 内容"}}


@pytest.mark.parametrize("answer, status, words", [
    ({"errcode": 93000, "errmsg": "invalid webhook url, hint: [1687]"}, 200, "errcode 93000"),
    ({"errcode": 45009, "errmsg": "api freq out of limit"}, 200, "频率限制"),
    ({"errcode": -1, "errmsg": "system busy"}, 500, "HTTP 500"),
])
def test_wecom_refusals_are_delivery_errors(httpserver, client, answer, status, words):
    httpserver.expect_request("/send").respond_with_json(answer, status=status)
    with pytest.raises(DeliveryError, match=words):
        WeComRobot(httpserver.url_for("/send?key=k"), client).send("标题", "正文")


def test_an_answer_that_is_not_json(httpserver, client):
    httpserver.expect_request("/send").respond_with_data("<html>502</html>", content_type="text/html")
    with pytest.raises(DeliveryError, match="不是 JSON"):
        WeComRobot(httpserver.url_for("/send?key=k"), client).send("标题", "正文")


def test_a_robot_that_does_not_answer_in_time(httpserver, client):
    released = threading.Event()

    def slow(_request: Request) -> Response:
        released.wait(5)
        return Response(json.dumps(OK), content_type="application/json")

    httpserver.expect_request("/send").respond_with_handler(slow)
    with pytest.raises(DeliveryError, match="超时"):
        WeComRobot(httpserver.url_for("/send?key=k"), client).send("标题", "正文")
    released.set()
    deadline = time.monotonic() + 5
    while not httpserver.log and time.monotonic() < deadline:  # let the late answer finish inside this test
        time.sleep(0.01)


def verifying_dingtalk(request: Request) -> Response:
    """DingTalk's check: sign = base64(HMAC-SHA256(secret, "timestamp\\nsecret")), timestamp within an hour."""
    timestamp, sign = request.args.get("timestamp", ""), request.args.get("sign", "")
    expected = base64.b64encode(
        hmac.new(SECRET.encode(), f"{timestamp}\n{SECRET}".encode(), hashlib.sha256).digest()).decode()
    fresh = timestamp.isdigit() and abs(int(timestamp) - time.time() * 1000) < 3_600_000
    if request.args.get("access_token") != "tok" or not fresh or sign != expected:
        return Response(json.dumps({"errcode": 310000, "errmsg": "sign not match"}), content_type="application/json")
    return Response(json.dumps(OK), content_type="application/json")


def test_dingtalk_signed_message_is_accepted(httpserver, client):
    httpserver.expect_request("/robot/send", method="POST").respond_with_handler(verifying_dingtalk)
    DingTalkRobot(httpserver.url_for("/robot/send?access_token=tok"), client, SECRET).send("眉县预警", "### 眉县预警")
    request, response = httpserver.log[0]
    assert json.loads(response.get_data()) == OK
    assert request.get_json() == {"msgtype": "markdown", "markdown": {"title": "眉县预警", "text": "### 眉县预警"}}
    # the sign travels URL-encoded: "+", "/" and "=" of base64 must not reach the server raw
    raw = request.query_string.decode()
    assert "sign=" in raw and unquote_plus(raw.split("sign=")[1]) == request.args["sign"]


def test_dingtalk_wrong_or_missing_secret_is_310000(httpserver, client):
    httpserver.expect_request("/robot/send").respond_with_handler(verifying_dingtalk)
    url = httpserver.url_for("/robot/send?access_token=tok")
    with pytest.raises(DeliveryError, match=r"310000.*签名或关键词"):
        DingTalkRobot(url, client, "SECwrong").send("标题", "正文")
    with pytest.raises(DeliveryError, match="310000"):
        DingTalkRobot(url, client, None).send("标题", "正文")


def test_dingtalk_http_error(httpserver, client):
    httpserver.expect_request("/robot/send").respond_with_data("busy", status=503)
    with pytest.raises(DeliveryError, match="HTTP 503"):
        DingTalkRobot(httpserver.url_for("/robot/send?access_token=tok"), client).send("标题", "正文")


def test_rate_limit_waits_for_the_twenty_first_message_in_a_minute():
    now = [1000.0]
    waits: list[float] = []

    def sleep(seconds: float) -> None:
        waits.append(seconds)
        now[0] += seconds

    limit = RateLimit(20, clock=lambda: now[0], sleep=sleep)
    for _ in range(20):
        limit.wait()
        now[0] += 1
    assert waits == []
    limit.wait()
    assert waits == [40.0]  # the first of the 20 went at 1000, so the 21st may go at 1060
    now[0] += 61
    limit.wait()
    assert waits == [40.0]


def _target(robot: Robot) -> Target:
    return Target(robot.address, robot.label, robot.kind, robot)


def test_a_robot_address_kept_in_the_environment(httpserver, client):
    httpserver.expect_request("/cgi-bin/webhook/send", method="POST", query_string="key=abc").respond_with_json(OK)
    robot = Robot(kind="wecom", url_env="GOVWATCH_WECOM_CENTRE", name="中心工作群")
    assert "abc" not in robot.address and "GOVWATCH_WECOM_CENTRE" not in robot.label
    secrets = {"GOVWATCH_WECOM_CENTRE": httpserver.url_for("/cgi-bin/webhook/send?key=abc")}
    open_channel(_target(robot), Settings(), client, secrets).send("标题", "内容")
    assert len(httpserver.log) == 1
    with pytest.raises(DeliveryError, match="环境变量 GOVWATCH_WECOM_CENTRE 未设置"):
        open_channel(_target(robot), Settings(), client, {})
    with pytest.raises(DeliveryError, match="不是机器人地址"):
        open_channel(_target(robot), Settings(), client, {"GOVWATCH_WECOM_CENTRE": "abc-def"})
