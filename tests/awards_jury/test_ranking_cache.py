"""The screening ranking is fitted once and reused until its inputs change; what the pages show is a fresh fit."""
import re
import shutil
import socket
import subprocess
import time
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.test import override_settings

from puentes_awards.jury import ranking_cache, services
from puentes_awards.jury.models import EditionCriterion, JuryAssignment, JurySettings


def stored(edition):
    return cache.get(ranking_cache.cache_key(edition, "screening", services.BOOTSTRAP_SAMPLES))


def is_plain(value):
    """Only what every cache serialiser (pickle, JSON) keeps as it is: no numpy scalars, no dataclasses."""
    if isinstance(value, dict):
        return all(type(key) is str and is_plain(item) for key, item in value.items())
    if isinstance(value, list):
        return all(is_plain(item) for item in value)
    return value is None or type(value) in (str, int, float, bool)


def assert_fresh(edition):
    """The ranking the services hand out equals one fitted now from the database."""
    ranking, reliability, entries = services.screening_ranking(edition)
    fresh_ranking, fresh_reliability = services.fit_screening_ranking(edition)
    assert ranking == fresh_ranking and reliability == fresh_reliability
    assert set(entries) == {estimate.entry_id for estimate in fresh_ranking.entries}
    return ranking, entries


def test_a_cached_read_equals_a_fresh_fit_and_is_plain_data(decided):
    first, _reliability, _entries = services.screening_ranking(decided)
    value = stored(decided)
    assert value is not None and is_plain(value)
    ranking, entries = assert_fresh(decided)  # this read comes from the cache
    assert ranking == first
    assert [entries[estimate.entry_id].proposal_id for estimate in ranking.entries][:3] == [1, 2, 3]


def test_a_cached_read_does_not_refit(decided, django_assert_num_queries):
    services.screening_ranking(decided)
    value = stored(decided)
    value["ranking"]["residual_sd"] = 123.0  # a marker only the stored value carries
    cache.set(ranking_cache.cache_key(decided, "screening", services.BOOTSTRAP_SAMPLES), value)
    # fingerprint: sheets aggregate, seed, grid; then the entries in one query. No sheet rows are read.
    with django_assert_num_queries(4):
        ranking, _reliability, _entries = services.screening_ranking(decided)
    assert ranking.residual_sd == 123.0


def dashboard_order(client, edition):
    page = client.get(f"/puentes_awards/organise/{edition.slug}/").content.decode()
    start = page.index('id="ranking-heading"')
    table = page[start:page.index("</tbody>", start)]
    return [int(number) for number in re.findall(r"Welcome desk (\d+) —", table)]


def results_order(client, edition):
    """The entries the public chart draws, top to bottom: the first line of each row's label."""
    page = client.get(f"/puentes_awards/results/{edition.slug}/?lang=en").content.decode()
    chart = page[page.index('id="adjusted-chart"'):]
    return re.findall(r'<g><text[^>]*>(?:<title>[^<]*</title>)?<tspan[^>]*>([^<]+)</tspan>',
                      chart[:chart.index("</svg>")])


def test_a_changed_score_shows_on_the_dashboard_and_the_results_page(client, decided, jury):
    services.publish_results(decided, True, jury["fabio"])  # every entry's score, so the chart draws them all
    client.force_login(jury["fabio"])
    before, public_before = dashboard_order(client, decided), results_order(client, decided)
    last = decided.entries.get(proposal_id=before[-1])
    services.reopen_results(decided, "A sheet was scored on the wrong scale.", jury["fabio"])  # scores frozen till now
    for assignment in JuryAssignment.objects.filter(entry=last, round="screening").select_related("juror__user"):
        services.save_sheet(assignment.juror, last, {c.code: 5 for c in services.grid(decided)}, {}, True,
                            assignment.juror.user)
    after = dashboard_order(client, decided)
    assert after.index(last.proposal_id) < before.index(last.proposal_id)  # from last to near the top
    ranking, entries = assert_fresh(decided)
    assert after == [entries[estimate.entry_id].proposal_id for estimate in ranking.entries]
    places = [(decided.entries.get(proposal_id=number), amount)
              for number, amount in ((1, Decimal(30000)), (2, Decimal(20000)), (3, Decimal(10000)))]
    services.confirm_winners(decided, places, jury["fabio"])
    assert client.get(f"/puentes_awards/results/{decided.slug}/").status_code == 404  # reopening withdrew them
    services.publish_results(decided, True, jury["fabio"])
    public_after = results_order(client, decided)
    assert public_after != public_before
    others = [entries[estimate.entry_id] for estimate in ranking.entries if entries[estimate.entry_id].proposal_id > 3]
    assert public_after == [f"{entry.title} — {entry.municipality}" for entry in
                            [place for place, _amount in places] + others]  # winners first, then by score


def test_a_new_seed_refits(decided):
    services.screening_ranking(decided)
    value = stored(decided)
    value["ranking"]["residual_sd"] = 123.0  # a marker only the stored value carries
    cache.set(ranking_cache.cache_key(decided, "screening", services.BOOTSTRAP_SAMPLES), value)
    JurySettings.objects.filter(edition=decided).update(seed=99)  # bypasses save(): no signal could catch it
    # These scores fit the model exactly (no residual to resample), so every seed gives the same intervals:
    # what shows the refit is that the marker is gone.
    ranking, _entries = assert_fresh(decided)
    assert ranking.residual_sd != 123.0


def test_the_fingerprint_follows_every_input(decided, jury):
    seen = [ranking_cache.fingerprint(decided, "screening")]
    EditionCriterion.objects.create(edition=decided, code="outreach", weight=0)  # a grid changed in the admin
    seen.append(ranking_cache.fingerprint(decided, "screening"))
    juror = jury["jorge"].award_juries.get()
    entry = JuryAssignment.objects.filter(juror=juror, round="screening").first().entry
    services.reopen_results(decided, "A conflict came to light.", jury["fabio"])
    services.declare_conflict(juror, entry, "My cousin leads this project.", jury["jorge"])  # a sheet withdrawn
    seen.append(ranking_cache.fingerprint(decided, "screening"))
    assert len(set(seen)) == 3
    assert ranking_cache.fingerprint(decided, "final") != seen[-1]  # the rounds do not share a slot's inputs


def test_an_unreachable_cache_serves_a_fresh_fit(decided):
    port = free_port()  # nothing listens there
    with override_settings(CACHES={"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                                               "LOCATION": f"redis://127.0.0.1:{port}/0"}}):
        assert_fresh(decided)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def redis_url():
    server = shutil.which("redis-server")
    if not server:
        pytest.skip("redis-server is not installed")
    port = free_port()
    process = subprocess.Popen([server, "--port", str(port), "--save", "", "--appendonly", "no"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _attempt in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
                break
            except OSError:
                time.sleep(0.05)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_the_ranking_round_trips_through_redis(decided, redis_url):
    with override_settings(CACHES={"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                                               "LOCATION": redis_url}}):
        services.screening_ranking(decided)
        assert stored(decided) is not None
        assert_fresh(decided)
