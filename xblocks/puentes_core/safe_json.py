"""JSON at the two edges where it can hurt: read from a request, and written into a page.

Reading refuses what the parser would choke on (nesting past MAX_DEPTH: Python's decoder recurses
and dies with RecursionError) or what no database or UTF-8 page can hold (lone surrogates such as
"\\ud800"). Writing escapes what would end a <script> element or a JavaScript string early.
"""
import json

MAX_DEPTH = 64

# `<`, `>` and `&` end or confuse a script element; U+2028/9 end a line inside a JavaScript string.
SCRIPT_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026",
                  0x2028: "\\u2028", 0x2029: "\\u2029"}


class JsonRefused(ValueError):
    """The text is not JSON the server will read; `code` says why (not_json, too_deep, bad_text)."""

    def __init__(self, code):
        super().__init__(code)
        self.code = code


def nesting_depth(text, limit=MAX_DEPTH):
    """How deep arrays and objects nest in `text`, counting only up to limit + 1 (one linear pass)."""
    depth = deepest = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
            if deepest > limit:
                return deepest
        elif char in "]}":
            depth -= 1
    return deepest


def loads(body, max_depth=MAX_DEPTH):
    """Parse a request body (bytes or text) as JSON, or JsonRefused."""
    try:
        text = body.decode("utf-8") if isinstance(body, bytes) else str(body)
    except UnicodeDecodeError:
        raise JsonRefused("not_json") from None
    if nesting_depth(text, max_depth) > max_depth:
        raise JsonRefused("too_deep")
    try:
        value = json.loads(text)
    except (json.JSONDecodeError, RecursionError):
        raise JsonRefused("not_json") from None
    try:
        # Escapes like "\ud800" decode to lone surrogates, which no UTF-8 page or database column takes.
        json.dumps(value, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        raise JsonRefused("bad_text") from None
    return value


def script_json(value):
    """`value` as JSON that is safe inside a <script> element of an HTML page."""
    return json.dumps(value).translate(SCRIPT_ESCAPES)
