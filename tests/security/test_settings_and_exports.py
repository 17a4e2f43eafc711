"""L4: delivery refuses to run with a URL and an empty signing secret; L5: competition copies live at
unguessable paths; L6: every CSV export keeps TAB- and CR-led cells from running as formulas."""
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError, SystemCheckError

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("secret", ["", "   "])
def test_a_delivery_url_without_a_secret_stops_the_site_and_the_relay_at_start(settings, secret):
    from puentes_awards import delivery
    settings.PUENTES_AWARDS_DELIVERY_URL = "https://awards.example/entries/"
    settings.PUENTES_AWARDS_SIGNING_SECRET = secret
    with pytest.raises(SystemCheckError, match="PUENTES_AWARDS_SIGNING_SECRET is empty"):
        call_command("check")
    with pytest.raises(CommandError, match="PUENTES_AWARDS_SIGNING_SECRET is empty"):
        call_command("puentes_awards_relay")
    result = delivery.post_entry({"entry": {}}, "key")   # nothing leaves the site unsigned
    assert result.status_code is None and "SIGNING_SECRET is empty" in result.error


def test_with_a_secret_or_without_a_url_the_checks_pass(settings):
    settings.PUENTES_AWARDS_DELIVERY_URL = "https://awards.example/entries/"
    settings.PUENTES_AWARDS_SIGNING_SECRET = "a-long-random-secret"
    call_command("check")
    settings.PUENTES_AWARDS_DELIVERY_URL, settings.PUENTES_AWARDS_SIGNING_SECRET = "", ""
    call_command("check")


def test_competition_copies_are_not_at_paths_anyone_can_count_through(settings):
    from puentes_awards.attachments import destination_path
    path = destination_path("award-2027", 12, 1, 345, "carta.pdf")
    assert "12" not in path.split("/")[2] and path.endswith("/carta.pdf")
    assert destination_path("award-2027", 12, 1, 345, "carta.pdf") == path          # a retried copy finds it
    neighbours = {destination_path("award-2027", 12, 1, n, "carta.pdf") for n in range(340, 350)}
    assert len(neighbours) == 10
    settings.SECRET_KEY = "another site's secret key"
    assert destination_path("award-2027", 12, 1, 345, "carta.pdf") != path          # keyed by the site's secret


@pytest.mark.parametrize("text", ["=HYPERLINK(\"http://x\")", "+1", "-1+2", "@SUM(A1)", "\t=1+1", "\r=1+1"])
def test_the_csv_guard_quotes_every_formula_start(text):
    from puentes_core.csv_cells import safe_cell
    assert safe_cell(text) == "'" + text
    assert safe_cell("Quito") == "Quito" and safe_cell(3) == 3 and safe_cell(None) == ""


def test_the_jury_csv_quotes_a_tab_led_comment(client, decided, jury):
    """The jury export used its own `= + - @` check, which let TAB and CR through (L6)."""
    import csv
    import io

    from puentes_awards.jury.models import ScoreSheet
    sheet = ScoreSheet.objects.filter(assignment__round="screening").first()
    code = next(iter(sheet.levels))
    ScoreSheet.objects.filter(pk=sheet.pk).update(comments={code: "\t=cmd|' /C calc'!A0"})
    client.force_login(jury["fabio"])
    body = client.get(f"/puentes_awards/organise/{decided.slug}/scores.csv").content.decode()
    cells = [cell for row in csv.reader(io.StringIO(body)) for cell in row]
    assert "'\t=cmd|' /C calc'!A0" in cells and "\t=cmd|' /C calc'!A0" not in cells
