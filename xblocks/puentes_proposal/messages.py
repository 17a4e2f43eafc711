"""Sentences for the reason codes the proposals app answers with, in the learner's language."""


def _(text):
    return text


REASONS = {
    "not_found": _("This proposal is not yours or no longer exists."),
    "already_in_team": _("You are already in a team for this proposal."),
    "team_full": _("This team is already full."),
    "bad_code": _("No team has that invitation code. Check it with your colleague."),
    "no_such_learner": _("Nobody with that username is enrolled in this course."),
    "team_frozen": _("The team cannot change any more: it submitted its proposal for review."),
    "already_member": _("This person is already in your team."),
    "no_invitation": _("This invitation was withdrawn or already answered."),
    "managed_team": _("Your team is your Open edX team: change it in the course's Teams tab."),
    "no_platform_team": _("You are not in a team of “{teamset}” yet: join or create your municipal team in the "
                          "course's Teams tab, then come back to write the proposal together."),
    "locked": _("The proposal is locked while it is reviewed; you can edit it again if a revision is requested."),
    "past_due": _("The deadline for submitting has passed."),
    "no_versions_left": _("Your team has used every version this proposal allows."),
    "incomplete": _("Some sections are not ready yet: see the notes under each one."),
    "unknown_section": _("That section is not part of this proposal."),
    "unknown_attachment": _("One of the files is not part of this proposal."),
    "invalid_answer": _("One of the answers could not be saved."),
    "empty": _("The file is empty."),
    "too_big": _("The file is larger than the limit of {limit} MB."),
    "too_many_files": _("A proposal can keep at most {max_files} files. Remove one you no longer need, then "
                        "upload again."),
    "quota_full": _("With this file the proposal's files would take more than {total} MB in all. Remove files "
                    "you no longer need, then upload again."),
    "bad_type": _("Files of this type are not accepted. Use PDF, images, office documents, CSV or text."),
    "mismatch": _("The file's content does not match its extension. Save it again in the right format."),
    "not_approved": _("Only an approved proposal can enter the competition."),
    "needs_consent": _("Confirm that your municipality is eligible and that you accept the terms."),
    "municipality_required": _("Enter your municipality."),
    "bad_country": _("Choose your country."),
    "conflict": _("A colleague saved this section while you were editing it. Choose which text to keep."),
    "staff_only": _("Only course staff can do this."),
    "no_file": _("Choose a file to upload."),
    "bad_part": _("Part of the file was lost on the way. Choose the file again to upload it."),
    "upload_expired": _("This upload was interrupted too long ago. Choose the file again to upload it."),
    "sign_in": _("Sign in to work on a proposal."),
}


def reason(translate, code, **values):
    """The sentence for `code`, translated, with its values filled in."""
    return translate(REASONS.get(code, REASONS["invalid_answer"])).format(**values)
