from govwatch.domain.sitecheck.model import CheckedText, TextIssue
from govwatch.domain.sitecheck.texts import text_findings


def test_only_serious_findings_count_and_privacy_is_its_own_kind():
    page = CheckedText(url="p", column="动态", issues=(
        TextIssue(type="expression", severity="serious", wrong="中国特色的社会主义", suggestion="中国特色社会主义"),
        TextIssue(type="typo", severity="error", wrong="计", suggestion="记"),
        TextIssue(type="privacy", severity="warning", wrong="138****0000", explanation="手机号码"),
    ))
    file = CheckedText(url="f.csv", page="p", issues=(
        TextIssue(type="privacy", severity="serious", wrong="1101**********8515", explanation="个人信息泄露：身份证号码未做脱敏处理"),))
    unreadable = CheckedText(url="f.pdf", page="p", unreadable="文件已加密")
    found = [(f.kind, f.url, f.page) for f in text_findings([page, file, unreadable])]
    assert found == [("text_error", "p", None), ("privacy", "f.csv", "p"), ("attachment_unreadable", "f.pdf", "p")]
