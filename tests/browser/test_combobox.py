"""The relation picker and the search box share one combobox (static/js/combobox.js).

The server's answers are replaced (Playwright route interception), so the tests
say exactly what the box receives and when: the same keys do the same in both
boxes, an answer to an older query never replaces a newer one, and a failed
answer is shown and announced.
"""

import json
import time
from dataclasses import dataclass

import pytest

from tests.browser.test_layout_defects import log_in

pytestmark = pytest.mark.browser

ERROR = "Suggestions could not be loaded: try again."


@dataclass
class Box:
    name: str
    route: str  # the glob of the address the box asks
    selector: str  # the input
    option_id: str  # prefix of the option ids

    def results(self, names):
        if self.name == "picker":
            return {"results": [{"id": 9000 + n, "title": name} for n, name in enumerate(names)]}
        return {
            "results": [
                {"name": name, "kind_label": "Tool", "url": f"/en/tools/{name.lower()}/"}
                for name in names
            ]
        }

    def open(self, page, base):
        if self.name == "picker":
            log_in(page, base, "combobox")
            page.goto(f"{base}/en/tools/closed-petitions/edit/")
        else:
            page.goto(f"{base}/en/")
        return page.locator(self.selector)

    def status(self, page):
        return page.locator(self.selector).locator("xpath=..").locator("[role=status]")


PICKER = Box("picker", "**/entries/autocomplete/**", "#id_topics", "id_topics_option_")
SEARCH = Box("search", "**/search/suggest/**", "#header-q", "header-q-option-")
BOXES = pytest.mark.parametrize("box", [PICKER, SEARCH], ids=lambda box: box.name)


def answer(route, box, names):
    route.fulfill(status=200, content_type="application/json", body=json.dumps(box.results(names)))


def active(combobox):
    return combobox.get_attribute("aria-activedescendant")


@BOXES
def test_the_same_keys_do_the_same_in_both_boxes(live_catalogue, page, box):
    page.route(box.route, lambda route: answer(route, box, ["Alpha", "Beta", "Gamma"]))
    combobox = box.open(page, live_catalogue)
    combobox.focus()
    page.keyboard.type("al")
    page.wait_for_selector(f"#{box.option_id}2")
    assert combobox.get_attribute("aria-expanded") == "true"
    assert active(combobox) is None
    page.keyboard.press("ArrowDown")
    assert active(combobox) == f"{box.option_id}0"
    assert page.locator(f"#{box.option_id}0").get_attribute("aria-selected") == "true"
    page.keyboard.press("ArrowUp")  # wraps to the last option
    assert active(combobox) == f"{box.option_id}2"
    page.keyboard.press("ArrowDown")  # and back to the first
    assert active(combobox) == f"{box.option_id}0"
    page.keyboard.press("End")
    assert active(combobox) == f"{box.option_id}2"
    page.keyboard.press("Home")
    assert active(combobox) == f"{box.option_id}0"
    page.keyboard.press("Escape")  # closes the list, keeps the text
    assert combobox.get_attribute("aria-expanded") == "false"
    assert active(combobox) is None
    assert combobox.input_value() == "al"
    page.keyboard.press("ArrowDown")  # opens it again
    assert combobox.get_attribute("aria-expanded") == "true"
    page.keyboard.press("ArrowDown")
    assert active(combobox) == f"{box.option_id}1"
    if box is PICKER:
        page.keyboard.press("Enter")
        assert page.locator("#id_topics_chosen").get_by_text("Beta").is_visible()
        assert combobox.input_value() == ""
        assert combobox.get_attribute("aria-expanded") == "false"
    else:
        with page.expect_navigation(url="**/en/tools/beta/"):
            page.keyboard.press("Enter")


@BOXES
def test_a_late_answer_to_an_older_query_does_not_replace_a_newer_one(live_catalogue, page, box):
    held = []

    def handle(route):
        if "q=ol" in route.request.url and "q=old" not in route.request.url:
            held.append(route)  # answered later, after the newer query's answer
        else:
            answer(route, box, ["Newer"])

    page.route(box.route, handle)
    combobox = box.open(page, live_catalogue)
    combobox.fill("ol")
    deadline = time.monotonic() + 10
    while not held and time.monotonic() < deadline:
        page.wait_for_timeout(50)
    assert held, "the first query was not sent"
    combobox.fill("old")
    page.get_by_role("option", name="Newer").wait_for()
    answer(held[0], box, ["Stale"])
    page.wait_for_timeout(500)
    options = page.locator(f"[id^={box.option_id}]")
    assert options.all_inner_texts() and "Newer" in options.first.inner_text()
    assert page.get_by_text("Stale").count() == 0


@BOXES
def test_a_failed_answer_is_shown_and_announced(live_catalogue, page, box):
    page.route(box.route, lambda route: route.fulfill(status=500, body="Server error"))
    combobox = box.open(page, live_catalogue)
    combobox.focus()
    page.keyboard.type("al")
    status = box.status(page)
    status.filter(has_text=ERROR).wait_for(state="visible")
    assert status.get_attribute("role") == "status"
    assert combobox.get_attribute("aria-expanded") == "false"
    box_size = status.bounding_box()
    assert box_size["height"] > 10 and box_size["width"] > 100, box_size
    # A working answer replaces the message by the suggestions.
    page.unroute(box.route)
    page.route(box.route, lambda route: answer(route, box, ["Alpha"]))
    page.keyboard.type("p")
    page.get_by_role("option", name="Alpha").wait_for()
    assert not status.is_visible() or status.bounding_box()["height"] <= 1
