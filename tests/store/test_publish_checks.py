"""Drafts checked before publishing and their signatures, as stored."""

import pytest

from govwatch.store.publish_checks import add_check, add_signature, get_check, recent_checks, signatures


def test_drafts_and_signatures(county_db):
    with county_db.db.transaction() as session:
        first = add_check(session, county_db.county_id, None, "稿一", "正文", 2, "甲")
        second = add_check(session, county_db.county_id, None, "稿二", "正文", 0, "乙")
        assert [c.id for c in recent_checks(session, county_db.county_id, None)] == [second.id, first.id]
        assert recent_checks(session, county_db.county_id, 12345) == []
        assert get_check(session, county_db.county_id, first.id) == first
        with pytest.raises(LookupError, match="稿件"):
            get_check(session, county_db.county_id + 1, first.id)
        add_signature(session, first.id, "初审", "甲", "同意")
        add_signature(session, first.id, "复审", "乙", "")
        assert [(s.stage, s.by, s.opinion) for s in signatures(session, first.id)] == [("初审", "甲", "同意"),
                                                                                        ("复审", "乙", "")]
