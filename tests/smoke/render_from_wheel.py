"""Run from a clean venv with only the wheel installed: every block renders in three languages.

Uses the plain XBlock runtime pieces (no demo, no source tree) plus the Django apps the wheel
declares, the way an LMS would find them through entry points. The i18n service looks where the
platform's XBlockI18nService looks (openedx-platform xmodule/modulestore/django.py), in a REPO_ROOT laid
out as in a Tutor image: an empty conf/plugins-locale/xblock.v1/<module> folder for every block.
"""
import gettext
import importlib.metadata
import importlib.resources
import sys
import tempfile
import types
from pathlib import Path

import django
from django.conf import settings
from edx_django_utils.plugins import add_plugins, get_plugin_apps

# Settings built the LMS's way: a settings module that each plugin app's plugin_settings() extends.
smoke_settings = types.ModuleType("smoke_settings")
smoke_settings.__dict__.update(
    INSTALLED_APPS=["django.contrib.auth", "django.contrib.contenttypes", "submissions"]
    + get_plugin_apps("lms.djangoapp"),
    DATABASES={"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}},
    USE_I18N=True, USE_TZ=True, SECRET_KEY="smoke", ROOT_URLCONF=__name__,
    LANGUAGES=[("en", "English"), ("es-419", "Español"), ("pt-br", "Português")],
    CELERY_TASK_ALWAYS_EAGER=True,
)
sys.modules["smoke_settings"] = smoke_settings
add_plugins("smoke_settings", "lms.djangoapp", "common")
settings.configure(**{name: value for name, value in vars(smoke_settings).items() if name.isupper()})
django.setup()
urlpatterns = []

from django.core.management import call_command  # noqa: E402
from django.utils import translation  # noqa: E402
from opaque_keys.edx.keys import UsageKey  # noqa: E402
from opaque_keys.edx.locator import BlockUsageLocator, CourseLocator  # noqa: E402
from xblock.core import XBlock  # noqa: E402
from xblock.fields import ScopeIds  # noqa: E402
from xblock.reference.user_service import UserService, XBlockUser  # noqa: E402
from xblock.runtime import DictKeyValueStore, IdGenerator, IdReader, KvsFieldData, Runtime  # noqa: E402

COURSE = CourseLocator("OAS", "SMOKE", "2027")


class Ids(IdReader, IdGenerator):
    counter = 0

    def create_definition(self, block_type, slug=None):
        Ids.counter += 1
        return str(BlockUsageLocator(COURSE, block_type, f"b{Ids.counter}"))

    def create_usage(self, def_id):
        return def_id

    def get_definition_id(self, usage_id):
        return usage_id

    def get_block_type(self, def_id):
        return def_id.split("type@")[1].split("+")[0]

    def create_aside(self, *args):
        raise NotImplementedError

    get_aside_type_from_usage = get_aside_type_from_definition = create_aside
    get_usage_id_from_aside = get_definition_id_from_aside = create_aside


REPO_ROOT = Path(tempfile.mkdtemp(prefix="smoke-platform-"))
PULLED = REPO_ROOT / "conf" / "plugins-locale" / "xblock.v1"


class I18n:
    """The platform's lookup: the atlas folder whenever it exists (here: empty), else the package's."""

    def __init__(self, block):
        module = getattr(type(block), "unmixed_class", type(block)).__module__.split(".")[0]
        locale = translation.to_locale(translation.get_language())
        if (PULLED / module).is_dir():
            domain, directory = "django", PULLED / module
        else:
            domain, directory = "text", importlib.resources.files(module) / "translations"
        try:
            self.translator = gettext.translation(domain, str(directory), [locale])
        except OSError:
            self.translator = translation

    def get_javascript_i18n_catalog_url(self, block):
        return None  # nothing compiled into STATICI18N_ROOT, as in a Tutor image

    def __getattr__(self, name):
        return getattr(self.translator, "gettext" if name == "ugettext" else name)


class SmokeUserService(UserService):
    def get_current_user(self):
        return self._user


class SmokeRuntime(Runtime):
    def __init__(self, user_id):
        user = XBlockUser(is_current_user=True, emails=["smoke@example.org"], full_name="Smoke")
        user.opt_attrs.update({"edx-platform.user_id": user_id, "edx-platform.username": f"smoke{user_id}",
                               "edx-platform.anonymous_user_id": f"anon{user_id}", "edx-platform.user_role": "staff",
                               "edx-platform.user_is_staff": True})
        self.ids = Ids()
        super().__init__(self.ids, self.ids, services={"field-data": KvsFieldData(DictKeyValueStore()),
                                                       "user": SmokeUserService(user=user), "settings": None})
        self.smoke_user_id = user_id

    def service(self, block, service_name):
        if service_name == "i18n":
            return I18n(block)
        if service_name == "user":
            return self._services["user"]
        return super().service(block, service_name)

    def handler_url(self, block, handler_name, suffix="", query="", thirdparty=False):
        return f"/handler/{handler_name}/{suffix}"

    def local_resource_url(self, block, uri):
        return f"/resource/{block.scope_ids.block_type}/{uri}"

    def resource_url(self, resource):
        return f"/static/{resource}"

    def publish(self, block, event_type, event_data):
        pass

    def get_block(self, usage_id, for_parent=None):
        block_type = self.ids.get_block_type(usage_id)
        block = self.construct_xblock(block_type, ScopeIds(self.smoke_user_id, block_type, usage_id, usage_id),
                                      for_parent=for_parent)
        # The LMS's blocks know where they stand, as the pack's blocks expect.
        block.location = UsageKey.from_string(usage_id)
        block.course_id = block.location.course_key
        return block


def main():
    call_command("migrate", verbosity=0)
    distribution = importlib.metadata.distribution("puentes")
    blocks = [ep for ep in distribution.entry_points if ep.group == "xblock.v1"]
    assert blocks, "the wheel registers no XBlocks"
    for entry_point in blocks:  # what atlas leaves in a Tutor image for modules it found nothing for
        (PULLED / entry_point.value.split(".")[0]).mkdir(parents=True, exist_ok=True)
    tags = [ep.name for ep in blocks]
    rendered = 0
    for tag in tags:
        block_class = XBlock.load_class(tag)
        for title, xml in block_class.workbench_scenarios():
            pages = {}
            for language in ("en", "es-419", "pt-br", "es-mx", "pt-pt"):
                with translation.override(language):
                    runtime = SmokeRuntime(user_id=1)
                    block = runtime.get_block(runtime.parse_xml_string(xml))
                    pages[language] = block.render("student_view", {}).body_html()
                    assert pages[language].strip(), f"{tag} {title} rendered nothing in {language}"
                    rendered += 1
            # Same content, three UI languages: the shipped catalogues must change the page, in any spelling.
            assert len({pages["en"], pages["es-419"], pages["pt-br"]}) == 3, \
                f"{tag} {title}: the wheel's catalogues did not translate the page"
            assert pages["es-mx"] != pages["en"] and pages["pt-pt"] != pages["en"], \
                f"{tag} {title}: es-mx or pt-pt got the English page"
        print(f"{tag}: rendered from the wheel ({len(block_class.workbench_scenarios())} scenarios x 5 languages)")
    package_files = [str(f) for f in distribution.files]
    for expected in (".mo", ".html", ".js", ".css"):
        assert any(f.endswith(expected) for f in package_files), f"the wheel ships no {expected} files"
    print(f"smoke: {rendered} passed, 0 failed")  # every render above asserts; one failure stops the run


if __name__ == "__main__":
    sys.exit(main())
