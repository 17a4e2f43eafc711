"""The sentences a PracticeError code becomes, in the reader's language."""
from django.utils.translation import gettext as _


def sentence(code):
    return {
        "not_found": _("There is no such practice, or it is not yours to change."),
        "not_approved": _("Only a proposal a tutor approved can be shared in the library."),
        "unknown_choice": _("Choose one of the options in the list."),
        "groups_required": _("Tick at least one group the project serves."),
        "unknown_country": _("Choose a country from the list."),
        "municipality_required": _("Write the name of your municipality."),
        "bad_email": _("Write an e-mail address peers can reach, such as name@municipality.gov."),
        "withdrawn": _("The team withdrew this practice: only the team can share it again."),
        "summary_required": _("Write a short public summary."),
        "summary_too_long": _("Keep the summary under 1,500 characters."),
        "consent_required": _("Tick the box to agree to publish the project in the library."),
        "bad_page": _("That page number is not valid."),
    }.get(code, _("That did not work; check the form and try again."))
