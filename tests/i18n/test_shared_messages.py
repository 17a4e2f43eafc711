"""The shared handler errors (puentes_core) reach the learner in their language, from any block."""
import pytest
from django.utils import translation

from puentes_casestudy.scenarios import scenarios
from tests.helpers import post_json

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language,expected", [
    ("en", "The request is not valid JSON."),
    ("es-419", "La solicitud no es un JSON válido."),
    ("pt-br", "A solicitação não é um JSON válido."),
])
def test_malformed_json_is_refused_in_the_learners_language(load_block, make_user, course_key, language, expected):
    usage_id = load_block.parse(scenarios()[0][1])
    block = load_block.block(usage_id, make_user("ana", course_key=course_key))
    with translation.override(language):
        status, body = post_json(block, "submit_answer", raw=b"{not json")
    assert status == 400
    assert body["error"] == expected
