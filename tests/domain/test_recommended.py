"""推荐转载: matching a listed article, and a stored post's kind once its month's list is known."""

import pytest

from govwatch.domain.model import PostKind
from govwatch.domain.recommended import Recommended, is_recommended, kind_against_list

LISTED = [Recommended("学习贯彻党的二十大精神系列评论之一", "http://www.gov.cn/a")]


def test_matching_by_url_or_a_close_title():
    assert is_recommended("【转载】学习贯彻党的二十大精神系列评论之一", None, LISTED)
    assert is_recommended("别的标题", "http://www.gov.cn/a", LISTED)
    assert not is_recommended("本局召开会议", "http://www.gov.cn/b", LISTED)


@pytest.mark.parametrize(
    ("kind", "listed", "expected"),
    [
        (PostKind.ORIGINAL, True, PostKind.RECOMMENDED),
        (PostKind.OTHER_REPOST, True, PostKind.RECOMMENDED),
        (PostKind.RECOMMENDED, False, PostKind.OTHER_REPOST),  # delisted, but a repost all the same
        (PostKind.ORIGINAL, False, PostKind.ORIGINAL),
        (PostKind.OTHER_REPOST, False, PostKind.OTHER_REPOST),
    ],
)
def test_kind_once_the_list_is_known(kind, listed, expected):
    assert kind_against_list(kind, listed) is expected
