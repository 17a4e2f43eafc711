"""A juror reads the entry's budget in their own numbers, with subtotals, the total and the currency (issue 14)."""
import pytest
from django.utils import translation

from puentes_awards.jury import services
from puentes_awards.jury.models import JuryAssignment

BUDGET = [{"item": "Mediadores", "quantity": 2, "unit_cost": 1500},
          {"item": "Alquiler", "quantity": 3, "unit_cost": 2500.5}]


@pytest.fixture
def assigned(edition, jury):
    services.assign_screening(edition, jury["fabio"])
    return edition


@pytest.mark.parametrize("language, accept, total, line", [
    ("pt-br", "pt-BR,pt;q=0.9", "US$\xa010.501,50", "Alquiler: 3 × US$\xa02.500,50 = US$\xa07.501,50"),
    ("es-419", "es-MX,es;q=0.9", "USD10,501.50", "Alquiler: 3 × USD2,500.50 = USD7,501.50"),
])
def test_the_budget_reads_the_jurors_way(client, assigned, jury, language, accept, total, line):
    jorge = jury["jorge"].award_juries.get()
    entry = JuryAssignment.objects.filter(juror=jorge).first().entry
    # The fixture's entries have no budget table; this one is written as the hand-off would have.
    type(entry).objects.filter(pk=entry.pk).update(snapshot=dict(entry.snapshot, total_budget="10501.50", sections=[
        {"section_id": "budget", "title": "Presupuesto", "section_type": "budget", "value": BUDGET}]))
    client.force_login(jury["jorge"])
    with translation.override(language):
        page = client.get(f"/puentes_awards/jury/{assigned.slug}/entries/{entry.uuid}/",
                          HTTP_ACCEPT_LANGUAGE=accept).content.decode()
    assert total in page
    assert line in page
    assert "unit_cost" not in page and "quantity:" not in page


def test_the_organiser_sees_each_jurors_progress_before_any_ranking(client, assigned, jury):
    from puentes_awards.jury.models import ScoreSheet
    jorge = jury["jorge"].award_juries.get()
    assignments = list(JuryAssignment.objects.filter(juror=jorge, round="screening"))
    entry = assignments[0].entry
    services.save_sheet(jorge, entry, {c.code: 3 for c in services.grid(assigned)}, {}, True, jury["jorge"])
    client.force_login(jury["fabio"])
    with translation.override("en"):
        page = client.get(f"/puentes_awards/organise/{assigned.slug}/").content.decode()
    assert "Scoring progress" in page
    row = page[page.index(">jorge<"):]
    row = row[:row.index("</tr>")]
    share = round(100 / len(assignments))
    assert f"1 of {len(assignments)} ({share} %)" in row
    assert ScoreSheet.objects.filter(status="submitted").count() == 1


def test_scores_stay_on_the_criteria_scale():
    from puentes_awards.jury.views import _on_scale
    assert (_on_scale(104.2), _on_scale(-3), _on_scale(55.5)) == (100.0, 0.0, 55.5)


def _entry_page(client, edition, jury, entry, snapshot, language, accept):
    type(entry).objects.filter(pk=entry.pk).update(snapshot=snapshot)
    client.force_login(jury["jorge"])
    with translation.override(language):
        return client.get(f"/puentes_awards/jury/{edition.slug}/entries/{entry.uuid}/",
                          HTTP_ACCEPT_LANGUAGE=accept).content.decode()


def _jorges_entry(jury):
    jorge = jury["jorge"].award_juries.get()
    return JuryAssignment.objects.filter(juror=jorge).first().entry


AREA_SECTION = {"section_id": "thematic_area", "title": "Área temática", "section_type": "choice",
                "value": "reception"}


@pytest.mark.parametrize("language, accept, label", [
    ("pt-br", "pt-BR", "Acolhimento, documentação e acesso a serviços"),
    ("es-419", "es-CO", "Acogida, documentación y acceso a servicios"),
    ("en", "en-US", "Reception, documentation and access to services"),
])
def test_a_thematic_area_reads_as_its_label_in_the_jurors_language(client, assigned, jury, language, accept, label):
    """The team read the default words in Spanish; each juror reads them in their own language, in the
    heading and in the section, never the stored id."""
    entry = _jorges_entry(jury)
    choices = [{"value": "reception", "label": "Acogida, documentación y acceso a servicios"},
               {"value": "employment", "label": "Empleo e integración socioeconómica"}]
    page = _entry_page(client, assigned, jury, entry, dict(entry.snapshot, sections=[
        dict(AREA_SECTION, choices=choices)]), language, accept)
    assert page.count(label) == 2
    assert ">reception<" not in page and "\nreception" not in page


def test_a_course_teams_own_words_read_as_written(client, assigned, jury):
    entry = _jorges_entry(jury)
    snapshot = dict(entry.snapshot, thematic_area="salud_mental", sections=[dict(
        AREA_SECTION, value="salud_mental", choices=[{"value": "salud_mental", "label": "Salud mental & cuidado"}])])
    page = _entry_page(client, assigned, jury, entry, snapshot, "pt-br", "pt-BR")
    assert page.count("Salud mental &amp; cuidado") == 2   # escaped once: the page shows "&", not "&amp;"
    assert "salud_mental" not in page


def test_an_entry_made_before_snapshots_kept_labels_reads_them_from_its_template_version(
        client, assigned, jury, course_key, make_user):
    """Old snapshots carry the id alone: the label comes from the template version the entry was made with."""
    from django.utils import timezone
    from opaque_keys.edx.keys import UsageKey

    from puentes_proposals.models import Proposal, ProposalVersion
    entry = _jorges_entry(jury)
    proposal = Proposal.objects.create(
        course_key=course_key, created_by=make_user("old-team"), block_key=UsageKey.from_string(
            f"block-v1:{course_key.org}+{course_key.course}+{course_key.run}+type@puentes_proposal+block@old"))
    ProposalVersion.objects.create(
        proposal=proposal, number=1, title="Old", answers={}, submission_uuid="old", submitted_at=timezone.now(),
        submitted_by=make_user("old-team"), template=[
        {"id": "area", "type": "choice", "title": "Área", "choices": [
            {"value": "vivienda", "label": "Vivienda de transición"}]}])
    type(entry).objects.filter(pk=entry.pk).update(proposal_id=proposal.pk, version=1)
    entry.refresh_from_db()
    snapshot = dict(entry.snapshot, thematic_area="vivienda", sections=[
        {"section_id": "area", "title": "Área", "section_type": "choice", "value": "vivienda"}])
    page = _entry_page(client, assigned, jury, entry, snapshot, "es-419", "es-CO")
    assert page.count("Vivienda de transición") == 2 and "vivienda<" not in page
    # And an old snapshot of a default area the template does not name reads in the juror's words.
    page = _entry_page(client, assigned, jury, entry, dict(snapshot, thematic_area="employment", sections=[]),
                       "pt-br", "pt-BR")
    assert "Trabalho e integração socioeconômica" in page and ">employment<" not in page


RICH = "<p>Llegan&nbsp;300 familias &amp; niños &lt;3</p><p>Segundo&nbsp;párrafo</p>"


def test_a_jurors_page_reads_rich_text_without_entities(client, edition, jury):
    """Tags become lines and entities characters, escaped once (tests/reading/test_entities.py has the rest)."""
    services.assign_screening(edition, jury["fabio"])
    entry = JuryAssignment.objects.filter(juror=jury["jorge"].award_juries.get()).first().entry
    type(entry).objects.filter(pk=entry.pk).update(snapshot=dict(entry.snapshot, sections=[
        {"section_id": "problem", "title": "Problema", "section_type": "long_text", "value": RICH}]))
    client.force_login(jury["jorge"])
    with translation.override("es-419"):
        page = client.get(f"/puentes_awards/jury/{edition.slug}/entries/{entry.uuid}/").content.decode()
    assert "Llegan\xa0300 familias &amp; niños &lt;3\nSegundo\xa0párrafo" in page
    assert "&amp;nbsp;" not in page and "&lt;p&gt;" not in page and "&amp;amp;" not in page


def test_the_organisers_ranking_explains_itself_on_the_criteria_scale(client, decided, jury):
    """Scores read on the 0-100 scale of a juror's total, and a tie zone is explained in one sentence."""
    import re
    client.force_login(jury["fabio"])
    with translation.override("es-419"):
        page = client.get(f"/puentes_awards/organise/{decided.slug}/", HTTP_ACCEPT_LANGUAGE="es-AR").content.decode()
    assert "Cada puntaje es sobre 100" in page
    assert "«Zona de empate» significa que los puntajes no permiten distinguir estas postulaciones" in page
    scores = re.findall(r'data-label="Puntaje ajustado">(\d+(?:,\d)?)<', page)   # Argentina's decimal comma
    assert len(scores) == len(re.findall(r'data-label="Puntaje ajustado"', page)) > 0
    assert all(0 <= float(score.replace(",", ".")) <= 100 for score in scores), scores


def test_times_on_the_organisers_pages_name_their_zone(client, assigned, jury):
    """Without script the awards pages write UTC and say so; the reader's browser moves it (test_zones_browser)."""
    import re
    client.force_login(jury["fabio"])
    with translation.override("es-419"):
        entries = client.get(f"/puentes_awards/editions/{assigned.slug}/entries/",
                             HTTP_ACCEPT_LANGUAGE="es-419").content.decode()
        dashboard = client.get(f"/puentes_awards/organise/{assigned.slug}/",
                               HTTP_ACCEPT_LANGUAGE="es-419").content.decode()
    moment = r'<time datetime="[^"]+" data-local>[^<]*\d{1,2}:\d{2}[^<]* UTC</time>'
    assert re.search(r'data-label="Fecha de postulación">' + moment + "</td>", entries)
    assert re.search(r"publicado el " + moment + r"\)", dashboard)
