"""A learner plays the Spanish case in the demo site in headless Chromium: takes a branch, submits, sees the score."""
import re

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_ana_plays_the_cucuta_case_in_spanish(page_as):
    page = page_as("ana", "es")
    page.get_by_role("link", name="Cúcuta: 30.000 cruces al día").click()
    case = page.locator(".pcs")
    case.locator(".pcs-decision").wait_for()
    assert "Datos y cifras clave" in case.inner_text()  # the block's own strings in Spanish

    # The decision path: a branch, its consequence, the next decision, the end of the path.
    path = case.locator(".pcs-decision_path")
    path.get_by_label("Pedir a la policía que desaloje la terminal").check()
    path.get_by_role("button", name="Decidir").click()
    path = case.locator(".pcs-decision_path")
    path.get_by_text("La gente se dispersa por los barrios").wait_for()
    assert "Se reporta un caso de sarampión" in path.inner_text()  # the branch the police choice leads to
    path.get_by_label("Enviar un equipo de vacunación con guías de la comunidad").check()
    path.get_by_role("button", name="Decidir").click()
    result = case.locator(".pcs-decision_path [data-role=result]")
    result.get_by_text("Su recorrido obtuvo 1 de los 5 puntos").wait_for()
    assert page.evaluate("document.activeElement.getAttribute('data-role')") == "result"  # focus moved to the result

    # A single choice submitted from the keyboard.
    single = case.locator(".pcs-single_choice")
    single.get_by_label(re.compile("^Que todas las personas puedan ir al centro de salud")).focus()
    page.keyboard.press("Space")
    single.get_by_role("button", name="Enviar").press("Enter")
    case.locator(".pcs-single_choice").get_by_text("Buena elección.").wait_for()
    case.get_by_text("Su puntaje: 2 de 11 puntos").wait_for()

    # A ranking moved with its buttons, then a reflection below the word limit gets a message, not a crash.
    ranking = case.locator(".pcs-ranking")
    first = ranking.locator(".pcs-rank > li").first
    first.get_by_role("button", name=re.compile("^Bajar")).click()
    assert "ahora en el puesto 2 de 4" in ranking.locator("[data-role=announce]").inner_text()
    reflection = case.locator(".pcs-reflection")
    reflection.locator("textarea").fill("Muy corto.")
    reflection.get_by_role("button", name="Enviar").click()
    reflection.get_by_text("Escriba al menos 20 palabras; lleva 2.").wait_for()

    # A long enough reflection earns nothing by itself: she compares it with the model answer and ticks
    # the rubric criteria her text meets; the share she ticks is her score.
    reflection.locator("textarea").fill(" ".join(["La registraduría se satura primero y abriríamos horario"] * 3))
    reflection.get_by_role("button", name="Enviar").click()
    reflection = case.locator(".pcs-reflection")
    reflection.get_by_text("Su reflexión quedó guardada.").wait_for()
    reflection.get_by_label("Nombra un servicio concreto y por qué es el cuello de botella").check()
    reflection.get_by_label("Propone una acción para la primera semana").check()
    reflection.get_by_role("button", name="Enviar mi evaluación").click()
    case.locator(".pcs-reflection").get_by_text("Obtuvo 0,67 de 1 punto.").wait_for()   # one point, not "1 puntos"
    # The total the script rewrites reads as the page writes numbers ("2,67", never "2.67" beside "0,67").
    assert re.fullmatch(r"Su puntaje: 2,67 de 11 puntos", case.locator(".pcs-total").inner_text().strip())

    # She leaves and comes back: the path and the score are still there.
    page.reload()
    assert "Su recorrido obtuvo 1 de los 5 puntos" in page.locator(".pcs-decision_path").inner_text()
    assert "Continuar donde lo dejó" in page.locator(".pcs").inner_text()
