"""The attachment reader's agreed API as the site-check uses it: a file's text, or why it could not be read."""

from govwatch.collect.attachments import ATTACHMENT_SUFFIXES, read_attachment


def test_a_csv_gives_its_cells_as_text_whatever_its_encoding():
    for data in ("姓名,身份证号\n张三,110101199003078515\n".encode(), "姓名,身份证号\n张三,110101199003078515\n".encode("gb18030")):
        read = read_attachment("http://x.gov.cn/upload/list.csv", data)
        assert read.unreadable is None and "110101199003078515" in read.text and "张三" in read.text
        assert read.filename == "list.csv"


def test_a_file_that_cannot_be_read_says_why_and_does_not_raise():
    read = read_attachment("http://x.gov.cn/upload/a.pdf", b"not a pdf at all")
    assert read.text == "" and read.unreadable
    assert ".pdf" in ATTACHMENT_SUFFIXES and ".csv" in ATTACHMENT_SUFFIXES
