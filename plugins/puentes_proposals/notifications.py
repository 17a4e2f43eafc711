"""Emails through Django's mail backend: the team hears its proposal was reviewed; tutors hear of new submissions.

Each person gets the message in their own language where the platform knows it (the LMS's `pref-lang`
preference), else the course's, else the language of the request that caused it. Email trouble is
logged, never raised: a review or a submission must not fail because a mail server is down.
"""
import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext as _

from . import rules
from .models import CourseTutor, ProposalVersion, QueueFacts, Review, TeamMembership, TutorAssignment

log = logging.getLogger(__name__)


def _lms_preference(user):
    """The LMS's language preference for `user` (an LMS internal, imported only where it exists)."""
    try:
        from openedx.core.djangoapps.user_api.preferences.api import get_user_preference  # noqa: PLC0415
    except ImportError:
        return None
    try:
        return get_user_preference(user, "pref-lang")
    except Exception:  # noqa: BLE001 - a preference lookup must not stop the email
        log.exception("could not read the language preference of user %s", user.pk)
        return None


def _course_language(course_key):
    try:
        from openedx.core.djangoapps.content.course_overviews.models import CourseOverview  # noqa: PLC0415
    except ImportError:
        return None
    return CourseOverview.objects.filter(id=course_key).values_list("language", flat=True).first()


def language_of(user, course_key=None, fallback=None):
    """The language to write to `user` in: theirs, the course's, the caller's, the site's."""
    return (_lms_preference(user) or (course_key and _course_language(course_key)) or fallback
            or settings.LANGUAGE_CODE)


def _send(user, subject, body):
    if not user.email:
        return
    try:
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])
    except Exception:  # noqa: BLE001 - see the module docstring
        log.exception("could not email %s", user.username)


DECISION_SUBJECTS = {
    rules.REVISION_REQUESTED: lambda: _("Your project proposal: a tutor asks for a revision"),
    rules.APPROVED: lambda: _("Your project proposal was approved"),
    rules.INELIGIBLE: lambda: _("Your project proposal was reviewed"),
}
DECISION_LINES = {
    rules.REVISION_REQUESTED: lambda: _("Your tutor read version {version} of \"{title}\" and asks for a revision. "
                                        "Open the proposal in the course to read the comments, revise it and "
                                        "submit it again."),
    rules.APPROVED: lambda: _("Your tutor approved version {version} of \"{title}\" with {earned} of {possible} "
                              "points. Open the proposal in the course to read the comments and to enter the "
                              "competition."),
    rules.INELIGIBLE: lambda: _("Your tutor found version {version} of \"{title}\" ineligible for the competition. "
                                "Open the proposal in the course to read the reason."),
}


def review_sent(review_id, fallback_language=None):
    """Tell every member of the team that a review was sent, each in their language."""
    review = Review.objects.select_related("version", "proposal").filter(pk=review_id).first()
    if review is None or review.decision not in DECISION_SUBJECTS:
        return
    members = TeamMembership.objects.filter(proposal_id=review.proposal_id).select_related("user")
    fallback = fallback_language or translation.get_language()
    for member in members:
        with translation.override(language_of(member.user, review.proposal.course_key, fallback)):
            title = review.version.title or _("your proposal")
            body = DECISION_LINES[review.decision]().format(
                version=review.version.number, title=title, earned=review.points_earned or 0,
                possible=review.points_possible or 0)
            _send(member.user, DECISION_SUBJECTS[review.decision](), body + "\n\n" + _("The Puentes course team"))


def tutors_to_tell(course_key, facts):
    """Tutors assigned to the proposal's country or cohort (`facts`, its QueueFacts or None); when nobody is,
    every tutor of the course."""
    assigned = TutorAssignment.objects.filter(course_key=course_key)
    if facts:
        matching = [row.user_id for row in assigned if (facts.country and facts.country in row.countries)
                    or (facts.cohort and facts.cohort in row.cohorts)]
        if matching:
            return get_user_model().objects.filter(pk__in=matching, is_active=True)
    tutor_ids = CourseTutor.objects.filter(course_key=course_key).values("user_id")
    return get_user_model().objects.filter(Q(pk__in=tutor_ids), is_active=True)


def submission_waiting(version, facts, fallback_language=None):
    """Tell the tutors that a new version waits for review (`version` and its queue `facts` as the submit
    wrote them, so only the tutors are read)."""
    course_key = version.proposal.course_key
    fallback = fallback_language or translation.get_language()
    for tutor in tutors_to_tell(course_key, facts):
        with translation.override(language_of(tutor, course_key, fallback)):
            subject = _("A project proposal waits for review")
            body = _("Version {version} of \"{title}\" was submitted and waits for a tutor. Open the review "
                     "queue in the course to claim it.").format(version=version.number,
                                                                 title=version.title or _("a proposal"))
            _send(tutor, subject, body + "\n\n" + _("The Puentes course team"))


def tell_tutors_of_version(version_id, fallback_language=None):
    """submission_waiting for a version by id (the task after the submit): the version and its proposal's queue
    facts read back; nothing when the version is gone."""
    version = ProposalVersion.objects.select_related("proposal").only(
        "id", "number", "title", "proposal__course_key").filter(pk=version_id).first()
    if version is not None:
        submission_waiting(version, QueueFacts.objects.filter(proposal_id=version.proposal_id).first(),
                           fallback_language)
