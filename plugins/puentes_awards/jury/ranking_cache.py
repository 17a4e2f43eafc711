"""The screening ranking kept in Django's cache, reused until its inputs change.

Refitting the severity model with 1,000 bootstrap samples costs a few hundred milliseconds at a few hundred
entries, and the dashboard and the public results page need it on every view. The cached value carries a
fingerprint of everything the ranking is computed from (the submitted sheets of the round, the seed, the grid),
read from the database on each view: a new, changed or withdrawn sheet, a new seed or a new grid gives a new
fingerprint, so no signal has to fire for the cache to notice, whoever made the change (site, admin, shell).

One cache slot per edition, round and sample count, overwritten on change, so the cache holds no stale
generations. The value is plain data (dicts, lists, floats, ints, strings), so any backend (locmem in the
demo, Redis or Memcached in the LMS) stores it, whatever its serialiser.
"""
import hashlib
import json
import logging
from dataclasses import asdict

from django.core.cache import cache
from django.db.models import Count, Max, Sum

from ..scoring.reliability import CriterionReliability
from ..scoring.severity import EntryEstimate, JurorEstimate, Ranking, TieZone
from .models import EditionCriterion, JurySettings, ScoreSheet

log = logging.getLogger(__name__)

# Bump when the shape of the stored value changes, so a deploy never reads the previous shape.
FORMAT = 1
# Old editions fall out of the cache on their own; a live one is refreshed by every change anyway.
TIMEOUT_SECONDS = 7 * 24 * 3600


def cache_key(edition, round_name, samples):
    return f"puentes_awards.jury.ranking.v{FORMAT}.{edition.pk}.{round_name}.{samples}"


def fingerprint(edition, round_name):
    """A digest of the ranking's inputs, from three small queries (no sheet rows are read)."""
    sheets = ScoreSheet.objects.filter(status=ScoreSheet.SUBMITTED, assignment__round=round_name,
                                       assignment__entry__edition=edition).aggregate(
        count=Count("id"), latest=Max("updated"), ids=Sum("id"), totals=Sum("total"))
    # The sum of totals catches a resubmitted score even if the writer's clock lags the latest timestamp.
    totals = None if sheets["totals"] is None else round(sheets["totals"], 6)
    seed = JurySettings.objects.filter(edition=edition).values_list("seed", flat=True).first()
    grid = list(EditionCriterion.objects.filter(edition=edition).values_list("code", "weight", "minimum"))
    facts = [sheets["count"], sheets["latest"].isoformat() if sheets["latest"] else None, sheets["ids"], totals,
             seed, grid]
    return hashlib.sha256(json.dumps(facts, default=str).encode()).hexdigest()


def fetch(edition, round_name, samples, fit):
    """(Ranking, [CriterionReliability]) from the cache when the inputs are unchanged, else from fit()."""
    key = cache_key(edition, round_name, samples)
    # Taken before fitting: if a sheet changes meanwhile, the value is stored under the older fingerprint
    # and the next view refits, instead of an old fit being stored under the new fingerprint.
    current = fingerprint(edition, round_name)
    stored = _read(key)
    if stored and stored.get("fingerprint") == current:
        return ranking_from_plain(stored["ranking"]), reliability_from_plain(stored["reliability"])
    ranking, reliability = fit()
    _write(key, {"fingerprint": current, "ranking": ranking_to_plain(ranking),
                 "reliability": reliability_to_plain(reliability)})
    return ranking, reliability


def _read(key):
    try:
        return cache.get(key)
    except Exception:  # noqa: BLE001 - a cache that is down must not take the jury pages down with it
        log.warning("Jury ranking cache unreachable; computing the ranking afresh", exc_info=True)
        return None


def _write(key, value):
    try:
        cache.set(key, value, TIMEOUT_SECONDS)
    except Exception:  # noqa: BLE001 - as in _read: the page is served from the fresh fit
        log.warning("Jury ranking cache unreachable; the ranking is not kept", exc_info=True)


def ranking_to_plain(ranking):
    return {"entries": [asdict(estimate) for estimate in ranking.entries],
            "jurors": [asdict(juror) for juror in ranking.jurors],
            "tie_zones": [{"boundary": zone.boundary, "entry_ids": list(zone.entry_ids)} for zone in ranking.tie_zones],
            "residual_sd": ranking.residual_sd, "samples": ranking.samples, "confidence": ranking.confidence,
            "top": ranking.top}


def ranking_from_plain(plain):
    return Ranking(
        entries=tuple(EntryEstimate(**estimate) for estimate in plain["entries"]),
        jurors=tuple(JurorEstimate(**juror) for juror in plain["jurors"]),
        tie_zones=tuple(TieZone(zone["boundary"], tuple(zone["entry_ids"])) for zone in plain["tie_zones"]),
        residual_sd=plain["residual_sd"], samples=plain["samples"], confidence=plain["confidence"],
        top=plain["top"])


def reliability_to_plain(reliability):
    return [asdict(row) for row in reliability]


def reliability_from_plain(plain):
    return [CriterionReliability(**row) for row in plain]
