"""The team's draft: saving sections (with per-section conflict checks) and attachments.
"""
from django.conf import settings
from django.db import transaction
from django.db.models import Sum

from . import attachments, rules, sections, uploads
from .data import SaveResult
from .errors import InvalidAnswer, NotAllowed, NotFound, StaleDraft
from .models import Attachment, Proposal, ProposalVersion
from .reading import attachment_record, is_member


def save_answers(proposal_id, user_id, changes, template, number_locale=None):
    """Store changed sections of the draft, all or nothing.

    `changes` is a list of {"section", "value", "base_revision"}: the revision the editor's copy of
    that section came from. If anyone saved one of these sections since, nothing is stored and
    StaleDraft lists both texts per section. Typed numbers are read in `number_locale` (Babel).
    """
    by_id = {section["id"]: section for section in template}
    cleaned = {}
    for change in changes:
        section = by_id.get(change.get("section"))
        if section is None:
            raise InvalidAnswer("unknown_section", section=change.get("section"))
        try:
            cleaned[section["id"]] = (sections.clean_answer(section, change.get("value"), number_locale),
                                      int(change.get("base_revision") or 0))
        except (TypeError, ValueError) as error:
            raise InvalidAnswer("invalid_answer", section=section["id"], message=str(error),
                                cell=getattr(error, "field", None)) from None
    with transaction.atomic():
        proposal = Proposal.objects.select_for_update().filter(pk=proposal_id).first()
        if proposal is None or not is_member(proposal_id, user_id):
            raise NotFound()
        if not rules.may_edit(proposal.status):
            raise NotAllowed("locked")
        _check_attachment_ids(proposal, template, {sid: value for sid, (value, _base) in cleaned.items()})
        conflicts = [
            {"section": section_id, "yours": value, "theirs": proposal.answers.get(section_id),
             "revision": proposal.revision}
            for section_id, (value, base) in cleaned.items()
            if rules.is_stale(proposal.section_revisions.get(section_id, 0), base)
            and proposal.answers.get(section_id) != value
        ]
        if conflicts:
            raise StaleDraft(conflicts=conflicts, revision=proposal.revision,
                             saved_by=proposal.saved_by.username if proposal.saved_by_id else "")
        proposal.revision += 1
        for section_id, (value, _base) in cleaned.items():
            if proposal.answers.get(section_id) != value:
                proposal.answers[section_id] = value
                proposal.section_revisions[section_id] = proposal.revision
        proposal.saved_by_id = user_id
        proposal.save(update_fields=["answers", "section_revisions", "revision", "saved_by", "saved_at"])
        if any(by_id[section_id]["type"] == sections.ATTACHMENTS for section_id in cleaned):
            delete_unreferenced_files(proposal, template)
    return SaveResult(revision=proposal.revision, saved_at=proposal.saved_at,
                      saved={section_id: value for section_id, (value, _base) in cleaned.items()})


def _attachment_ids(template, answers):
    return {item for section in template if section["type"] == sections.ATTACHMENTS
            for item in (answers or {}).get(section["id"]) or [] if isinstance(item, int)}


def delete_unreferenced_files(proposal, template):
    """Inside the caller's transaction: forget the files neither the draft nor any submitted version lists,
    and delete them from storage once that commits (a removed file no longer downloads or fills the quota)."""
    referenced = _attachment_ids(template, proposal.answers)
    for version in ProposalVersion.objects.filter(proposal=proposal).only("template", "answers"):
        referenced |= _attachment_ids(version.template, version.answers)
    stored = dict(Attachment.objects.filter(proposal=proposal).values_list("id", "storage_path"))
    gone = rules.unreferenced(stored, referenced)
    if not gone:
        return
    Attachment.objects.filter(pk__in=gone).delete()
    paths = [stored[attachment_id] for attachment_id in gone]
    transaction.on_commit(lambda: [attachments.storage().delete(path) for path in paths])


def _check_attachment_ids(proposal, template, answers):
    kinds = {section["id"]: section["type"] for section in template}
    wanted = {item for section_id, value in answers.items() if kinds[section_id] == sections.ATTACHMENTS
              for item in value}
    if wanted:
        known = set(Attachment.objects.filter(proposal=proposal, pk__in=wanted).values_list("pk", flat=True))
        if wanted - known:
            raise InvalidAnswer("unknown_attachment")


def add_attachment(proposal_id, user_id, section_id, template, name, content, max_bytes, allowed_types):
    """Check and store an uploaded file, and list it in the draft's attachments section."""
    section = next((s for s in template if s["id"] == section_id and s["type"] == sections.ATTACHMENTS), None)
    if section is None:
        raise InvalidAnswer("unknown_section", section=section_id)
    if not is_member(proposal_id, user_id):
        raise NotFound()
    try:
        accepted = attachments.check_upload(name, content[:8192], len(content), allowed_types, max_bytes)
    except attachments.UploadRefused as refused:
        raise InvalidAnswer(refused.code, **refused.details) from None
    if not rules.may_edit(Proposal.objects.get(pk=proposal_id).status):
        raise NotAllowed("locked")
    storage_path = attachments.store(proposal_id, accepted, content)
    with transaction.atomic():
        proposal = Proposal.objects.select_for_update().get(pk=proposal_id)
        if not rules.may_edit(proposal.status):
            attachments.storage().delete(storage_path)
            raise NotAllowed("locked")
        kept = Attachment.objects.filter(proposal=proposal).aggregate(total=Sum("size"))
        verdict = rules.may_attach(Attachment.objects.filter(proposal=proposal).count(), kept["total"] or 0,
                                   accepted.size, settings.PUENTES_ATTACHMENT_MAX_FILES,
                                   settings.PUENTES_ATTACHMENT_MAX_TOTAL_BYTES)
        if not verdict:
            attachments.storage().delete(storage_path)
            raise InvalidAnswer(verdict.reason, section=section_id, max_files=settings.PUENTES_ATTACHMENT_MAX_FILES,
                                max_total_bytes=settings.PUENTES_ATTACHMENT_MAX_TOTAL_BYTES)
        row = Attachment.objects.create(proposal=proposal, section_id=section_id, name=accepted.name,
                                        content_type=accepted.content_type, size=accepted.size,
                                        storage_path=storage_path, uploaded_by_id=user_id)
        proposal.revision += 1
        proposal.answers[section_id] = [*proposal.answers.get(section_id, []), row.id]
        proposal.section_revisions[section_id] = proposal.revision
        proposal.saved_by_id = user_id
        proposal.save(update_fields=["answers", "section_revisions", "revision", "saved_by", "saved_at"])
    return attachment_record(row), SaveResult(revision=proposal.revision, saved_at=proposal.saved_at,
                                        saved={section_id: proposal.answers[section_id]})


def attachment_for_download(attachment_id, proposal_id):
    """The record and open file of an attachment of this proposal (the caller checked may_read)."""
    row = Attachment.objects.filter(pk=attachment_id, proposal_id=proposal_id).first()
    if row is None:
        raise NotFound()
    return attachment_record(row), attachments.open_file(row.storage_path)


def begin_upload(proposal_id, user_id, section_id, template, name, size, max_bytes):
    """A token for sending a file in parts (uploads.py) to an attachments section of the team's draft."""
    if not any(s["id"] == section_id and s["type"] == sections.ATTACHMENTS for s in template):
        raise InvalidAnswer("unknown_section", section=section_id)
    return uploads.begin(proposal_id, user_id, section_id, name, size, max_bytes)


def add_upload_part(proposal_id, user_id, token, index, content, template, max_bytes, allowed_types):
    """Keep one part; after the last, attach the whole file (add_attachment) and return what it returns.
    Before the last part, None."""
    upload = uploads.read_token(token, proposal_id, user_id)
    if not is_member(proposal_id, user_id):
        raise NotFound()
    if not uploads.store_part(upload, index, content):
        return None
    return add_attachment(proposal_id, user_id, upload["s"], template, upload["n"], uploads.assemble(upload),
                          max_bytes, allowed_types)
