"""What the shared browser modules (static/js/numbers.js, errors.js) need, in the page's language.

A block passes `client_settings()` in its init arguments; a plugin page writes it with `json_script`.
The strings come from puentes_core's own catalogue, so every block and page says them the same way.
"""
from django.utils.translation import get_language

from . import numbers
from .i18n import core_ngettext as ngettext

# The shared static files, in the order a page loads them (rendering.render_view takes these paths).
JS = ("puentes_core:static/js/numbers.js", "puentes_core:static/js/errors.js")
CSS = ("puentes_core:static/css/errors.css",)


def client_settings():
    # The shipped languages have two plural forms, for 1 and for the rest: both are sent, errors.js picks.
    return {
        "numbers": numbers.browser_settings(get_language()),
        "errors": {
            "one": ngettext("Fix %(count)s problem before going on:", "Fix %(count)s problems before going on:", 1),
            "other": ngettext("Fix %(count)s problem before going on:", "Fix %(count)s problems before going on:", 2),
        },
    }
