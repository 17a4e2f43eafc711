"""What one case-study submit costs the database through the LMS-shaped runtime: the block's rows read once,
the role once, then the four writes (the answer log, the grade, the completion, the learner's state).

The LMS reads a block's state in one go before its handler runs (lms/djangoapps/courseware/block_render.py
get_block_by_usage_id: FieldDataCache.cache_for_descriptor_descendents) and keeps a user's roles for the
request (common/djangoapps/student/roles.py RoleCache); the demo runtime does the same per runtime.
"""
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.helpers import post_json

pytestmark = pytest.mark.django_db


def statements(operation):
    with CaptureQueriesContext(connection) as captured:
        result = operation()
    return [query["sql"] for query in captured.captured_queries], result


def test_a_submit_reads_the_block_once_and_writes_each_thing_once(load_block, case_id, learner):
    post_json(load_block.block(case_id, learner), "submit_answer", {"question": "q1", "answer": "b"})
    built, block = statements(lambda: load_block.block(case_id, learner))
    # The role, then the block's rows (content, settings, parent, the learner's state) in one read. Before
    # issue 19: the role twice here and once more in the handler, and one read per scope (four).
    assert len(built) == 2, "\n".join(built)
    handled, (status, body) = statements(lambda: post_json(block, "submit_answer", {"question": "q1", "answer": "a"}))
    assert status == 200 and body["earned"] == 1.0 and body["total"]["earned"] == 1.0
    writes = [" ".join(re.match(r'(\w+) (?:INTO )?["`](\w+)', sql).groups()) for sql in handled]
    assert writes == ["INSERT puentes_casestudy_casestudyanswer", "INSERT puentes_demo_publishedevent",
                      "INSERT puentes_demo_publishedevent", "UPDATE puentes_demo_fieldstate"], "\n".join(handled)
