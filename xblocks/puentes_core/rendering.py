"""Render a block's view: a Django template, its CSS and JS, its JS strings and init arguments."""
from web_fragments.fragment import Fragment
from xblock.utils.resources import ResourceLoader

from .i18n import block_catalogue


def block_module(block):
    """The module that defines the block's class; runtimes render a subclass mixed in `xblock.core`."""
    return getattr(type(block), "unmixed_class", type(block)).__module__


def _resource(loader, path):
    """A static file's text: a path inside the block's package, or 'package:path' for a shared one
    (puentes_core's Studio form, for instance)."""
    if ":" in path:
        package, path = path.split(":", 1)
        return ResourceLoader(package).load_unicode(path)
    return loader.load_unicode(path)


def render_view(block, template, context, css=(), js=(), init_fn=None, init_args=None):
    """A Fragment for `template` (a path inside the block's package) with its static files."""
    loader = ResourceLoader(block_module(block))
    html = loader.render_django_template(template, context=dict(context), i18n_service=block_catalogue(block))
    fragment = Fragment(html)
    for path in css:
        fragment.add_css(_resource(loader, path))
    catalog_url = block.js_catalog_url() if hasattr(block, "js_catalog_url") else None
    if catalog_url:
        fragment.add_javascript_url(catalog_url)
    for path in js:
        fragment.add_javascript(_resource(loader, path))
    if init_fn:
        fragment.initialize_js(init_fn, init_args or {})
    return fragment
