"""A pre/post knowledge check: the same questions before module 1 and at the end of module 11, ungraded,
so a learner (and the course team, in the answers' data) can see what the course changed."""
from pathlib import Path

import pytest
from lxml import etree

from course_content import checks

COURSES = Path(__file__).resolve().parents[2] / "course_content"


def questions(language, name):
    root = etree.parse(str(COURSES / language / "problem" / f"{name}.xml")).getroot()
    found = []
    for response in root.iter("multiplechoiceresponse"):
        group = response.find("choicegroup")
        assert group.get("shuffle") == "true"
        found.append((response.findtext("p"), tuple((c.text, c.get("correct")) for c in group.findall("choice"))))
    return root, found


@pytest.mark.parametrize("language", ["en", "es", "pt"])
def test_the_same_questions_open_and_close_the_course_without_counting(language):
    pre_root, pre = questions(language, "m01_knowledge_pre")
    post_root, post = questions(language, "m11_knowledge_post")
    assert pre == post and len(pre) >= 5
    assert pre_root.get("showanswer") == "never" and post_root.get("showanswer") == "finished"
    tree = [(tag, url) for tag, url, _depth in checks.block_tree(COURSES / language)]
    units = [url for tag, url in tree if tag == "vertical"]
    assert units[0] == "m01_knowledge_pre_unit"  # the first thing a learner meets
    for sequential in ("m01_learn", "m11_learn"):
        node = etree.parse(str(COURSES / language / "sequential" / f"{sequential}.xml")).getroot()
        assert node.get("graded") != "true"  # practice: it never enters the grade
