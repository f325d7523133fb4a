"""The JSON API returns the typed grade result: its OpenAPI names every shape, and a month's rows validate."""

from govwatch.domain.result import GRADE_RESULT


def _loose(node, path=""):
    """Objects without declared properties (a `dict[str, Any]`), anywhere under `node`."""
    found = []
    if isinstance(node, dict):
        if node.get("additionalProperties") is True or (
                node.get("type") == "object" and "properties" not in node and "additionalProperties" not in node):
            found.append(path)
        for key, value in node.items():
            found += _loose(value, f"{path}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found += _loose(value, f"{path}/{i}")
    return found


def test_openapi_shows_the_result_union_and_no_loose_dict(admin):
    schemas = admin.get("/openapi.json").json()["components"]["schemas"]
    result = schemas["GradeOut"]["properties"]["result"]
    assert result["discriminator"]["propertyName"] == "annex"
    assert set(result["discriminator"]["mapping"]) == {"disclosure", "news", "new_media"}
    ours = {name: s for name, s in schemas.items() if name not in ("ValidationError", "HTTPValidationError")}
    assert [(name, path) for name, s in ours.items() for path in _loose(s)] == []


def test_a_months_grades_are_the_stored_typed_rows(admin):
    data = admin.get("/api/months/2023-06").json()
    rows = data["disclosure"] + data["news"] + data["new_media"]
    assert len(rows) == 40 + 41 + 16
    for row in rows:
        typed = GRADE_RESULT.validate_python(row["result"])
        assert (typed.annex, typed.grade, typed.subject) == (row["annex"], row["grade"], row["subject"])
        assert row["reasons"] == row["result"]["reasons"]
    silent = [p for row in data["new_media"] for p in row["result"]["problems"] if p["kind"] == "silent"]
    assert silent and all(p["days"]["start"] <= p["days"]["end"] for p in silent)
