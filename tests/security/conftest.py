"""Two courses side by side, so every check of 'is this object in the caller's course' can be tried."""
import pytest

from tests.helpers import BlockLoader
from tests.proposals.conftest import COMPLETE_ANSWERS, PDF, SMALL_TEMPLATE, block_xml  # noqa: F401  (shared with the tests)


@pytest.fixture
def other_course():
    from opaque_keys.edx.locator import CourseLocator
    return CourseLocator("OAS", "PUENTES-ES", "2027")


@pytest.fixture
def two_courses(db, course_key, other_course):
    """(loader of the test course, loader of the other course)."""
    return BlockLoader(course_key), BlockLoader(other_course)


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    return tmp_path


# The review tests' people, blocks and submit helper, for the escaping tests.
from tests.awards_jury.conftest import decided, edition, empty_cache, jury  # noqa: E402,F401
from tests.review.conftest import people, proposal_block, review_as, review_block, submit  # noqa: E402,F401
