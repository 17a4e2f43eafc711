"""The needs assessment's public API (OEP-49): the only module other packages import, with data.py.

The block stores and reads a learner's own response here; the analysts' page, the exports and the
report read only aggregated figures of consented, submitted responses, with small cells suppressed.
"""
import hashlib
import json

from django.db import IntegrityError, transaction
from django.utils import timezone
from opaque_keys.edx.keys import CourseKey, UsageKey

from . import access, summaries
from .data import ResponseRecord
from .models import AnalystGrant, Codebook, Respondent, Response
from .municipalities import municipality_key


def _record(response, respondent):
    return ResponseRecord(
        block_key=str(response.block_key), wave=response.wave, answers=dict(response.answers),
        municipality=response.municipality, country=response.country, consent=respondent.consent,
        saved_at=response.saved_at, submitted_at=response.submitted_at)


def _respondent(instrument, user_id, create=False):
    respondent = Respondent.objects.filter(instrument=instrument, user_id=user_id).first()
    if respondent is None and create:
        try:
            with transaction.atomic():
                respondent = Respondent.objects.create(instrument=instrument, user_id=user_id)
        except IntegrityError:  # the same learner on two devices at once
            respondent = Respondent.objects.get(instrument=instrument, user_id=user_id)
    return respondent


def learner_response(place, user_id):
    """The learner's own response to this block (draft or submitted), or None; their consent either way."""
    respondent = _respondent(place.instrument, user_id)
    if respondent is None:
        return None
    response = Response.objects.filter(block_key=UsageKey.from_string(place.block_key), respondent=respondent).first()
    if response is None:
        return ResponseRecord(block_key=place.block_key, wave=place.wave, answers={}, municipality="", country="",
                              consent=respondent.consent, saved_at=None, submitted_at=None)
    return _record(response, respondent)


def _store(place, user_id, answers, municipality, country, submitted):
    respondent = _respondent(place.instrument, user_id, create=True)
    values = {"instrument": place.instrument, "wave": place.wave,
              "course_key": CourseKey.from_string(place.course_key), "language": place.language,
              "answers": answers, "municipality": municipality, "country": country,
              "municipality_key": municipality_key(country, municipality)}
    with transaction.atomic():
        response, created = Response.objects.select_for_update().get_or_create(
            block_key=UsageKey.from_string(place.block_key), respondent=respondent, defaults=values)
        if not created:
            for name, value in values.items():
                setattr(response, name, value)
        if submitted:
            response.submitted_at = timezone.now()
        response.save()
    return _record(response, respondent)


def save_draft(place, user_id, answers, municipality, country):
    """Keep the learner's answers so far (the block checked them); a submitted response stays submitted."""
    return _store(place, user_id, answers, municipality, country, submitted=False)


def submit(place, user_id, answers, municipality, country, codebook):
    """Record the complete response and the questionnaire it answers (the codebook, in the block's language)."""
    record = _store(place, user_id, answers, municipality, country, submitted=True)
    _keep_codebook(place, codebook)
    return record


def _keep_codebook(place, definition):
    fingerprint = hashlib.sha256(json.dumps(definition, sort_keys=True).encode()).hexdigest()
    Codebook.objects.update_or_create(
        instrument=place.instrument, language=place.language, wave=place.wave,
        defaults={"definition": definition, "fingerprint": fingerprint})


def set_consent(instrument, user_id, consent):
    """The learner's answer to the research-use question; they may change it at any time."""
    respondent = _respondent(instrument, user_id, create=True)
    respondent.consent = bool(consent)
    respondent.consent_at = timezone.now()
    respondent.save(update_fields=["consent", "consent_at"])
    return respondent.consent


# --- analysts -------------------------------------------------------------------------------------

may_analyse = access.may_analyse
instruments_for = access.instruments_for


def grant_analyst(instrument, user):
    AnalystGrant.objects.get_or_create(instrument=instrument, user=user)


def revoke_analyst(instrument, user):
    AnalystGrant.objects.filter(instrument=instrument, user=user).delete()


def analysis(instrument, language, minimum=None):
    """Every figure of the analysts' page for one instrument, labelled in `language`, small cells suppressed."""
    return summaries.summary(instrument, language, minimum)

