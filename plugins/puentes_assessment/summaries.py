"""The analysts' figures kept in Django's cache, recomputed only when the data behind them changes.

Summarising 10,000 responses is one pass over their answers (aggregation.py), too slow to repeat on every
view of the analysts' page. The cached summary carries a fingerprint of what it is computed from (how many
responses and when one was last saved, how many respondents and when one last answered the research
question, the codebooks), read from the database on every view in three small aggregate queries: a new or
changed response, a consent given or withdrawn, a deleted account or an edited questionnaire gives a new
fingerprint, whoever made the change, so nothing has to signal the cache. One slot per instrument, reader's
language and threshold; the value is plain data, so any backend stores it. An unreachable cache means a
fresh summary, not an error.
"""
import logging

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, Max

from . import aggregation
from .models import Codebook, Respondent, Response

log = logging.getLogger(__name__)
FORMAT = 1  # bump when the summary's shape changes, so a deploy never reads the previous shape
TIMEOUT_SECONDS = 7 * 24 * 3600


def fingerprint(instrument):
    responses = Response.objects.filter(instrument=instrument).aggregate(n=Count("id"), last=Max("saved_at"))
    consents = Respondent.objects.filter(instrument=instrument).aggregate(n=Count("id"), last=Max("consent_at"))
    books = Codebook.objects.filter(instrument=instrument).aggregate(n=Count("id"), last=Max("updated_at"))
    return "|".join(str(part) for part in (
        FORMAT, responses["n"], responses["last"], consents["n"], consents["last"], books["n"], books["last"]))


def summary(instrument, language, minimum=None):
    """aggregation.summarise's figures, from the cache while the data behind them is unchanged."""
    minimum = minimum or settings.PUENTES_ASSESSMENT_MIN_MUNICIPALITIES
    key = f"puentes_assessment:summary:{instrument}:{language}:{minimum}"
    current = fingerprint(instrument)
    try:
        stored = cache.get(key)
    except Exception:  # noqa: BLE001 - a cache that is down must not take the analysts' page down with it
        log.warning("Assessment summary cache unreachable; summarising afresh", exc_info=True)
        stored = None
    if stored and stored.get("fingerprint") == current:
        return stored["summary"]
    fresh = aggregation.summarise(instrument, language, minimum)
    try:
        cache.set(key, {"fingerprint": current, "summary": fresh}, TIMEOUT_SECONDS)
    except Exception:  # noqa: BLE001 - as above: the page is served from the fresh summary
        log.warning("Assessment summary cache unreachable; the summary is not kept", exc_info=True)
    return fresh
