"""Three-way merge per field: nothing is ever overwritten silently."""

from contributions.services.merge import three_way_merge

BASE = {"title": "A", "summary": "s", "description": "one two three", "topics": (1, 2)}


def test_fields_changed_on_one_side_only_merge_automatically():
    theirs = {**BASE, "summary": "their summary"}
    mine = {**BASE, "description": "one two three four"}
    result = three_way_merge(BASE, theirs, mine)
    assert result.clean
    assert result.merged["summary"] == "their summary"
    assert result.merged["description"] == "one two three four"
    assert result.theirs_changed == ["summary"]


def test_the_same_change_on_both_sides_is_not_a_conflict():
    both = {**BASE, "topics": (1, 2, 3)}
    assert three_way_merge(BASE, both, both).clean


def test_different_changes_to_one_field_are_a_conflict_keeping_my_text():
    theirs = {**BASE, "description": "one 2 three"}
    mine = {**BASE, "description": "one two 3"}
    result = three_way_merge(BASE, theirs, mine)
    assert result.conflicts == ["description"]
    assert result.merged["description"] == "one two 3"


def test_a_partial_edit_leaves_other_fields_as_they_are_now():
    theirs = {**BASE, "title": "B"}
    result = three_way_merge(BASE, theirs, {"description": "new"})
    assert result.merged == {**theirs, "description": "new"}
