"""The demo's competition: the 2027 edition, twelve entries from across the region, a jury of three.

Entries go in through the awards app's api from ProposalSnapshot records, as the proposals app hands
them over, so the jury and organiser pages show a full edition without a dozen teams writing first.
"""
from django.contrib.auth import get_user_model
from opaque_keys.edx.locator import CourseLocator

from . import personas

COURSE_LANGUAGES = {"EN": "en", "ES": "es-419", "PT": "pt-br"}


def ensure_award_edition(course_keys):
    """The competition the demo's approved proposals enter; Fabio organises it (the awards app's api)."""
    from datetime import timedelta
    from decimal import Decimal

    from django.utils import timezone

    from puentes_awards import api as awards_api
    now = timezone.now()
    courses = [(str(key), COURSE_LANGUAGES.get(key.course.rsplit("-", 1)[-1], "en")) for key in course_keys]
    awards_api.create_edition(
        name="Premio Puentes 2027", slug="premio-puentes-2027", courses=courses,
        call_opens_at=now - timedelta(days=30), call_closes_at=now + timedelta(days=365),
        prizes=(Decimal("30000"), Decimal("20000"), Decimal("10000")), currency="USD",
        budget_cap=Decimal("100000"), organisers=[get_user_model().objects.get(username="fabio")])


# The demo competition's jury: Elena (a persona) and two jurors made here, each from a city with no entry but hers.
DEMO_JURORS = [("elena", "Elena Costa", "Montevideo", "UY"), ("jorge", "Jorge Benítez", "Asunción", "PY"),
               ("marta", "Marta Quispe", "La Paz", "BO")]
# Demo entries use proposal ids far above the real proposals the demo's learners create, so the two never meet.
DEMO_PROPOSAL_IDS = 9_000_000
# (municipality, country, course language, title, thematic area, budget in USD, problem, activities, participation)
DEMO_ENTRIES = [
    ("Tapachula", "MX", "ES", "Ventanilla única para personas solicitantes de asilo", "reception", "48000",
     "Miles de personas esperan meses su trámite de asilo sin saber a qué servicios municipales tienen derecho.",
     "Una ventanilla con COMAR, salud y registro civil; citas por mensajería; orientación en español y kreyòl.",
     "Personas refugiadas ya integradas atienden como orientadoras pares."),
    ("Boa Vista", "BR", "PT", "Rede municipal de acolhida e interiorização com emprego", "employment", "65000",
     "Abrigos lotados e poucas vagas de trabalho para venezuelanos recém-chegados.",
     "Cadastro de competências, acordos com empresas locais e interiorização voluntária com vaga garantida.",
     "Conselho de acolhida com associações de migrantes e moradores dos bairros."),
    ("Arica", "CL", "ES", "Escuelas de puertas abiertas para la niñez migrante", "education", "32000",
     "Niñas y niños migrantes llegan sin documentos escolares y muchos quedan fuera de la matrícula.",
     "Matrícula provisoria, tutorías de nivelación y mediadores interculturales en diez escuelas.",
     "Familias migrantes y chilenas co-diseñan el plan de convivencia de cada escuela."),
    ("San Juan de Lurigancho", "PE", "ES", "Emprende Juntas: microcréditos para mujeres migrantes y de la comunidad",
     "employment", "40000",
     "Mujeres venezolanas y peruanas del distrito trabajan en la informalidad, sin acceso a crédito.",
     "Fondo rotatorio, formación en gestión y ferias distritales mixtas.",
     "Las participantes eligen a las integrantes del comité de crédito."),
    ("Quito", "EC", "ES", "Casa de Encuentro Intercultural", "interculturality", "55000",
     "Crecen los discursos xenófobos en los barrios del sur de la ciudad.",
     "Programación cultural, deporte barrial y una campaña contra la xenofobia con medios locales.",
     "La programación la decide una asamblea de vecinos ecuatorianos y migrantes."),
    ("Medellín", "CO", "ES", "Salud mental comunitaria para población migrante y retornada", "psychosocial",
     "70000", "Duelo migratorio y violencias sin atención en los centros de salud de la ciudad.",
     "Grupos de apoyo, líneas de escucha y rutas de atención de violencias basadas en género.",
     "Promotoras comunitarias migrantes formadas en primeros auxilios psicológicos."),
    ("San José", "CR", "ES", "Oficina municipal de orientación laboral", "employment", "28000",
     "Personas refugiadas con títulos profesionales no logran homologarlos y trabajan muy por debajo de su formación.",
     "Acompañamiento en homologación, bolsa de empleo y pasantías en el sector público.",
     "Las cámaras empresariales y las organizaciones de refugiados comparten la mesa de dirección."),
    ("Tijuana", "MX", "ES", "Albergues municipales con ruta de integración", "reception", "90000",
     "Los albergues de la sociedad civil están saturados y no ofrecen salida hacia la integración.",
     "Convenio con albergues, ruta de documentación, empleo y vivienda en seis meses.",
     "Comités de personas albergadas evalúan cada mes los servicios."),
    ("Port of Spain", "TT", "EN", "Language and livelihoods for Venezuelan newcomers", "employment", "35000",
     "Newcomers from Venezuela cannot reach services or work without English.",
     "Evening English classes, a livelihoods fair and a referral desk at the city corporation.",
     "Venezuelan teachers co-teach the classes with local volunteers."),
    ("Georgetown", "GY", "EN", "Community health navigators for new arrivals", "protection", "42000",
     "New arrivals do not know how to register at health centres and arrive late for prenatal care.",
     "Twenty trained navigators, a multilingual health guide and mobile clinic days.",
     "Navigators are recruited from both the arriving and host communities."),
    ("São Paulo", "BR", "PT", "Centro de referência para mulheres imigrantes", "psychosocial", "85000",
     "Mulheres imigrantes em situação de violência não procuram a rede de proteção por medo e pela língua.",
     "Atendimento jurídico e psicológico com intérpretes, abrigo temporário e formação da rede.",
     "Coletivos de mulheres imigrantes participam da gestão do centro."),
    ("Montevideo", "UY", "ES", "Vivienda de transición y convivencia barrial", "governance", "60000",
     "Familias migrantes pagan pensiones precarias y caras en el centro de la ciudad.",
     "Viviendas de transición por doce meses y acompañamiento para acceder a alquiler formal.",
     "Cooperativas de vivienda del barrio acompañan a cada familia."),
]


def _demo_snapshot(number, row, now, run="2027", first_id=DEMO_PROPOSAL_IDS):
    """A ProposalSnapshot as the proposals app hands it over (puentes_proposals.data), from a course of `run`."""
    from datetime import timedelta
    from decimal import Decimal

    from puentes_proposals.data import ProposalSnapshot, SectionAnswer, TeamMember
    municipality, country, course, title, area, budget, problem, activities, participation = row
    course_key = CourseLocator("OAS", f"PUENTES-{course}", run)
    sections = [("title", "Project title", "short_text", title), ("thematic_area", "Thematic area", "choice", area),
                ("problem", "Problem and context", "long_text", problem),
                ("activities", "Activities", "long_text", activities),
                ("participation", "Participation of migrants and the host community", "long_text", participation),
                ("budget", "Budget", "budget", [{"item": "Total", "quantity": 1, "unit_cost": budget}])]
    return ProposalSnapshot(
        proposal_id=first_id + number, version=2, course_key=str(course_key),
        block_key=f"block-v1:OAS+PUENTES-{course}+{run}+type@puentes_proposal+block@m11_proposal",
        title=title, municipality=municipality, country=country, thematic_area=area,
        total_budget=Decimal(budget), currency="USD",
        sections=[SectionAnswer(section_id, section_title, kind, value)
                  for section_id, section_title, kind, value in sections],
        attachments=[], reviewer_usernames=["carla"],
        team=[TeamMember(user_id=0, username="", anonymous_id=f"demo-team-{number}-{member}",
                         full_name=f"{municipality} team member {member}", email="") for member in (1, 2)],
        submitted_at=now - timedelta(days=20 - number), approved_at=now - timedelta(days=15 - number))


def ensure_award_jury():
    """The demo competition ready for its jury: twelve entries from across the region, Fabio organising,
    Elena and two more jurors (k = 2), nothing assigned yet, so the demo walks the whole flow. Idempotent."""
    from datetime import timedelta

    from django.utils import timezone

    from puentes_awards import api as awards_api
    now = timezone.now()
    User = get_user_model()
    for username, name, municipality, country in DEMO_JURORS:
        first, _, last = name.partition(" ")
        juror, _ = User.objects.get_or_create(username=username, defaults={
            "first_name": first, "last_name": last, "email": f"{username}@demo.puentes.local"})
        if username not in personas.usernames():  # personas get their password in ensure_users
            juror.set_password(f"puentes-{username}")
            juror.save()
        awards_api.grant_role(personas.AWARD_EDITION, juror, "juror", municipality=municipality, country=country)
    awards_api.grant_role(personas.AWARD_EDITION, User.objects.get(username="fabio"), "organiser")
    try:
        awards_api.configure_jury(personas.AWARD_EDITION, jurors_per_entry=2)
    except ValueError:
        pass  # already assigned in this demo database: the settings stay as they were published
    for number, row in enumerate(DEMO_ENTRIES, start=1):
        awards_api.enter_proposal(_demo_snapshot(number, row, now), entered_at=now - timedelta(days=14 - number))


