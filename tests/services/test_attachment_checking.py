"""What of an attachment's text becomes the post's findings: personal information and serious errors,
placed after the post's own text, each naming the file."""

from __future__ import annotations

from govwatch.domain.attachments import AttachmentText
from govwatch.proofread import Proofreader
from govwatch.services.attachment_checking import attachment_findings


def test_only_privacy_and_serious_findings_are_kept_and_placed_after_the_post():
    post = "关于发放补助的公示\n见附件。"
    first = AttachmentText(url="http://x.gov.cn/u/a.xlsx", filename="a.xlsx", text="【名单】\n张三\t13912345678")
    second = AttachmentText(url="http://x.gov.cn/u/b.docx", filename="补助说明.docx",
                            text="认真学习党的二十精神。截止目前，共发放资金。")
    rows = attachment_findings(post, [first, second], Proofreader())
    by_rule = {row.rule: row for row in rows}
    assert set(by_rule) == {"privacy:mobile", "expression:党的二十大精神"}  # 截止目前 (an error, not serious) is not kept
    mobile, expression = by_rule["privacy:mobile"], by_rule["expression:党的二十大精神"]
    assert mobile.start == len(post) + 1 + first.text.index("139") and mobile.wrong == "139****5678"
    assert expression.start == len(post) + 1 + len(first.text) + 1 + second.text.index("党的二十精神")
    assert "补助说明.docx" in expression.explanation and "http://x.gov.cn/u/b.docx" in expression.explanation
