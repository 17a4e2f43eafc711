"""What the demo site stores beyond the plugin apps: XBlock field state, course roles, the units it shows."""
from django.conf import settings
from django.db import models


class FieldState(models.Model):
    """All fields of one block in one scope for one user (or none), as a JSON object.

    One row per (scope, block, user) keeps a page's reads to a handful of queries, which is closer
    to the LMS's StudentModule than one row per field would be.
    """

    scope = models.CharField(max_length=40)
    scope_id = models.CharField(max_length=255)
    user_id = models.CharField(max_length=64, blank=True, default="")
    state = models.JSONField(default=dict)

    class Meta:
        unique_together = [("scope", "scope_id", "user_id")]

    def __str__(self):
        return f"{self.scope} {self.scope_id} {self.user_id}"


class CourseRole(models.Model):
    """The LMS course role the `user` service reports: student, staff or instructor."""

    ROLES = [("student", "student"), ("staff", "staff"), ("instructor", "instructor")]
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    course_key = models.CharField(max_length=255)
    role = models.CharField(max_length=20, choices=ROLES, default="student")

    class Meta:
        unique_together = [("user", "course_key")]


class CohortMembership(models.Model):
    """A learner's cohort in a course and the content group it is linked to (the platform's CohortMembership
    and CourseUserGroupPartitionGroup, openedx/core/djangoapps/course_groups/models.py), for group_access."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    course_key = models.CharField(max_length=255)
    name = models.CharField(max_length=255)
    partition_id = models.IntegerField(null=True, blank=True)
    group_id = models.IntegerField(null=True, blank=True)

    class Meta:
        unique_together = [("user", "course_key")]  # one cohort per learner and course, as the platform


class DemoUnit(models.Model):
    """A unit the landing page links to: a vertical of one of the three courses, or a block gallery."""

    course_key = models.CharField(max_length=255)
    language = models.CharField(max_length=10)
    position = models.PositiveIntegerField()
    section = models.CharField(max_length=255)
    title = models.CharField(max_length=255)
    usage_id = models.CharField(max_length=255, unique=True)
    audience = models.CharField(max_length=20, default="learner")  # learner, tutor, staff

    class Meta:
        ordering = ["language", "position"]


class PublishedEvent(models.Model):
    """What blocks publish through the runtime (grades, completion, tracking), as the LMS would receive it."""

    user_id = models.IntegerField(null=True)
    usage_id = models.CharField(max_length=255, db_index=True)
    event_type = models.CharField(max_length=100)
    data = models.JSONField(default=dict)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]


# --- The platform's course teams, as the demo and the tests need them (lms/djangoapps/teams/models.py) ---

class CourseTeamsSetting(models.Model):
    """A course's advanced setting `teams_configuration` (Studio: Pages & Resources → Teams), as JSON."""

    course_key = models.CharField(max_length=255, unique=True)
    teams_configuration = models.JSONField(default=dict)


class CourseTeam(models.Model):
    """An Open edX team: `team_id` is global, `topic_id` is its team-set."""

    team_id = models.SlugField(max_length=255, unique=True)
    name = models.CharField(max_length=255)
    course_id = models.CharField(max_length=255, db_index=True)
    topic_id = models.CharField(max_length=255, blank=True, default="", db_index=True)
    description = models.CharField(max_length=300, blank=True, default="")
    users = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="demo_teams",
                                   through="CourseTeamMembership")

    def __str__(self):
        return f"{self.name} in {self.course_id}"


class CourseTeamMembership(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    team = models.ForeignKey(CourseTeam, related_name="membership", on_delete=models.CASCADE)
    date_joined = models.DateTimeField(auto_now_add=True)

    class Meta:
        unique_together = [("user", "team")]
