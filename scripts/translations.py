"""`make translations`: extract, merge and compile every module's gettext catalogues.

Source catalogues (what translators and atlas work on) follow OEP-58:
    translations/<module>/conf/locale/<locale>/LC_MESSAGES/{django,djangojs}.po
Compiled catalogues ship inside each package, where the platform reads them:
    XBlocks:      <module>/translations/<locale>/LC_MESSAGES/text.mo  (the XBlock i18n service)
                  <module>/public/js/translations/<locale>/text.js    (the block's i18n_js_namespace)
    Django apps:  <module>/locale/<locale>/LC_MESSAGES/{django,djangojs}.mo, and the same under the
                  bare language (locale/es, locale/pt): Django looks up es_MX, then es, so every Spanish
                  and Portuguese the LMS offers (es-mx, es-ar, pt-pt, ...) finds a catalogue.

Usage: python scripts/translations.py [--compile-only] [module ...]
"""
import argparse
import gettext
import json
import os
import re
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
LOCALES = ("es_419", "pt_BR")
# The bare language each shipped locale also answers for (puentes_core.i18n does the same for blocks).
BARE_LANGUAGE = {"es_419": "es", "pt_BR": "pt"}
PLURAL_FORMS = "nplurals=2; plural=(n != 1);"
# Compiled catalogues and tests hold no strings to translate.
IGNORED = ["tests/*", "migrations/*", "public/js/translations/*", "locale", "translations"]
SOURCE_ROOTS = {"xblocks": "xblock", "plugins": "app", "demo": "app"}


def modules():
    """{name: (source folder, kind)} for every package that can hold strings."""
    found = {}
    for root, kind in SOURCE_ROOTS.items():
        for init in sorted((REPO / root).glob("*/__init__.py")):
            found[init.parent.name] = (init.parent, kind)
    return found


def catalogue_dir(module):
    return REPO / "translations" / module / "conf" / "locale"


def extract(module, source):
    """Run Django's makemessages over one module, writing into its OEP-58 folder."""
    from django.core.management import call_command
    from django.core.management.commands import makemessages

    # Fuzzy guesses read as translations to nobody; ask for real ones instead.
    makemessages.Command.msgmerge_options = ["-q", "--backup=none", "--previous", "--update", "--no-fuzzy-matching"]
    workdir = REPO / "translations" / module
    catalogue_dir(module).mkdir(parents=True, exist_ok=True)
    link = workdir / "src"
    if link.is_symlink() or link.exists():
        link.unlink()
    link.symlink_to(os.path.relpath(source, workdir))
    here = os.getcwd()
    try:
        os.chdir(workdir)
        for domain, extensions in (("django", ["html", "txt", "py"]), ("djangojs", ["js"])):
            has_sources = any(source.rglob(f"*.{ext}") for ext in extensions)
            if has_sources:
                call_command("makemessages", locale=list(LOCALES), domain=domain, extensions=extensions,
                             symlinks=True, no_obsolete=True, add_location="file", verbosity=0,
                             ignore_patterns=IGNORED)
    finally:
        os.chdir(here)
        link.unlink()
    for po in catalogue_dir(module).glob("*/LC_MESSAGES/*.po"):
        fix_header(po)


def fix_header(po):
    """makemessages leaves Language and Plural-Forms empty; fill them so msgfmt and ngettext work."""
    text = po.read_text(encoding="utf-8")
    locale = po.parent.parent.name
    text = re.sub(r'"Language: [^"]*\\n"', f'"Language: {locale}\\\\n"', text, count=1)
    if '"Plural-Forms:' in text:
        text = re.sub(r'"Plural-Forms: [^"]*\\n"', f'"Plural-Forms: {PLURAL_FORMS}\\\\n"', text, count=1)
    else:
        text = text.replace('"Content-Transfer-Encoding: 8bit\\n"\n',
                            f'"Content-Transfer-Encoding: 8bit\\n"\n"Plural-Forms: {PLURAL_FORMS}\\n"\n', 1)
    # A date that changes on every run would make every extraction a diff.
    text = re.sub(r'^"POT-Creation-Date: [^"]*"\n', "", text, count=1, flags=re.M)
    text = text.replace("Project-Id-Version: PACKAGE VERSION", "Project-Id-Version: puentes")
    text = text.replace("charset=CHARSET", "charset=UTF-8")
    text = re.sub(r"^#, fuzzy\n(?=msgid \"\"\n)", "", text, count=1, flags=re.M)
    po.write_text(text, encoding="utf-8")


def msgfmt(po, mo):
    mo.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(["msgfmt", "--check-format", "-o", str(mo), str(po)], check=True)


def js_namespace(source):
    for path in source.rglob("*.py"):
        match = re.search(r'i18n_js_namespace\s*=\s*["\']([A-Za-z0-9_]+)["\']', path.read_text(encoding="utf-8"))
        if match:
            return match.group(1)
    return None


def js_catalogue(mo, namespace):
    """A small script defining window.<namespace> with gettext/ngettext/interpolate over the catalogue."""
    with open(mo, "rb") as handle:
        catalog = gettext.GNUTranslations(handle)._catalog
    messages, plurals = {}, {}
    for key, value in catalog.items():
        if key == "" or not value:
            continue
        if isinstance(key, tuple):
            plurals.setdefault(key[0], {})[key[1]] = value
        else:
            messages[key] = value
    for msgid, forms in plurals.items():
        messages[msgid] = [forms[index] for index in sorted(forms)]
    body = json.dumps(messages, ensure_ascii=False, sort_keys=True, indent=0)
    return (
        "/* Generated by scripts/translations.py: do not edit. */\n"
        "(function (global) {\n"
        f"  var catalog = {body};\n"
        "  function pick(id, plural, n) {\n"
        "    var value = catalog[id];\n"
        "    if (Array.isArray(value)) { return value[n === 1 ? 0 : 1] || (n === 1 ? id : plural); }\n"
        "    return value || (n === 1 || plural === undefined ? id : plural);\n"
        "  }\n"
        f"  global.{namespace} = {{\n"
        "    gettext: function (id) { return pick(id); },\n"
        "    ngettext: function (id, plural, n) { return pick(id, plural, n); },\n"
        "    interpolate: function (text, values, named) {\n"
        "      return named ? text.replace(/%\\(\\w+\\)s/g, function (m) { return String(values[m.slice(2, -2)]); })\n"
        "                   : text.replace(/%s/g, function () { return String(values.shift()); });\n"
        "    }\n"
        "  };\n"
        "})(window);\n"
    )


def compile_module(module, source, kind):
    for locale in LOCALES:
        messages = catalogue_dir(module) / locale / "LC_MESSAGES"
        django_po, js_po = messages / "django.po", messages / "djangojs.po"
        if django_po.exists():
            for folder in (locale, BARE_LANGUAGE[locale]):
                msgfmt(django_po, source / "locale" / folder / "LC_MESSAGES" / "django.mo")
            if kind == "xblock":
                msgfmt(django_po, source / "translations" / locale / "LC_MESSAGES" / "text.mo")
        if js_po.exists():
            js_mo = source / "locale" / locale / "LC_MESSAGES" / "djangojs.mo"
            msgfmt(js_po, js_mo)
            msgfmt(js_po, source / "locale" / BARE_LANGUAGE[locale] / "LC_MESSAGES" / "djangojs.mo")
            namespace = js_namespace(source)
            if kind == "xblock" and namespace:
                target = source / "public" / "js" / "translations" / locale / "text.js"
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(js_catalogue(js_mo, namespace), encoding="utf-8")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--compile-only", action="store_true")
    parser.add_argument("module", nargs="*")
    args = parser.parse_args()
    # Bare settings: makemessages must not write into any project's LOCALE_PATHS.
    from django.conf import settings
    settings.configure(USE_I18N=True)
    import django
    django.setup()
    selected = modules()
    if args.module:
        unknown = set(args.module) - set(selected)
        if unknown:
            parser.error(f"no such module: {', '.join(sorted(unknown))}")
        selected = {name: selected[name] for name in args.module}
    for module, (source, kind) in selected.items():
        if not args.compile_only:
            extract(module, source)
        compile_module(module, source, kind)
        print(f"{module}: catalogues in {catalogue_dir(module).relative_to(REPO)}")


if __name__ == "__main__":
    main()
