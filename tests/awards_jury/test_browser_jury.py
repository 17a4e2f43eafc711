"""In Chromium, on the demo competition: three jurors score, the organiser assigns, ranks, picks finalists, the
jurors rank them, the organiser confirms three winners with their prizes and publishes the results, and the results
page reads in Spanish."""
import pytest

pytestmark = [pytest.mark.browser, pytest.mark.sqlite_only]

SLUG = "premio-puentes-2027"
CODES = ("innovation", "impact", "feasibility", "participation", "sustainability", "replicability",
         "gender_diversity")
# How good the jury finds each demo entry, best first, and the level every criterion gets.
PREFERENCE = ["Arica", "Boa Vista", "Medellín", "Quito", "São Paulo", "Tapachula", "Georgetown", "San José",
              "Port of Spain", "San Juan de Lurigancho", "Tijuana", "Montevideo"]
LEVELS = [5, 5, 4, 4, 4, 3, 3, 3, 2, 2, 1, 1]
HARSH = {"jorge": 1}  # Jorge gives one level less on everything, as a strict juror would


def signed_in(browser, demo_site, username, password):
    """A juror who is not a demo persona signs in through the ordinary login form."""
    context = browser.new_context(locale="es-419")
    page = context.new_page()
    page.goto(f"{demo_site}/login/?lang=es")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(password)
    page.locator("form.login button[type=submit]").click()
    page.wait_for_load_state()
    return context, page


def score_assigned_entries(page, demo_site, username):
    from puentes_awards.models import Entry
    page.goto(f"{demo_site}/puentes_awards/jury/{SLUG}/")
    links = page.locator("a[href*='/entries/']")
    hrefs = [links.nth(index).get_attribute("href") for index in range(links.count())]
    assert len(hrefs) == 8, (username, hrefs)  # 12 entries x k = 2 over three jurors
    for href in hrefs:
        entry = Entry.objects.get(uuid=href.rstrip("/").rsplit("/", 1)[-1])
        level = max(0, LEVELS[PREFERENCE.index(entry.municipality)] - HARSH.get(username, 0))
        page.goto(f"{demo_site}{href}")
        for code in CODES:
            page.locator(f"#level-{code}-{level}").check()
        page.locator(f"#comment-{CODES[0]}").fill(f"Nivel {level}: comentario de {username}")
        page.locator("button[name=action][value=submit]").click()
        page.wait_for_url(f"{demo_site}/puentes_awards/jury/{SLUG}/")
    statuses = page.locator("tbody tr td:nth-child(3)")
    assert statuses.count() == 8


def rank_finalists(page, demo_site):
    from puentes_awards.models import Entry
    page.goto(f"{demo_site}/puentes_awards/jury/{SLUG}/final/")
    selects = page.locator("select[id^='rank-']")
    finalists = [Entry.objects.get(uuid=selects.nth(index).get_attribute("id")[len("rank-"):])
                 for index in range(selects.count())]
    for rank, entry in enumerate(sorted(finalists, key=lambda e: PREFERENCE.index(e.municipality)), start=1):
        page.locator(f"#rank-{entry.uuid}").select_option(str(rank))
    page.locator("form button[type=submit]").click()
    page.wait_for_url(f"{demo_site}/puentes_awards/jury/{SLUG}/")
    return [entry.municipality for entry in finalists]


def test_the_jury_runs_the_competition_to_three_winners(browser, page_as, demo_site):
    from puentes_awards.jury.models import AuditLog, FinalBallot, JuryAssignment, ScoreSheet, Winner

    dashboard = f"{demo_site}/puentes_awards/organise/{SLUG}/"
    fabio = page_as("fabio", "es")
    fabio.goto(dashboard)
    fabio.locator("button[name=action][value=assign]").click()
    fabio.wait_for_load_state()
    assert fabio.locator(".message-error").count() == 0
    assert JuryAssignment.objects.filter(round="screening").count() == 24

    elena = page_as("elena", "es")
    jorge_context, jorge = signed_in(browser, demo_site, "jorge", "puentes-jorge")
    marta_context, marta = signed_in(browser, demo_site, "marta", "puentes-marta")
    try:
        for username, page in (("elena", elena), ("jorge", jorge), ("marta", marta)):
            score_assigned_entries(page, demo_site, username)
        assert ScoreSheet.objects.filter(status="submitted").count() == 24
        assert not ScoreSheet.objects.filter(assignment__juror__user__username="elena",
                                             assignment__entry__municipality="Montevideo").exists()

        # The organiser reads the ranking, corrected for Jorge's severity, and ticks the top five as finalists.
        fabio.goto(dashboard)
        labels = fabio.locator("input[name=finalist] >> xpath=ancestor::tr//label")
        top_five = [labels.nth(index).inner_text() for index in range(5)]
        assert {text.split(" — ")[1].rsplit(" (", 1)[0] for text in top_five} == set(PREFERENCE[:5]), top_five
        assert fabio.locator("svg[role=img]").count() == 2
        checkboxes = fabio.locator("input[name=finalist]")
        for index in range(5):
            checkboxes.nth(index).check()
        fabio.locator("button[name=action][value=finalists]").click()
        fabio.wait_for_load_state()

        for page in (elena, jorge, marta):
            assert sorted(rank_finalists(page, demo_site)) == sorted(PREFERENCE[:5])
        assert FinalBallot.objects.count() == 3

        # Schulze puts Arica, Boa Vista and Medellín first; the form proposes them, the organiser confirms.
        fabio.goto(dashboard)
        for place, municipality in enumerate(PREFERENCE[:3], start=1):
            assert municipality in fabio.locator(f"#place-{place} option:checked").inner_text()
        for place, amount in ((1, "30000"), (2, "20000"), (3, "10000")):
            fabio.locator(f"#amount-{place}").fill(amount)
        fabio.locator("button[name=action][value=winners]").click()
        fabio.wait_for_load_state()
        winners = list(Winner.objects.select_related("entry").order_by("place"))
        assert [(w.entry.municipality, int(w.prize_amount)) for w in winners] == [
            ("Arica", 30000), ("Boa Vista", 20000), ("Medellín", 10000)]
        assert AuditLog.objects.filter(action="winners.confirmed", actor_username="fabio").exists()

        # Confirmed winners are a preview for the organisers; Fabio reads it and publishes it.
        fabio.goto(f"{demo_site}/puentes_awards/organise/{SLUG}/results/")
        fabio.locator("#confirm").check()
        fabio.locator("form button[type=submit]").first.click()
        fabio.wait_for_load_state()
        assert AuditLog.objects.filter(action="results.published", actor_username="fabio").exists()
    finally:
        jorge_context.close()
        marta_context.close()

    # Anyone, signed in or not, reads the results in Spanish.
    public = browser.new_context(locale="es-419")
    try:
        page = public.new_page()
        response = page.goto(f"{demo_site}/puentes_awards/results/{SLUG}/?lang=es")
        assert response.status == 200
        assert page.locator("html").get_attribute("lang") == "es-419"
        headings = page.locator("ol.winners h2").all_inner_texts()
        assert [heading.split(":")[0] for heading in headings] == ["Primer premio", "Segundo premio", "Tercer premio"]
        assert "Escuelas de puertas abiertas" in headings[0]
        places = page.locator("ol.winners li > p:first-of-type").all_inner_texts()
        assert [line.split(" (")[0] for line in places] == ["Arica", "Boa Vista", "Medellín"]
        charts = page.locator("svg[role=img]")
        assert charts.count() == 2
        for index in range(2):
            assert charts.nth(index).locator("title").first.text_content().strip()
            assert charts.nth(index).locator("desc").text_content().strip()
        assert page.locator("text=jorge").count() == 0  # jurors are numbered on the public page, not named
    finally:
        public.close()
