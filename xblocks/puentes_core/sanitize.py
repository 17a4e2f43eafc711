"""Rich text from course teams and learners, cleaned on the server with nh3 before it is stored."""
import nh3

TAGS = {"p", "br", "strong", "b", "em", "i", "u", "ul", "ol", "li", "a", "h3", "h4", "h5",
        "blockquote", "table", "thead", "tbody", "tr", "th", "td", "span", "sup", "sub", "cite"}
ATTRIBUTES = {"a": {"href", "title"}, "th": {"scope"}, "td": {"colspan", "rowspan"}}


def clean_html(html):
    """Allow the formatting a case or a proposal needs; drop scripts, styles and event handlers."""
    return nh3.clean(html or "", tags=TAGS, attributes=ATTRIBUTES, url_schemes={"http", "https", "mailto"},
                     link_rel="noopener noreferrer")


def plain_text(text):
    """A short text field with every tag removed."""
    return nh3.clean(text or "", tags=set()).strip()
