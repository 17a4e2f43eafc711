"""The sample questionnaire, loaded through the demo's LMS-shaped runtime, in the three course languages."""
import importlib.resources

import pytest
from opaque_keys.edx.locator import CourseLocator

SAMPLE = (importlib.resources.files("puentes_needs_assessment") / "default_content" / "sample_en.xml").read_text()
COURSES = {lang: CourseLocator("OAS", f"PUENTES-{lang.upper()}", "2027") for lang in ("en", "es", "pt")}

COMPLETE = {"POPULATION": 250000, "HAS_OFFICE": "yes", "OFFICE_STAFF": 4, "GROUPS": ["women_girls", "children"],
            "GOV_COORD": 2, "PROT_HEALTH": 3, "MAIN_NEED": "Interpreters in the health centres."}


@pytest.fixture
def sample_id(load_block):
    return load_block.parse(SAMPLE)


@pytest.fixture
def learner(make_user, course_key):
    return make_user("ana", "student", course_key)


@pytest.fixture
def staff(make_user, course_key):
    return make_user("diego", "staff", course_key)
