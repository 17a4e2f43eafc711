"""Render a block's view: a Django template, its CSS and JS, its JS strings and init arguments.

Templates are compiled once per process and block type, as Django's cached loader does for the LMS's
own pages (`django.template.engine.Engine`: every engine wraps its loaders in `cached.Loader`), and their
`{% trans %}` tags read the block's catalogue directly (template_i18n), so a render neither recompiles
nor rebuilds a translation. Static files are read once per process too: they change only on deploy.
"""
import functools

from django.template import Context, Engine, Template
from django.template.backends.django import get_installed_libraries
from django.utils.html import format_html
from web_fragments.fragment import Fragment
from xblock.utils.resources import ResourceLoader

from .i18n import block_catalogue
from .i18n import core_gettext as _


def block_module(block):
    """The module that defines the block's class; runtimes render a subclass mixed in `xblock.core`."""
    return getattr(type(block), "unmixed_class", type(block)).__module__


@functools.cache
def _engine():
    """One template engine for every block: the installed tag libraries, with our `i18n` in place of Django's."""
    return Engine(libraries={**get_installed_libraries(), "i18n": "puentes_core.template_i18n"})


@functools.cache
def compiled_template(module, path):
    """The template at `path` inside `module`'s package, compiled on first use."""
    return Template(ResourceLoader(module).load_unicode(path), engine=_engine())


@functools.cache
def _resource(module, path):
    """A static file's text: a path inside the block's package, or 'package:path' for a shared one
    (puentes_core's Studio form, for instance)."""
    if ":" in path:
        module, path = path.split(":", 1)
    return ResourceLoader(module).load_unicode(path)


def render_template(block, template, context, catalogue=None):
    """`template` (a path inside the block's package) rendered in the block's language."""
    context = {**context, "_i18n_service": catalogue or block_catalogue(block)}
    return compiled_template(block_module(block), template).render(Context(context))


def render_view(block, template, context, css=(), js=(), init_fn=None, init_args=None):
    """A Fragment for `template` (a path inside the block's package) with its static files."""
    module = block_module(block)
    fragment = Fragment(render_template(block, template, context))
    for path in css:
        fragment.add_css(_resource(module, path))
    catalog_url = block.js_catalog_url() if hasattr(block, "js_catalog_url") else None
    if catalog_url:
        fragment.add_javascript_url(catalog_url)
    for path in js:
        fragment.add_javascript(_resource(module, path))
    if init_fn:
        fragment.initialize_js(init_fn, init_args or {})
    return fragment


def marked_as_preview(fragment, note=None):
    """`fragment` headed by a note that it is Studio's preview, where nothing is saved."""
    fragment.content = format_html(
        '<p class="puentes-preview-note" role="note"><strong>{}</strong> {}</p>', _("Preview."),
        note or _("This is what a learner sees; nothing done here is saved.")) + fragment.content
    return fragment
