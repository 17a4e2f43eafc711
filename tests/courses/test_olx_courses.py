"""The three OLX courses: valid for Studio, the same tree, each in its own language, nothing missing."""
import json
from functools import cache
from pathlib import Path

import pytest

from course_content import checks

COURSES = Path(__file__).resolve().parents[2] / "course_content"
LANGUAGES = ("en", "es", "pt")
MIN_WORDS = 15_000


@pytest.mark.parametrize("language", LANGUAGES)
def test_olxcleaner_finds_no_errors(language, tmp_path):
    """The course as `make courses` packs it: its folder plus the built tools its pages link to."""
    from course_content.staging import stage
    assert checks.validate_course(stage(language, tmp_path)) == []


@pytest.mark.parametrize("language", ("es", "pt"))
def test_same_tree_of_blocks_as_english(language):
    english = [(tag, url_name) for tag, url_name, _depth in checks.block_tree(COURSES / "en")]
    other = [(tag, url_name) for tag, url_name, _depth in checks.block_tree(COURSES / language)]
    assert other == english


def test_course_has_every_module_and_the_final_project():
    tree = checks.block_tree(COURSES / "en")
    chapters = [url_name for tag, url_name, _depth in tree if tag == "chapter"]
    assert len(chapters) >= 11
    tags = {tag for tag, _url_name, _depth in tree}
    assert {"puentes_case_study", "puentes_proposal", "puentes_tutor_review", "problem", "discussion"} <= tags
    case_studies = [url for tag, url, _ in tree if tag == "puentes_case_study"]
    assert len(case_studies) >= len(chapters)


@pytest.mark.parametrize("language", LANGUAGES)
def test_course_settings_and_policies(language):
    settings = checks.course_settings(COURSES / language)
    assert settings["language"] == language
    assert settings["start"] and settings["end"] and settings["course_image"]
    modules = settings["advanced_modules"]
    assert set(json.loads(modules) if isinstance(modules, str) else modules) >= set(checks.PACK_BLOCKS)
    policy = checks.grading_policy(COURSES / language)
    weights = [grader["weight"] for grader in policy["GRADER"]]
    assert abs(sum(weights) - 1.0) < 1e-9
    assert {grader["type"] for grader in policy["GRADER"]} == {"Case Study", "Knowledge Check", "Final Project"}
    assert 0 < policy["GRADE_CUTOFFS"]["Pass"] < 1
    for page in ("overview", "short_description", "effort"):
        assert (COURSES / language / "about" / f"{page}.html").read_text(encoding="utf-8").strip()


def test_three_courses_can_live_on_one_site():
    keys = set()
    for language in LANGUAGES:
        pointer, _course = checks.course_root(COURSES / language)
        keys.add((pointer.get("org"), pointer.get("course"), pointer.get("url_name")))
    assert len(keys) == 3


@pytest.mark.parametrize("language", LANGUAGES)
def test_enough_course_text(language):
    assert checks.word_count(COURSES / language) >= MIN_WORDS


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_asset_and_internal_link_exists(language):
    assert checks.missing_references(COURSES / language) == []


@cache
def _detector():
    from lingua import Language, LanguageDetectorBuilder
    return LanguageDetectorBuilder.from_languages(Language.ENGLISH, Language.SPANISH, Language.PORTUGUESE).build()


@pytest.mark.parametrize("language,expected", [("es", "SPANISH"), ("pt", "PORTUGUESE")])
def test_every_text_node_is_in_the_course_language(language, expected):
    """At most 2% of the prose nodes (three words or more) may be detected as another language."""
    nodes = [(where, text) for where, text in checks.text_nodes(COURSES / language) if len(text.split()) >= 3]
    detector = _detector()
    exceptions = []
    for where, text in nodes:
        detected = detector.detect_language_of(text)
        if detected is None or detected.name != expected:
            exceptions.append(f"{where}: {getattr(detected, 'name', None)}: {text[:90]}")
    print(f"\n{language}: {len(nodes)} text nodes, {len(exceptions)} exceptions")
    for line in exceptions:
        print("  " + line)
    assert len(exceptions) <= 0.02 * len(nodes), "\n".join(exceptions)
