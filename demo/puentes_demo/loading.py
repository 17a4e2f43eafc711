"""Put course units and block scenarios into the demo database, and the demo users with their roles."""
import re
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from lxml import etree
from opaque_keys.edx.locator import CourseLocator
from xblock.core import XBlock

from . import olx, personas
from .models import CourseRole, DemoUnit, FieldState
from .runtime import DemoRuntime

COURSE_DIR = Path(settings.REPO_DIR) / "course_content"
LANGUAGES = ("en", "es", "pt")
PACK_TAGS = ("puentes_case_study", "puentes_proposal", "puentes_tutor_review")
# The units of each course the demo shows: (vertical url_name, audience).
KEY_UNITS = [
    ("m01_reading_1_unit", "learner"),
    ("m03_reading_1_unit", "learner"),
    ("m03_case_unit", "learner"),
    ("m08_case_unit", "learner"),
    ("m11_rules_unit", "learner"),
    ("m11_proposal_unit", "learner"),
    ("m11_review_unit", "tutor"),
]
GALLERY_LANGUAGE = re.compile(r"\((en|es|pt)\)\s*$")


def gallery_course(language):
    return CourseLocator("OAS", f"PUENTES-{language.upper()}", "2027")


def ensure_users():
    """The demo users, with passwords set each start so the printed ones always work."""
    User = get_user_model()
    users = {}
    for persona in personas.PERSONAS:
        first, _, last = persona["name"].partition(" ")
        user, _ = User.objects.get_or_create(username=persona["username"], defaults={
            "first_name": first, "last_name": last, "email": f"{persona['username']}@demo.puentes.local"})
        user.set_password(persona["password"])
        user.is_staff = persona["persona"] == "staff"
        user.save()
        users[persona["persona"] if persona["username"] != "bruno" else "learner2"] = user
    return users


def grant_course_roles(users, course_keys):
    for persona in personas.PERSONAS:
        user = get_user_model().objects.get(username=persona["username"])
        for course_key in course_keys:
            CourseRole.objects.update_or_create(user=user, course_key=str(course_key),
                                                defaults={"role": persona["role"]})


def _load_xml(course_key, xml):
    """Parse a vertical (or block) into the database under course_key; return its usage id."""
    runtime = DemoRuntime(None, course_key)
    usage_id = runtime.parse_xml_string(xml)
    return str(usage_id)


def _wrap_in_vertical(xml, url_name):
    node = etree.fromstring(xml)
    if node.tag == "vertical":
        node.set("url_name", node.get("url_name") or url_name)
        return etree.tostring(node, encoding="unicode")
    return f'<vertical url_name="{url_name}">{xml}</vertical>'


def _forget(usage_ids):
    """Drop content (not learners' state) so a reload starts from the files."""
    FieldState.objects.filter(user_id="", scope__in=["content", "settings", "children", "parent"]).filter(
        scope_id__in=usage_ids).delete()


def load_course_units(language, reload=False):
    course_dir = COURSE_DIR / language
    if not (course_dir / "course.xml").exists():
        return []
    course_key = olx.course_key_of(course_dir)
    loaded = []
    for position, (url_name, audience) in enumerate(KEY_UNITS):
        if not (course_dir / "vertical" / f"{url_name}.xml").exists():
            continue
        usage_id = f"block-v1:{course_key.org}+{course_key.course}+{course_key.run}+type@vertical+block@{url_name}"
        if reload or not DemoUnit.objects.filter(usage_id=usage_id).exists():
            xml = olx.vertical_xml(course_dir, url_name)
            _forget_tree(usage_id)
            usage_id = _load_xml(course_key, xml)
        title = etree.parse(str(course_dir / "vertical" / f"{url_name}.xml")).getroot().get("display_name", url_name)
        DemoUnit.objects.update_or_create(usage_id=usage_id, defaults={
            "course_key": str(course_key), "language": language, "position": position,
            "section": olx.chapter_title(course_dir, url_name), "title": title, "audience": audience})
        loaded.append(course_key)
    return loaded


def _forget_tree(usage_id):
    children = FieldState.objects.filter(scope="children", scope_id=usage_id, user_id="").first()
    ids = [usage_id] + (children.state.get("children", []) if children else [])
    _forget(ids)


def load_block_galleries(reload=False):
    """Each pack block's workbench scenarios, titled '… (es)' etc., as units after the course's."""
    position = 100
    course_keys = set()
    for tag in PACK_TAGS:
        try:
            block_class = XBlock.load_class(tag)
        except Exception:  # noqa: BLE001 - a block not built yet has no gallery
            continue
        for index, (title, xml) in enumerate(getattr(block_class, "workbench_scenarios", lambda: [])()):
            match = GALLERY_LANGUAGE.search(title)
            language = match.group(1) if match else "en"
            course_key = gallery_course(language)
            url_name = f"gallery_{tag}_{index}"
            usage_id = f"block-v1:{course_key.org}+{course_key.course}+{course_key.run}+type@vertical+block@{url_name}"
            if reload or not DemoUnit.objects.filter(usage_id=usage_id).exists():
                _forget_tree(usage_id)
                usage_id = _load_xml(course_key, _wrap_in_vertical(xml, url_name))
            position += 1
            DemoUnit.objects.update_or_create(usage_id=usage_id, defaults={
                "course_key": str(course_key), "language": language, "position": position,
                "section": "Block gallery", "title": GALLERY_LANGUAGE.sub("", title).strip(),
                "audience": "tutor" if tag == "puentes_tutor_review" else "learner"})
            course_keys.add(course_key)
    return course_keys


def grant_proposal_tutors(course_keys):
    """Carla reviews proposals in every demo course (the proposals app's tutor grant)."""
    from puentes_proposals import api as proposals_api
    tutor = get_user_model().objects.get(username="carla")
    for course_key in course_keys:
        proposals_api.grant_tutor(course_key, tutor.id)


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


def _demo_snapshot(number, row, now):
    """A ProposalSnapshot as the proposals app hands it over (puentes_proposals.data)."""
    from datetime import timedelta
    from decimal import Decimal

    from puentes_proposals.data import ProposalSnapshot, SectionAnswer, TeamMember
    municipality, country, course, title, area, budget, problem, activities, participation = row
    course_key = CourseLocator("OAS", f"PUENTES-{course}", "2027")
    sections = [("title", "Project title", "short_text", title), ("thematic_area", "Thematic area", "choice", area),
                ("problem", "Problem and context", "long_text", problem),
                ("activities", "Activities", "long_text", activities),
                ("participation", "Participation of migrants and the host community", "long_text", participation),
                ("budget", "Budget", "budget", [{"item": "Total", "quantity": 1, "unit_cost": budget}])]
    return ProposalSnapshot(
        proposal_id=DEMO_PROPOSAL_IDS + number, version=2, course_key=str(course_key),
        block_key=f"block-v1:OAS+PUENTES-{course}+2027+type@puentes_proposal+block@m11_proposal",
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


def load_everything(reload=False):
    users = ensure_users()
    course_keys = {gallery_course(language) for language in LANGUAGES}
    for language in LANGUAGES:
        course_keys.update(load_course_units(language, reload))
    course_keys.update(load_block_galleries(reload))
    grant_course_roles(users, course_keys)
    grant_proposal_tutors(course_keys)
    ensure_award_edition(course_keys)
    ensure_award_jury()
    return users, sorted(course_keys, key=str)
