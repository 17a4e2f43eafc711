"""Checks every course must pass before a course team imports it (used by `make courses` and tests)."""
import json
import re
from pathlib import Path

from lxml import etree

PACK_BLOCKS = ["puentes_case_study", "puentes_proposal", "puentes_tutor_review", "puentes_needs_assessment"]
POINTER_TAGS = {"chapter", "sequential", "vertical", "html", "problem"}


def validate_course(course_dir):
    """olxcleaner's findings (the validator Studio runs on import), as readable lines."""
    import olxcleaner

    _course, errorstore, _url_names = olxcleaner.validate(str(course_dir), steps=8, allowed_xblocks=PACK_BLOCKS)
    return [f"{type(error).__name__}: {error.description}" for error in errorstore.errors]


def _load(course_dir, tag, url_name):
    path = Path(course_dir) / tag / f"{url_name}.xml"
    return etree.parse(str(path)).getroot() if path.exists() else None


def course_root(course_dir):
    pointer = etree.parse(str(Path(course_dir) / "course.xml")).getroot()
    return pointer, _load(course_dir, "course", pointer.get("url_name"))


def block_tree(course_dir):
    """(tag, url_name, depth) for every block in course order, pointers followed."""
    rows = []

    def walk(node, depth):
        for child in node:
            if not isinstance(child.tag, str):
                continue
            url_name = child.get("url_name")
            rows.append((child.tag, url_name, depth))
            if child.tag in ("chapter", "sequential", "vertical") and not len(child):
                loaded = _load(course_dir, child.tag, url_name)
                if loaded is not None:
                    walk(loaded, depth + 1)

    _pointer, course = course_root(course_dir)
    walk(course, 0)
    return rows


def html_bodies(course_dir):
    """{url_name: html text} of every html component's body file."""
    bodies = {}
    for pointer in (Path(course_dir) / "html").glob("*.xml"):
        node = etree.parse(str(pointer)).getroot()
        body = Path(course_dir) / "html" / f"{node.get('filename', pointer.stem)}.html"
        if body.exists():
            bodies[pointer.stem] = body.read_text(encoding="utf-8")
    return bodies


def text_nodes(course_dir):
    """Every piece of learner-facing prose: (where, text) with tags stripped, one per element."""
    found = []
    course_dir = Path(course_dir)

    def collect(where, root):
        for element in root.iter():
            if not isinstance(element.tag, str) or element.tag in ("script", "style", "code"):
                continue
            pieces = [element.text or ""] + [child.tail or "" for child in element]
            text = " ".join(" ".join(pieces).split())
            if text:
                found.append((f"{where}/{element.tag}", text))
            for attribute in ("display_name", "label", "alt", "role", "title"):
                if element.get(attribute) and len(element.get(attribute).split()) >= 3:
                    found.append((f"{where}/@{attribute}", element.get(attribute)))

    parser = etree.HTMLParser()
    for name, body in html_bodies(course_dir).items():
        collect(f"html/{name}", etree.fromstring(f"<div>{body}</div>", parser))
    for folder in ("course", "chapter", "sequential", "vertical", "problem", "about"):
        for path in sorted((course_dir / folder).glob("*.*")):
            if path.suffix == ".xml":
                collect(f"{folder}/{path.name}", etree.parse(str(path)).getroot())
            elif path.suffix == ".html":
                collect(f"{folder}/{path.name}", etree.fromstring(f"<div>{path.read_text(encoding='utf-8')}</div>",
                                                                 parser))
    return found


def word_count(course_dir):
    return sum(len(text.split()) for _where, text in text_nodes(course_dir))


STATIC_REF = re.compile(r"""(?:src|href)=["']/static/([^"'#?]+)""")
JUMP_REF = re.compile(r"""href=["']/jump_to_id/([^"'#?/]+)""")


def generated_static(course_dir):
    """Static files `make courses` adds to the course (the working tools), by the course's language."""
    from course_content.tools import texts
    words = texts.for_language(course_settings(course_dir)["language"])
    return {words[tool]["file"] for tool in texts.TOOLS}


def missing_references(course_dir):
    """Static files and internal links referenced by the course that do not exist (or will not be built)."""
    course_dir = Path(course_dir)
    generated = generated_static(course_dir)
    url_names = {url_name for _tag, url_name, _depth in block_tree(course_dir) if url_name}
    missing = []
    texts = [(path, path.read_text(encoding="utf-8")) for path in course_dir.rglob("*")
             if path.suffix in (".xml", ".html") and path.is_file()]
    for path, text in texts:
        for asset in STATIC_REF.findall(text):
            if not (course_dir / "static" / asset).exists() and asset not in generated:
                missing.append(f"{path.relative_to(course_dir)}: /static/{asset}")
        for target in JUMP_REF.findall(text):
            if target not in url_names:
                missing.append(f"{path.relative_to(course_dir)}: /jump_to_id/{target}")
    image = course_settings(course_dir).get("course_image")
    if not image or not (course_dir / "static" / image).exists():
        missing.append(f"course_image {image!r}")
    return missing


def course_settings(course_dir):
    """The course's settings as Studio sees them: course/RUN.xml attributes, then policy.json over them."""
    pointer, course = course_root(course_dir)
    merged = dict(course.attrib)
    policy_file = Path(course_dir) / "policies" / pointer.get("url_name") / "policy.json"
    if policy_file.exists():
        merged.update(json.loads(policy_file.read_text(encoding="utf-8")).get(f"course/{pointer.get('url_name')}", {}))
    return merged


def grading_policy(course_dir):
    files = list(Path(course_dir).glob("policies/*/grading_policy.json"))
    return json.loads(files[0].read_text(encoding="utf-8")) if files else {}
