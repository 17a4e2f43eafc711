"""Tell a team, in its course's language, that its proposal could not enter the competition and why."""
import logging

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from .eligibility import describe

log = logging.getLogger(__name__)


def tell_team_ineligible(entry):
    recipients = sorted({member.get("email") for member in entry.team if member.get("email")})
    if not recipients:
        log.warning("Entry %s is not eligible and its team has no e-mail address to tell", entry.uuid)
        return 0
    with translation.override(entry.language):
        subject = _("Your project could not enter {edition}").format(edition=entry.edition.name)
        body = render_to_string("puentes_awards/email/ineligible.txt", {
            "entry": entry, "edition": entry.edition, "reasons": [describe(r) for r in entry.ineligibility]})
    return send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)
