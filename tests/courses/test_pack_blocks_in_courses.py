"""Every pack block written in the three courses parses into its XBlock class and renders."""
from pathlib import Path

import pytest
from django.utils import translation
from lxml import etree
from xblock.core import XBlock

from course_content import checks
from puentes_demo import olx
from tests.helpers import BlockLoader

COURSES = Path(__file__).resolve().parents[2] / "course_content"
DJANGO_LANGUAGE = {"en": "en", "es": "es-419", "pt": "pt-br"}


def pack_units():
    for language in ("en", "es", "pt"):
        for tag, url_name, _depth in checks.block_tree(COURSES / language):
            if tag != "vertical":
                continue
            vertical = etree.parse(str(COURSES / language / "vertical" / f"{url_name}.xml")).getroot()
            tags = {child.tag for child in vertical if isinstance(child.tag, str)} & set(checks.PACK_BLOCKS)
            if tags:
                yield pytest.param(language, url_name, id=f"{language}-{url_name}")


@pytest.mark.django_db
@pytest.mark.parametrize("language,url_name", list(pack_units()))
def test_pack_block_parses_and_renders(language, url_name, make_user):
    course_dir = COURSES / language
    course_key = olx.course_key_of(course_dir)
    loader = BlockLoader(course_key)
    with translation.override(DJANGO_LANGUAGE[language]):
        vertical = loader.block(loader.parse(olx.vertical_xml(course_dir, url_name)))
        for child_id in vertical.children:
            child = vertical.runtime.get_block(child_id)
            if child.scope_ids.block_type not in checks.PACK_BLOCKS:
                continue
            assert isinstance(child, XBlock.load_class(child.scope_ids.block_type))
            for role in ("student", "staff"):
                user = make_user(f"course_{role}", role=role, course_key=course_key)
                block = loader.block(child_id, user)
                html = block.render("student_view", {}).body_html()
                assert html.strip(), f"{child_id} rendered nothing for {role}"
