"""The demo's needs-assessment answers: officials of municipalities across the region answer the courses'
baseline (and most of them the end-line) through the assessment api, as the block would send them.

Enough municipalities for every chart, and one country (Argentina, three municipalities) whose figures are
suppressed; a few officials decline research use, so their answers count nowhere.
"""
import random

from django.contrib.auth import get_user_model
from puentes_assessment import api

from .runtime import DemoRuntime

INSTRUMENT = "puentes-needs-2027"
# (country, course language, municipalities)
REGION = [
    ("CO", "es", ["Cúcuta", "Bogotá", "Medellín", "Cali", "Barranquilla", "Riohacha", "Pasto", "Bucaramanga"]),
    ("PE", "es", ["Lima", "Tumbes", "Arequipa", "Trujillo", "Tacna"]),
    ("EC", "es", ["Quito", "Guayaquil", "Huaquillas", "Tulcán", "Cuenca"]),
    ("MX", "en", ["Tapachula", "Tijuana", "Ciudad Juárez", "Monterrey", "Ciudad de México", "Saltillo"]),
    ("BR", "pt", ["Pacaraima", "Boa Vista", "Manaus", "São Paulo", "Curitiba", "Florianópolis", "Porto Alegre"]),
    ("AR", "es", ["Rosario", "Córdoba", "Mendoza"]),
]
# How far along each country is, 0 (the lowest level) to 1: the charts then differ by country.
MATURITY = {"CO": 0.55, "PE": 0.4, "EC": 0.35, "MX": 0.3, "BR": 0.6, "AR": 0.5}
NEEDS = {
    "es": ["Intérpretes y mediadores culturales en los centros de salud.",
           "Una oficina de atención con personal estable.",
           "Datos confiables sobre cuántas personas llegan y se quedan.",
           "Cupos escolares y refuerzo para niñas y niños.",
           "Coordinación real con Migración y con ACNUR.", "Campañas contra la xenofobia en los barrios."],
    "en": ["Interpreters in health centres.", "Shelter places for families in transit.",
           "A shared register with the national migration agency.", "Jobs programmes open to asylum seekers."],
    "pt": ["Intérpretes nas unidades de saúde.", "Um centro de referência com equipe permanente.",
           "Vagas escolares e reforço em português.", "Parcerias com empresas para a contratação."],
}


def _block(language, block_id):
    from .loading import COURSE_DIR, olx
    course_key = olx.course_key_of(COURSE_DIR / language)
    usage_key = course_key.make_usage_key("puentes_needs_assessment", block_id)
    return DemoRuntime(None, course_key).get_block(str(usage_key))


def _answers(questionnaire, rng, maturity, language):
    answers = {}
    for section in questionnaire["sections"]:
        for question in section["questions"]:
            kind = question["type"]
            if kind == "scale":
                top = len(question["levels"])
                answers[question["code"]] = max(1, min(top, round(1 + maturity * (top - 1) + rng.uniform(-1, 1))))
            elif kind == "single_choice":
                answers[question["code"]] = rng.choice(question["options"])["value"]
            elif kind == "multiple_choice":
                answers[question["code"]] = [o["value"] for o in question["options"] if rng.random() < 0.45] \
                    or [question["options"][0]["value"]]
            elif kind == "number":
                upper = question["max"] if question["max"] is not None else 500000
                answers[question["code"]] = int(rng.uniform(0, 1) ** 3 * min(upper, 500000))
            elif question["code"] in ("MAIN_NEED", "CHANGE"):
                answers[question["code"]] = rng.choice(NEEDS[language])
    return answers


def ensure_assessment_responses():
    """Seed the answers once (they are the demo's data, not a fixture that must come back the same)."""
    User = get_user_model()
    if User.objects.filter(username__startswith="official-").exists():
        return
    from puentes_needs_assessment.answers import keep_visible
    rng = random.Random(2027)
    number = 0
    for country, language, towns in REGION:
        baseline = _block(language, "m01_needs")
        endline = _block(language, "m11_needs_endline")
        for town in towns:
            for _colleague in range(1 if rng.random() < 0.7 else 2):
                number += 1
                user = User.objects.create(username=f"official-{number:03d}", first_name="Demo",
                                           last_name=f"official {number}")
                user.set_unusable_password()
                user.save()
                maturity = MATURITY[country]
                answers = keep_visible(baseline.questionnaire(),
                                       _answers(baseline.questionnaire(), rng, maturity, language))
                api.submit(baseline.place(), user.id, answers, town, country, baseline.codebook())
                api.set_consent(INSTRUMENT, user.id, rng.random() > 0.08)
                if rng.random() < 0.85:  # most stay to the end, a little further along
                    later = _answers(endline.questionnaire(), rng, min(1.0, maturity + 0.2), language)
                    api.submit(endline.place(), user.id, later, town, country, endline.codebook())
