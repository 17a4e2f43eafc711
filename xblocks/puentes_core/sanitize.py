"""Rich text from course teams and learners, cleaned on the server with nh3 before it is stored."""
import html
import re

import nh3

CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

TAGS = {"p", "br", "strong", "b", "em", "i", "u", "ul", "ol", "li", "a", "h3", "h4", "h5",
        "blockquote", "table", "thead", "tbody", "tr", "th", "td", "span", "sup", "sub", "cite"}
ATTRIBUTES = {"a": {"href", "title"}, "th": {"scope"}, "td": {"colspan", "rowspan"}}


def clean_html(html):
    """Allow the formatting a case or a proposal needs; drop scripts, styles and event handlers."""
    return nh3.clean(html or "", tags=TAGS, attributes=ATTRIBUTES, url_schemes={"http", "https", "mailto"},
                     link_rel="noopener noreferrer")


def plain_text(text):
    """A short text field with every tag removed, as text: nh3 writes its output as HTML ("&amp;", "&nbsp;",
    "&lt;"), which every page would escape once more and show as typed entities; the characters they stand
    for are what a reader reads (issue 14). Pages escape the result where they show it."""
    return html.unescape(nh3.clean(text or "", tags=set())).strip()


def typed_text(text):
    """Plain text stored as the person typed it, without control characters. It is never HTML and never
    unescaped: every page escapes it where it shows it, so `<` and `&lt;` stay exactly what was typed."""
    return CONTROL_CHARACTERS.sub("", str(text or "")).strip()
