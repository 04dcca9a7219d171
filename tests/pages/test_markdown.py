from pages.markdown import plain_text, render_markdown


def test_markdown_is_rendered_with_headings_below_the_page_title():
    html = render_markdown("# Title\n\nSome **bold** text")
    assert "<h2>Title</h2>" in html
    assert "<strong>bold</strong>" in html


def test_raw_html_and_scripts_never_reach_the_page():
    html = render_markdown('<script>alert(1)</script><img src=x onerror="alert(2)">')
    assert "<script" not in html
    assert "<img" not in html
    assert "&lt;img" in html  # shown as text, harmless


def test_javascript_links_are_dropped_and_links_are_marked_as_user_content():
    html = render_markdown("[a](javascript:alert(1)) [b](https://example.org)")
    assert 'href="javascript' not in html
    assert 'href="https://example.org"' in html
    assert 'rel="nofollow ugc noopener"' in html


def test_plain_text_strips_markup_and_shortens_on_a_word():
    assert plain_text("Hello **world** and more", limit=14) == "Hello world…"
    assert plain_text("") == ""


def test_plain_text_is_not_escaped_twice():
    assert plain_text("Fish & chips <b>") == "Fish & chips <b>"
