"""Where `runtime.publish` goes in the demo: a table the tests and the demo pages can read.

As the LMS's EventPublishingService (xmodule/services.py) and the completion app behind it: a grade is
recorded, and (completion/handlers.py scorable_block_completion) marks the block complete, 1.0, unless
its class declares `has_custom_completion`; a `completion` event goes to the completion service.
"""
from xblock.completable import XBlockCompletionMode

from .models import PublishedEvent


def record_event(runtime, block, event_type, event_data):
    user_id = runtime.django_user_id
    if isinstance(event_data, dict):
        user_id = event_data.get("user_id", user_id)  # the LMS honours a user_id key (a tutor's score)
    PublishedEvent.objects.create(
        user_id=user_id, usage_id=str(block.scope_ids.usage_id), event_type=event_type,
        data=event_data if isinstance(event_data, dict) else {"value": event_data},
    )


def publish(runtime, block, event_type, event_data):
    record_event(runtime, block, event_type, event_data)
    if event_type == "grade" and _completes_on_grade(block) and not (event_data or {}).get("grader_response"):
        completion = 0.0 if (event_data or {}).get("score_deleted") else 1.0
        record_event(runtime, block, "completion", {"completion": completion})


def _completes_on_grade(block):
    block_class = getattr(type(block), "unmixed_class", type(block))
    return XBlockCompletionMode.get_mode(block_class) == XBlockCompletionMode.COMPLETABLE \
        and not getattr(block_class, "has_custom_completion", False)


class CompletionService:
    """completion/services.py CompletionService, for a signed-in user: completions are `completion` events."""

    def __init__(self, user_id):
        self.user_id = user_id

    @staticmethod
    def completion_tracking_enabled():
        return True

    def submit_completion(self, block_key, completion):
        PublishedEvent.objects.create(user_id=self.user_id, usage_id=str(block_key), event_type="completion",
                                      data={"completion": completion})

    @staticmethod
    def submit_group_completion(block_key, completion, users=None, user_ids=None):
        ids = sorted({*(user.id for user in users or ()), *(user_ids or ())})
        PublishedEvent.objects.bulk_create([
            PublishedEvent(user_id=user_id, usage_id=str(block_key), event_type="completion",
                           data={"completion": completion}) for user_id in ids])
