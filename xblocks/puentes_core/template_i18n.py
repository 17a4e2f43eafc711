"""`{% trans %}` and `{% blocktrans %}` for block templates, answered by the block's own catalogue.

xblock.utils' tags (xblock/utils/templatetags/i18n.py, `ProxyTransNode.merge_translation`) merge the
block's catalogue into Django's process-wide translation for every tag and build a fresh
`DjangoTranslation` — a scan of every installed app's locale folder — in every node they compile. These
tags look the string up in the catalogue the render was given (`_i18n_service` in the context, as
`ResourceLoader.render_django_template` names it) and ask Django's translation only for strings the
block's catalogue lacks, so a render changes nothing shared and costs one dictionary lookup per string.
Parsing is Django's own (`do_translate`, `do_block_translate`), so the syntax and `makemessages` agree.
"""
from decimal import Decimal

from django.template import Library, Node, TemplateSyntaxError
from django.template.base import render_value_in_context
from django.templatetags import i18n as django_i18n
from django.utils import translation
from django.utils.safestring import SafeData, SafeString, mark_safe

register = Library()


def translate(catalogue, singular, plural=None, count=None, message_context=None):
    """`singular` (or its plural for `count`) from `catalogue`, else from Django's active translation."""
    if plural is None:
        if message_context:
            found = catalogue.pgettext(message_context, singular) if catalogue else singular
            return found if found != singular else translation.pgettext(message_context, singular)
        found = catalogue.gettext(singular) if catalogue else singular
        return found if found != singular else translation.gettext(singular)
    if message_context:
        found = catalogue.npgettext(message_context, singular, plural, count) if catalogue else None
        return found if found not in (None, singular, plural) else translation.npgettext(
            message_context, singular, plural, count)
    found = catalogue.ngettext(singular, plural, count) if catalogue else None
    return found if found not in (None, singular, plural) else translation.ngettext(singular, plural, count)


class CatalogueTranslateNode(Node):
    """`{% trans "text" %}` (or a variable's value), `noop`, `context` and `as` as in Django."""

    def __init__(self, parsed):
        if parsed.filter_expression.filters:
            raise TemplateSyntaxError("block templates translate plain strings: put filters outside {% trans %}")
        self.variable = parsed.filter_expression.var
        self.noop = parsed.noop
        self.asvar = parsed.asvar
        self.message_context = parsed.message_context

    def render(self, context):
        literal = self.variable.literal
        message = literal if literal is not None else self.variable.resolve(context)
        if not self.noop and message:
            message_context = self.message_context.resolve(context) if self.message_context else None
            translated = translate(context.get("_i18n_service"), str(message), message_context=message_context)
            message = mark_safe(translated) if isinstance(message, SafeData) else translated
        value = render_value_in_context(message, context)
        if self.asvar:
            context[self.asvar] = value
            return ""
        return value


class CatalogueBlockTranslateNode(django_i18n.BlockTranslateNode):
    """`{% blocktrans %}` with `with`, `count`/`plural`, `context`, `trimmed` and `as` as in Django."""

    def render(self, context, nested=False):
        catalogue = None if nested else context.get("_i18n_service")
        message_context = self.message_context.resolve(context) if self.message_context else None
        context.update({name: value.resolve(context) for name, value in self.extra_context.items()})
        singular, names = self.render_token_list(self.singular)
        if self.plural and self.countervar and self.counter:
            count = self.counter.resolve(context)
            if not isinstance(count, (Decimal, float, int)):
                raise TemplateSyntaxError(f"{self.countervar!r} argument to {self.tag_name!r} must be a number")
            context[self.countervar] = count
            plural, plural_names = self.render_token_list(self.plural)
            names += plural_names
            result = translate(catalogue, singular, plural, count, message_context)
        else:
            result = translate(catalogue, singular, message_context=message_context)
        invalid = context.template.engine.string_if_invalid
        values = {name: render_value_in_context(context[name] if name in context else invalid, context)
                  for name in names}
        context.pop()
        try:
            result %= values
        except (KeyError, ValueError):
            if nested:  # the source string itself does not format: a template bug
                raise TemplateSyntaxError(f"{self.tag_name!r} cannot format {result!r} with {values!r}") from None
            with translation.override(None):  # a broken translation: show the source text
                result = self.render(context, nested=True)
        if self.asvar:
            context[self.asvar] = SafeString(result)
            return ""
        return result


@register.tag("trans")
@register.tag("translate")
def trans(parser, token):
    return CatalogueTranslateNode(django_i18n.do_translate(parser, token))


@register.tag("blocktrans")
@register.tag("blocktranslate")
def blocktrans(parser, token):
    parsed = django_i18n.do_block_translate(parser, token)
    return CatalogueBlockTranslateNode(
        parsed.extra_context, parsed.singular, parsed.plural, parsed.countervar, parsed.counter,
        parsed.message_context, parsed.trimmed, parsed.asvar, parsed.tag_name)
