"""Harvesting a CSV file: our export's columns, both languages, relations by id or name."""

import csv
import io

import pytest

from pages.models import OrganizationPage, ToolPage, TopicPage, UseCasePage

from .harvest import run, write

pytestmark = pytest.mark.django_db


def test_a_csv_row_creates_an_entry_with_both_languages_and_relations(tmp_path, entry):
    topic = entry(TopicPage, "participatory-budgeting")
    text = io.StringIO()
    writer = csv.writer(text)
    writer.writerow(["external_id", "kind", "name_en", "name_fr", "summary_en",
                     "summary_fr", "website", "licence", "interface_languages", "topics",
                     "developers"])  # fmt: skip
    writer.writerow(["civic-42", "tool", "Ballot Box", "Urne", "Votes online.", "Votes en ligne.",
                     "https://ballot.example", "MIT", "en|fr", str(topic.translation_key),
                     "Madrid City Council"])  # fmt: skip
    output = run(write(tmp_path, "civic.csv", text.getvalue()), "csv")
    assert "1 created" in output
    en = ToolPage.objects.get(title="Ballot Box")
    fr = en.get_translation(entry(ToolPage, "consul-democracy", "fr").locale).specific
    assert fr.title == "Urne" and fr.summary == "Votes en ligne."
    assert en.interface_languages == ["en", "fr"]
    assert list(en.topics.all()) == [topic]
    assert list(fr.topics.all()) == [entry(TopicPage, "participatory-budgeting", "fr")]
    assert list(en.developers.all()) == [entry(OrganizationPage, "madrid-city-council")]
    assert "1 unchanged" in run(write(tmp_path, "civic.csv", text.getvalue()), "csv")


def test_our_own_csv_export_re_imports_without_changes(tmp_path, client, catalogue):
    for kind in ("topics", "organizations", "tools", "use-cases"):
        body = b"".join(client.get(f"/api/v1/export/{kind}.csv").streaming_content)
        output = run(write(tmp_path, f"{kind}.csv", body.decode("utf-8")), "csv")
        assert "0 created, 0 updated" in output, (kind, output)
    english = UseCasePage.objects.filter(locale__language_code="en")
    assert english.filter(slug="decide-madrid").count() == 1
