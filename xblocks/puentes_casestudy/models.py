"""Private to the app: other code goes through api.py."""
from django.db import models
from django.utils import timezone
from opaque_keys.edx.django.models import CourseKeyField, UsageKeyField


class CaseStudyAnswer(models.Model):
    """One submission of one question of a case by one learner (append-only; attempts stay)."""

    course_key = CourseKeyField(max_length=255, db_index=True)
    usage_key = UsageKeyField(max_length=255)
    anonymous_id = models.CharField(max_length=64)
    question_id = models.CharField(max_length=40)
    attempt = models.PositiveIntegerField(default=1)
    answer = models.JSONField()
    score = models.FloatField()
    submitted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["usage_key", "id"], name="casestudy_answer_block")]
        ordering = ["id"]

    def __str__(self):
        return f"{self.usage_key} {self.anonymous_id} {self.question_id} #{self.attempt}"
