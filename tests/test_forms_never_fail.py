"""Property-based: whatever text people send to the edit, translate, post and import
forms (control characters, any script, huge strings, odd numbers), the answer is
never a server error. Hypothesis generates the values; the Django test client
sends them as a browser would.
"""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from django.core.files.uploadedfile import SimpleUploadedFile

from contributions.forms import EntryForm
from pages.models import ToolPage
from tests.factories import contributor, edit_data, moderator

pytestmark = pytest.mark.django_db

ODD_NUMBERS = ["-1", "0", "²", "١٢", "1e309", "NaN", "-0", "9" * 30, "9223372036854775808", " 7 "]
TEXT = st.one_of(
    st.text(max_size=300),  # any Unicode, control characters included
    st.text(alphabet=st.characters(categories=["Cc", "Cf", "Zs", "Mn"]), max_size=50),
    st.sampled_from(ODD_NUMBERS),
    st.builds(
        lambda c, n: c * n, st.sampled_from(["x", "é", "\u200b", "\n"]), st.integers(0, 120_000)
    ),
)
FUZZ = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture
def tool(catalogue, settings):
    settings.OGPT_REVIEW_FIRST_EDITS = 0
    settings.OGPT_API_RATE_LIMIT = "100000/60"
    return ToolPage.objects.get(slug="consul-democracy", locale__language_code="en")


def fields_of(tool):
    """Every field of the edit form (the same whatever the page's content)."""
    return sorted(EntryForm(page=tool).fields)


@pytest.fixture
def logged_in(client, tool):
    client.force_login(contributor())
    client.raise_request_exception = False
    return client


@pytest.fixture
def importing(client, tool):
    client.force_login(moderator("fuzzmod"))
    client.raise_request_exception = False
    return client


def assert_no_server_error(response):
    assert response.status_code < 500, response.content.decode(errors="replace")[:2000]


@FUZZ
@given(data=st.data())
def test_the_edit_form_never_fails(logged_in, tool, data):
    tool.refresh_from_db()
    names = data.draw(st.lists(st.sampled_from(fields_of(tool)), min_size=1, max_size=4))
    values = {name: data.draw(TEXT) for name in names}
    assert_no_server_error(logged_in.post(tool.url + "edit/", edit_data(tool, **values)))


@FUZZ
@given(data=st.data())
def test_the_translate_form_never_fails(logged_in, tool, data):
    french = ToolPage.objects.get(translation_key=tool.translation_key, locale__language_code="fr")
    names = ["title", "summary", "description", "base_revision", "edit_summary", "synced"]
    values = {name: data.draw(TEXT) for name in data.draw(st.lists(st.sampled_from(names)))}
    form = {
        "title": french.title,
        "summary": french.summary,
        "description": french.description,
        "base_revision": str(french.live_revision_id),
        **values,
    }
    assert_no_server_error(logged_in.post(french.url + "translate/", form))


@FUZZ
@given(title=TEXT, body=TEXT, reply_to=TEXT)
def test_the_discussion_forms_never_fail(logged_in, tool, title, body, reply_to):
    url = tool.url + "discussion/"
    response = logged_in.post(url, {"title": title, "body": body})
    assert_no_server_error(response)
    if response.status_code == 302:
        thread_url = response["Location"]
        reply = logged_in.post(thread_url, {"body": body, "reply_to": reply_to})
        assert_no_server_error(reply)


@FUZZ
@given(
    content=st.one_of(TEXT, st.binary(max_size=2000)),
    file_format=st.sampled_from(["json", "csv", "publiccode", "yaml"]),
)
def test_the_import_form_never_fails(importing, content, file_format):
    client = importing
    raw = content.encode("utf-8", "surrogatepass") if isinstance(content, str) else content
    upload = SimpleUploadedFile("fuzz.txt", raw)
    response = client.post("/en/data/import/", {"file": upload, "file_format": file_format})
    assert_no_server_error(response)
