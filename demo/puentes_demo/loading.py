"""Put course units and block scenarios into the demo database, and the demo users with their roles."""
import re
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_noop
from lxml import etree
from opaque_keys.edx.locator import CourseLocator
from xblock.core import XBlock

from . import assessment, competition, library, olx, personas
from .models import CohortMembership, CourseRole, CourseTeam, CourseTeamsSetting, DemoUnit, FieldState
from .runtime import ImportRuntime

COURSE_DIR = Path(settings.REPO_DIR) / "course_content"
LANGUAGES = ("en", "es", "pt")
PACK_TAGS = ("puentes_case_study", "puentes_proposal", "puentes_tutor_review", "puentes_needs_assessment")
# The units of each course the demo shows: (vertical url_name, audience).
KEY_UNITS = [
    ("m01_reading_1_unit", "learner"),
    ("m01_needs_unit", "learner"),
    ("m03_reading_1_unit", "learner"),
    ("m03_case_unit", "learner"),
    ("m08_case_unit", "learner"),
    ("m11_rules_unit", "learner"),
    ("m11_proposal_unit", "learner"),
    ("m11_review_unit", "tutor"),
    ("m11_needs_endline_unit", "learner"),
]
# Stored in English, shown through {% trans %}; gettext_noop puts it in the catalogue.
GALLERY_SECTION = gettext_noop("Block gallery")
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
    runtime = ImportRuntime(None, course_key)
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


def load_course_units(language, reload=False, units=None):
    course_dir = COURSE_DIR / language
    if not (course_dir / "course.xml").exists():
        return []
    course_key = olx.course_key_of(course_dir)
    loaded = []
    for position, (url_name, audience) in enumerate(units or KEY_UNITS):
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


def load_linked_unit(course_id, url_name):
    """A unit of a demo course that a block links to (jump_to_id) but the landing page does not list; None if
    no course has it. It is loaded after the key units, not shown on the landing page."""
    for language in LANGUAGES:
        course_dir = COURSE_DIR / language
        if (course_dir / "course.xml").exists() and str(olx.course_key_of(course_dir)) == course_id:
            if load_course_units(language, units=[(url_name, "linked")]):
                unit = DemoUnit.objects.filter(course_key=course_id, usage_id__endswith=f"@{url_name}").first()
                unit.position = 90
                unit.save(update_fields=["position"])
                return unit
    return None


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
                "section": GALLERY_SECTION, "title": GALLERY_LANGUAGE.sub("", title).strip(),
                "audience": "tutor" if tag == "puentes_tutor_review" else "learner"})
            course_keys.add(course_key)
    return course_keys


# The demo's municipal team of two in each course (Ana and Bruno), named as each course's learners would.
DEMO_TEAM = {"en": "Cúcuta city hall", "es": "Alcaldía de Cúcuta", "pt": "Prefeitura de Cúcuta"}


def load_course_teams(language):
    """The course's teams configuration (its advanced setting, as Studio's Teams page keeps it), and Ana and
    Bruno's Open edX team in its first team-set, made once: a team change made in the demo's Teams tab stays."""
    from . import teams  # noqa: PLC0415 - teams imports the runtime, which imports this module's models
    course_dir = COURSE_DIR / language
    if not (course_dir / "course.xml").exists():
        return
    course_key = olx.course_key_of(course_dir)
    configuration = olx.course_policy(course_dir).get("teams_configuration", {})
    CourseTeamsSetting.objects.update_or_create(course_key=str(course_key),
                                                defaults={"teams_configuration": configuration})
    teamsets = teams.TeamsConfig(configuration).teamsets
    if not teamsets or CourseTeam.objects.filter(course_id=str(course_key), topic_id=teamsets[0].teamset_id).exists():
        return
    team = teams.create_team(course_key, teamsets[0].teamset_id, DEMO_TEAM[language])
    for username in ("ana", "bruno"):
        teams.join_team(get_user_model().objects.get(username=username), team)


# The courses' content group for tutors (policy.json user_partitions: a cohort-scheme partition), which
# the review unit is restricted to (group_access); the course team puts tutors in a cohort linked to it.
TUTORS_PARTITION_ID, TUTORS_GROUP_ID = 50, 1


def grant_proposal_tutors(course_keys):
    """Carla reviews proposals in every demo course: the proposals app's tutor grant, and the "Tutors"
    cohort, linked to the tutors' content group, that lets her load the review unit (no staff role)."""
    from puentes_proposals import api as proposals_api
    tutor = get_user_model().objects.get(username="carla")
    for course_key in course_keys:
        proposals_api.grant_tutor(course_key, tutor.id)
        CohortMembership.objects.update_or_create(user=tutor, course_key=str(course_key), defaults={
            "name": "Tutors", "partition_id": TUTORS_PARTITION_ID, "group_id": TUTORS_GROUP_ID})


def grant_assessment_analyst():
    """Gabriela reads the needs assessment's figures as a named analyst (no course role)."""
    from puentes_assessment import api as assessment_api
    analyst = get_user_model().objects.get(username="gabriela")
    assessment_api.grant_analyst(assessment.INSTRUMENT, analyst)


def load_everything(reload=False):
    users = ensure_users()
    course_keys = {gallery_course(language) for language in LANGUAGES}
    for language in LANGUAGES:
        course_keys.update(load_course_units(language, reload))
    course_keys.update(load_block_galleries(reload))
    grant_course_roles(users, course_keys)
    for language in LANGUAGES:
        load_course_teams(language)
    grant_proposal_tutors(course_keys)
    competition.ensure_award_edition(course_keys)
    competition.ensure_award_jury()
    library.ensure_library()
    grant_assessment_analyst()
    assessment.ensure_assessment_responses()
    return users, sorted(course_keys, key=str)
