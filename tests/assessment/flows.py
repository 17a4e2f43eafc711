"""Answer the sample questionnaire through the real blocks, as many officials of many municipalities."""
import importlib.resources

from django.contrib.auth import get_user_model

from tests.helpers import BlockLoader, post_json

from .conftest import COMPLETE, COURSES

ENDLINE = """<puentes_needs_assessment url_name="needs_end_{lang}" display_name="End-line"
  instrument="puentes-needs-sample" wave="endline"><section area="governance" title="{title}">
  <scale code="GOV_COORD" required="true"><prompt>Coordination?</prompt>
    <level value="1" label="1">one</level><level value="2" label="2">two</level>
    <level value="3" label="3">three</level><level value="4" label="4">four</level></scale></section>
</puentes_needs_assessment>"""


def sample(lang):
    folder = importlib.resources.files("puentes_needs_assessment") / "default_content"
    return (folder / f"sample_{lang}.xml").read_text()


class Survey:
    """The sample in the three courses (and an end-line in each), answered by officials."""

    def __init__(self):
        self.loaders = {lang: BlockLoader(key) for lang, key in COURSES.items()}
        self.baseline = {lang: loader.parse(sample(lang)) for lang, loader in self.loaders.items()}
        titles = {"en": "Governance", "es": "Gobernanza y coordinación", "pt": "Governança e coordenação"}
        self.endline = {lang: loader.parse(ENDLINE.format(lang=lang, title=titles[lang]))
                        for lang, loader in self.loaders.items()}
        self.count = 0

    def official(self, lang, municipality, country, consent=True, answers=None, endline=None):
        self.count += 1
        user = get_user_model().objects.create(username=f"official{self.count}")
        block = self.loaders[lang].block(self.baseline[lang], user)
        status, body = post_json(block, "submit", {"answers": {**COMPLETE, **(answers or {})},
                                                   "municipality": municipality, "country": country})
        assert status == 200, body
        if consent is not None:
            assert post_json(block, "set_consent", {"consent": consent})[0] == 200
        if endline is not None:
            block = self.loaders[lang].block(self.endline[lang], user)
            status, body = post_json(block, "submit", {"answers": {"GOV_COORD": endline},
                                                       "municipality": municipality, "country": country})
            assert status == 200, body
        return user


def region(survey):
    """Colombia (6 municipalities, es), Brazil (5, pt), Mexico (2, en: too few), Argentina (3, no consent)."""
    for index, town in enumerate(["Cúcuta", "Bogotá", "Medellín", "Cali", "Pasto", "Riohacha"]):
        survey.official("es", town, "CO", answers={"GOV_COORD": 1 + index % 2, "MAIN_NEED": f"Necesidad {index}"},
                        endline=3)
    survey.official("es", "cucuta ", "CO")  # the same municipality, written another way
    for index, town in enumerate(["Pacaraima", "Boa Vista", "Manaus", "São Paulo", "Curitiba"]):
        survey.official("pt", town, "BR", answers={"GOV_COORD": 2 + index % 2, "MAIN_NEED": f"Necessidade {index}"},
                        endline=3 + index % 2)
    for town in ["Tapachula", "Tijuana"]:
        survey.official("en", town, "MX", answers={"GOV_COORD": 4, "GROUPS": ["indigenous"]})
    for town in ["Rosario", "Córdoba", "Mendoza"]:
        survey.official("es", town, "AR", consent=False, answers={"GOV_COORD": 4})
    survey.official("es", "Salta", "AR", consent=None)  # never answered the research question
