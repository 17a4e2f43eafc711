"""The demo's Teams tab: the course's team-sets and teams, where a learner joins or leaves a team (as in
the LMS Teams tab), so the proposal block's team changes can be shown. Enrolled learners only."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from opaque_keys import InvalidKeyError
from opaque_keys.edx.keys import CourseKey

from . import teams
from .models import CourseRole, CourseTeam, DemoUnit

REFUSALS = {
    "already_on_team_in_teamset": lambda: _("You are already in a team of this team-set: leave it first."),
    "team_full": lambda: _("This team is full."),
    "not_enrolled": lambda: _("Only learners enrolled in the course join its teams."),
}


def _course_or_404(request, course_id):
    try:
        course_key = CourseKey.from_string(course_id)
    except InvalidKeyError:
        raise Http404(_("No such course.")) from None
    if not CourseRole.objects.filter(user=request.user, course_key=str(course_key)).exists():
        raise Http404(_("No such course."))
    return course_key


@login_required
def teams_tab(request, course_id):
    course_key = _course_or_404(request, course_id)
    configuration = teams.TeamsConfigurationService().get_teams_configuration(course_key)
    by_teamset = {}
    for team in CourseTeam.objects.filter(course_id=str(course_key)).prefetch_related("users").order_by("name"):
        by_teamset.setdefault(team.topic_id, []).append(
            {"team": team, "members": list(team.users.all()), "mine": request.user in team.users.all()})
    teamsets = [{"teamset": teamset, "teams": by_teamset.get(teamset.teamset_id, [])}
                for teamset in configuration.teamsets]
    proposal_unit = DemoUnit.objects.filter(course_key=str(course_key), usage_id__endswith="m11_proposal_unit").first()
    return render(request, "demo/teams.html", {"course_key": course_key, "teamsets": teamsets,
                                               "proposal_unit": proposal_unit})


@login_required
@require_POST
def change_team(request, course_id, team_id):
    course_key = _course_or_404(request, course_id)
    team = CourseTeam.objects.filter(course_id=str(course_key), team_id=team_id).first()
    if team is None:
        raise Http404(_("No such team."))
    try:
        if request.POST.get("action") == "leave":
            teams.leave_team(request.user, team)
            messages.info(request, _("You left %(team)s.") % {"team": team.name})
        else:
            teams.join_team(request.user, team)
            messages.info(request, _("You joined %(team)s.") % {"team": team.name})
    except teams.TeamsTabError as refused:
        messages.error(request, REFUSALS[str(refused)]())
    return redirect(f"{reverse('demo:teams', args=[str(course_key)])}#teams/{team.topic_id}/{team.team_id}")
