"""Open edX teams for the proposal block: with a team-set chosen in Studio, the learner's team is their
Open edX team in it, read through the XBlock `teams` and `teams_configuration` services as ORA2 team
assignments read them (openedx/edx-ora2 `openassessment/xblock/team_mixin.py`).

The platform's services (openedx-platform `lms/djangoapps/teams/services.py`): `get_team(user,
course_id, teamset_id)` is the team or None; `get_anonymous_user_ids_for_team(user, team)` answers
a member (or course staff) with every member's id, sorted, and raises for anyone else;
`get_team_detail_url(team)` is the team's page in the Teams tab. The Django user they want comes from
the user service's `get_user_by_anonymous_id()` (the current user when called without an id).
"""
from dataclasses import dataclass

from xblock.exceptions import NoSuchServiceError

from puentes_proposals import api


@dataclass(frozen=True)
class PlatformTeam:
    team_id: str
    name: str
    url: str
    members: tuple      # ((user id, username, full name), …) in the platform's order
    platform_team: object = None   # the platform's CourseTeam, for the teams service's other calls


class PlatformTeamsMixin:
    """Reading the course's team-sets and the learner's Open edX team."""

    def _service_or_none(self, name):
        try:
            return self.runtime.service(self, name)
        except NoSuchServiceError:
            return None

    def course_teamsets(self):
        """[(team-set id, name)] of this course, for Studio's choice; [] where the runtime has no teams."""
        service = self._service_or_none("teams_configuration")
        if service is None:
            return []
        configuration = service.get_teams_configuration(self.course_key)
        return [(teamset.teamset_id, teamset.name) for teamset in configuration.teamsets]

    def teamset_name(self):
        return dict(self.course_teamsets()).get(self.teamset_id, self.teamset_id)

    def teams_tab_url(self):
        """The course's Teams tab, at this team-set (the LMS's teams dashboard and its `topics/<id>` route)."""
        return f"/courses/{self.course_key}/teams/#topics/{self.teamset_id}"

    def _django_user(self):
        return self.runtime.service(self, "user").get_user_by_anonymous_id()

    def platform_team(self):
        """The current learner's Open edX team in the block's team-set, or None."""
        teams = self._service_or_none("teams")
        user = self._django_user() if teams else None
        if user is None:
            return None
        team = teams.get_team(user, str(self.course_key), self.teamset_id)
        if team is None:
            return None
        members = tuple((member.pk, member.username, member.get_full_name() or member.username)
                        for member in team.users.all())
        return PlatformTeam(team_id=team.team_id, name=team.name, url=teams.get_team_detail_url(team),
                            members=members, platform_team=team)

    def team_anonymous_ids(self, team):
        """Every member's anonymous id, asked of the teams service as a member of the team."""
        return self.runtime.service(self, "teams").get_anonymous_user_ids_for_team(self._django_user(),
                                                                                  team.platform_team)

    def team_proposal(self, user, team):
        """The team's proposal with its members brought up to date with the platform's team (or None)."""
        proposal = api.proposal_for_team(self.block_key, team.team_id)
        if proposal is None:
            return None
        if api.sync_team(proposal.proposal_id, [member[0] for member in team.members], user.user_id,
                         user.anonymous_id):
            proposal = api.get_proposal(proposal.proposal_id)
        return proposal
