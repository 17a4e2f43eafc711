"""The platform's course teams for the demo and the tests: the XBlock `teams` and `teams_configuration`
services, and the Teams tab's join and leave, answering as the LMS does.

Read against openedx-platform: `lms/djangoapps/teams/services.py` (TeamsService: get_team,
get_team_by_team_id, get_team_names, get_team_detail_url, get_anonymous_user_ids_for_team),
`lms/djangoapps/teams/api.py` (get_team_for_user_course_topic: a course id that is not a key is a
ValueError, no team is None; anonymous_user_ids_for_team: refuses anyone who is neither course staff
nor a member, returns the ids sorted), `lms/djangoapps/teams/models.py` (CourseTeam.add_user: one team
per team-set), `xmodule/services.py` (TeamsConfigurationService.get_teams_configuration) and
`openedx/core/lib/teams_config.py` (TeamsConfig, TeamsetConfig). Written from reading, not copied.
"""
import re
from enum import Enum
from functools import cached_property

from django.db import transaction
from django.urls import reverse
from django.utils.text import slugify
from opaque_keys import InvalidKeyError
from opaque_keys.edx.keys import CourseKey

from .models import CourseRole, CourseTeam, CourseTeamMembership, CourseTeamsSetting
from .runtime import anonymous_id_for

DEFAULT_MAX_TEAM_SIZE = 50      # the platform's DEFAULT_COURSE_RUN_MAX_TEAM_SIZE
MANAGED_MAX_TEAM_SIZE = 200     # MANAGED_TEAM_MAX_TEAM_SIZE: managed team-sets are not limited in practice


class TeamsetType(Enum):
    open = "open"
    public_managed = "public_managed"
    private_managed = "private_managed"
    open_managed = "open_managed"


def _text(value):
    return str(value) if isinstance(value, (int, str)) else ""


def _size(value):
    return value if isinstance(value, int) and value >= 0 else None


class TeamsetConfig:
    """One team-set of a course's teams configuration; ill-formed values fall back as the platform's do."""

    ID = re.compile(r"^[A-Za-z0-9_. -]+$")

    def __init__(self, data):
        self._data = data if isinstance(data, dict) else {}

    @cached_property
    def teamset_id(self):
        value = _text(self._data.get("id"))
        return value if self.ID.match(value) else ""

    @cached_property
    def name(self):
        return _text(self._data.get("name")) or self.teamset_id

    @cached_property
    def description(self):
        return _text(self._data.get("description"))

    @cached_property
    def max_team_size(self):
        return _size(self._data.get("max_team_size"))

    @cached_property
    def teamset_type(self):
        try:
            return TeamsetType(self._data["type"])
        except (KeyError, ValueError):
            return TeamsetType.open

    def __str__(self):
        return self.name


class TeamsConfig:
    """A course's `teams_configuration`: team-sets under `team_sets` (or the older `topics`)."""

    def __init__(self, data):
        self._data = data if isinstance(data, dict) else {}

    @cached_property
    def teamsets(self):
        raw = self._data.get("team_sets", self._data.get("topics", []))
        if not isinstance(raw, list):
            return []
        seen, good = set(), []
        for teamset in map(TeamsetConfig, raw):
            if teamset.teamset_id and teamset.teamset_id not in seen:
                seen.add(teamset.teamset_id)
                good.append(teamset)
        return good

    @cached_property
    def teamsets_by_id(self):
        return {teamset.teamset_id: teamset for teamset in self.teamsets}

    @property
    def is_enabled(self):
        enabled = self._data.get("enabled")
        return bool(self.teamsets) if enabled is None else enabled

    @cached_property
    def default_max_team_size(self):
        return _size(self._data.get("max_team_size")) or DEFAULT_MAX_TEAM_SIZE

    def calc_max_team_size(self, teamset_id):
        try:
            teamset = self.teamsets_by_id[teamset_id]
        except KeyError:
            raise ValueError(f"Team-set {teamset_id!r} does not exist.") from None
        if teamset.teamset_type != TeamsetType.open:
            return MANAGED_MAX_TEAM_SIZE
        return teamset.max_team_size or self.default_max_team_size


def _course_key(course_id):
    try:
        return CourseKey.from_string(str(course_id))
    except InvalidKeyError:
        raise ValueError(f"The supplied course id {course_id} is not valid.") from None


def is_course_staff(user, course_key):
    """The platform's has_course_staff_privileges: global staff, or a staff/instructor role in the course."""
    return user.is_staff or CourseRole.objects.filter(user=user, course_key=str(course_key),
                                                      role__in=("staff", "instructor")).exists()


class TeamsConfigurationService:
    """`teams_configuration`: the course's TeamsConfig (the platform reads the course from the modulestore,
    once per service instance)."""

    def __init__(self):
        self._configuration = None

    def get_teams_configuration(self, course_id):
        if self._configuration is None:
            row = CourseTeamsSetting.objects.filter(course_key=str(course_id)).first()
            self._configuration = TeamsConfig(row.teams_configuration if row else {})
        return self._configuration


class TeamsService:
    """`teams`: the learner's team in a team-set, its members' anonymous ids, the team's page."""

    def get_team(self, user, course_id, teamset_id):
        course_key = _course_key(course_id)
        return CourseTeam.objects.filter(course_id=str(course_key), topic_id=teamset_id,
                                         membership__user__username=user.username).first()

    def get_team_by_team_id(self, team_id):
        return CourseTeam.objects.filter(team_id=team_id).first()

    def get_team_names(self, course_id, teamset_id):
        return dict(CourseTeam.objects.filter(course_id=str(_course_key(course_id)), topic_id=teamset_id)
                    .values_list("team_id", "name"))

    def get_team_detail_url(self, team):
        return f"{reverse('demo:teams', args=[team.course_id])}#teams/{team.topic_id}/{team.team_id}"

    def get_anonymous_user_ids_for_team(self, user, team):
        if not user or not team:
            raise Exception("User and team must be provided for ID lookup")  # noqa: TRY002 - as the platform
        if not is_course_staff(user, team.course_id) and not team.users.filter(pk=user.pk).exists():
            raise Exception(f"User {user.username} is not permitted to access team info for {team.team_id}")  # noqa: TRY002
        return sorted(anonymous_id_for(member.pk, CourseKey.from_string(team.course_id))
                      for member in team.users.all())


# --- The Teams tab (the LMS's teams views), so the demo can show a team change -------------------------

class TeamsTabError(ValueError):
    """What the Teams tab refuses, with the reason as a code."""


def create_team(course_key, teamset_id, name, description=""):
    team_id = f"{slugify(name)[:20]}-{CourseTeam.objects.count() + 1}"
    return CourseTeam.objects.create(team_id=team_id, name=name, course_id=str(course_key), topic_id=teamset_id,
                                     description=description)


def join_team(user, team):
    """Enrolled, one team per team-set, no more members than the team-set allows (CourseTeam.add_user)."""
    configuration = TeamsConfigurationService().get_teams_configuration(team.course_id)
    with transaction.atomic():
        if not CourseRole.objects.filter(user=user, course_key=team.course_id).exists():
            raise TeamsTabError("not_enrolled")   # the demo's enrolment is a course role
        if CourseTeamMembership.objects.filter(user=user, team__course_id=team.course_id,
                                               team__topic_id=team.topic_id).exists():
            raise TeamsTabError("already_on_team_in_teamset")
        if team.membership.count() >= configuration.calc_max_team_size(team.topic_id):
            raise TeamsTabError("team_full")
        CourseTeamMembership.objects.create(user=user, team=team)


def leave_team(user, team):
    CourseTeamMembership.objects.filter(user=user, team=team).delete()
