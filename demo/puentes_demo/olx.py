"""Read units of the OLX courses in course_content/ into the demo runtime.

A vertical file names its components by pointer (`<html url_name=…/>`, `<problem url_name=…/>`) or
holds them inline (the pack's blocks); this resolves the pointers the LMS's importer would, so the
demo parses one self-contained vertical.
"""
import json
from pathlib import Path

from lxml import etree
from opaque_keys.edx.locator import CourseLocator

POINTER_FOLDERS = {"html": "html", "problem": "problem"}


def course_key_of(course_dir):
    root = etree.parse(str(Path(course_dir) / "course.xml")).getroot()
    return CourseLocator(root.get("org"), root.get("course"), root.get("url_name"))


def course_language(course_dir):
    policy_files = list((Path(course_dir) / "policies").glob("*/policy.json"))
    for policy_file in policy_files:
        for values in json.loads(policy_file.read_text(encoding="utf-8")).values():
            if isinstance(values, dict) and values.get("language"):
                return values["language"]
    return "en"


def course_policy(course_dir):
    """The course's advanced settings from policies/<run>/policy.json (the `course/<run>` entry)."""
    root = etree.parse(str(Path(course_dir) / "course.xml")).getroot()
    policy_file = Path(course_dir) / "policies" / root.get("url_name") / "policy.json"
    if not policy_file.exists():
        return {}
    return json.loads(policy_file.read_text(encoding="utf-8")).get(f"course/{root.get('url_name')}", {})


def _resolve_pointer(course_dir, node):
    folder = POINTER_FOLDERS.get(node.tag)
    if not folder or len(node) or node.text:
        return node
    pointer_file = Path(course_dir) / folder / f"{node.get('url_name')}.xml"
    if not pointer_file.exists():
        return node
    resolved = etree.parse(str(pointer_file)).getroot()
    resolved.set("url_name", node.get("url_name"))
    if node.tag == "html":
        body_file = Path(course_dir) / "html" / f"{resolved.get('filename', node.get('url_name'))}.html"
        if body_file.exists():
            resolved.text = body_file.read_text(encoding="utf-8")
    return resolved


def vertical_xml(course_dir, url_name):
    """The vertical `url_name` as one XML string with its components resolved."""
    vertical = etree.parse(str(Path(course_dir) / "vertical" / f"{url_name}.xml")).getroot()
    vertical.set("url_name", url_name)
    for index, child in enumerate(list(vertical)):
        if isinstance(child.tag, str):
            vertical[index] = _resolve_pointer(course_dir, child)
    return etree.tostring(vertical, encoding="unicode")


def chapter_title(course_dir, vertical_url_name):
    """The display name of the chapter holding a vertical, for the landing page."""
    course_dir = Path(course_dir)
    for sequential_file in (course_dir / "sequential").glob("*.xml"):
        sequential = etree.parse(str(sequential_file)).getroot()
        if any(child.get("url_name") == vertical_url_name for child in sequential):
            for chapter_file in (course_dir / "chapter").glob("*.xml"):
                chapter = etree.parse(str(chapter_file)).getroot()
                if any(child.get("url_name") == sequential_file.stem for child in chapter):
                    return chapter.get("display_name", "")
    return ""
