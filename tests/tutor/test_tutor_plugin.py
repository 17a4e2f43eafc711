"""The Tutor plugin `puentes`, rendered by the real `tutor` CLI into throwaway project roots."""
import ast
import re
import tarfile
from pathlib import Path

import pytest

from tutorpuentes.operator_settings import CELERY_TASKS, SETTINGS

REPO = Path(__file__).resolve().parents[2]
OPENEDX_SETTINGS = [
    ("apps", "openedx", "settings", variant, flavour)
    for variant in ("lms", "cms")
    for flavour in ("production.py", "development.py")
]


def puentes_settings(patch_text: str, **platform_settings) -> dict:
    """Execute the rendered settings patch in a namespace shaped like the platform's settings."""
    namespace = {"STORAGES": {"default": {"BACKEND": "django.core.files.storage.FileSystemStorage"}}}
    namespace.update(platform_settings)
    exec(compile(patch_text, "openedx-common-settings", "exec"), namespace)
    return {name: value for name, value in namespace.items() if not name.startswith("__")}


# --- installing the pack into the openedx image ---------------------------------------------


def test_plugin_is_enabled_and_registered(default_project):
    plugins = default_project.tutor("plugins", "list").stdout
    assert re.search(r"^puentes\s.*enabled\s+0\.1\.0$", plugins, re.MULTILINE), plugins


def test_openedx_image_installs_the_pack_after_the_platform_requirements(default_project):
    dockerfile = default_project.read("build", "openedx", "Dockerfile")
    install = "$PIP_COMMAND install 'puentes==0.1.0'"
    assert install in dockerfile
    assert dockerfile.index("requirements/edx/base.txt") < dockerfile.index(install)


def test_operator_can_install_the_pack_from_git(configured_project):
    dockerfile = configured_project.read("build", "openedx", "Dockerfile")
    assert "install 'git+https://git.example.org/oas/puentes.git@v0.1.0#egg=puentes'" in dockerfile
    assert "puentes==0.1.0" not in dockerfile


def test_empty_requirement_leaves_installing_to_a_mounted_checkout(make_project):
    project = make_project()
    project.save(PUENTES_PIP_REQUIREMENT="")
    dockerfile = project.read("build", "openedx", "Dockerfile")
    assert "install 'puentes" not in dockerfile
    checkout = project.root / "src" / "puentes"
    checkout.mkdir(parents=True)
    project.tutor("mounts", "add", str(checkout))
    assert 'install -e "/mnt/puentes"' in project.read("build", "openedx", "Dockerfile")


# --- LMS and Studio settings --------------------------------------------------------------------


@pytest.mark.parametrize("settings_file", OPENEDX_SETTINGS, ids="/".join)
def test_lms_and_studio_settings_carry_what_the_operator_set(configured_project, settings_file):
    rendered = configured_project.read(*settings_file)
    assert "PUENTES_AWARDS_DELIVERY_URL = 'https://awards.example.org/entries'" in rendered
    assert "PUENTES_ATTACHMENT_STORAGE = 'puentes_attachments'" in rendered
    secret = configured_project.value("PUENTES_AWARDS_SIGNING_SECRET")
    assert f"PUENTES_AWARDS_SIGNING_SECRET = {secret!r}" in rendered
    assert "EXPLICIT_QUEUES.setdefault('puentes_awards.tasks.deliver_entry'" in rendered
    compile(rendered, "/".join(settings_file), "exec")  # still a valid Python module


def test_values_reach_django_with_their_python_types(configured_project):
    settings = puentes_settings(configured_project.patch("openedx-common-settings"))
    assert settings["PUENTES_AWARDS_DELIVERY_URL"] == "https://awards.example.org/entries"
    assert settings["PUENTES_ATTACHMENT_MAX_BYTES"] == 5242880
    assert settings["PUENTES_ATTACHMENT_TYPES"] == ["pdf", "odt"]
    assert settings["PUENTES_AWARDS_DELIVERY_TIMEOUTS"] == (5, 30)  # requests wants a tuple
    assert settings["PUENTES_AWARDS_EVENT_BUS"] is True


def test_unchanged_settings_are_left_to_the_apps_defaults(default_project):
    settings = puentes_settings(default_project.patch("openedx-common-settings"))
    storages = {"PUENTES_ATTACHMENT_STORAGE", "PUENTES_AWARDS_STORAGE"}
    assert not ({setting.name for setting in SETTINGS} - storages) & set(settings)
    assert set(settings) >= {"PUENTES_AWARDS_SIGNING_SECRET", "PUENTES_AWARDS_RECEIVER_SECRET"}
    # ...while `tutor config printvalue` still shows the value in force
    assert default_project.value("PUENTES_ATTACHMENT_MAX_BYTES") == "10485760"
    assert default_project.value("PUENTES_AWARDS_DELIVERY_URL") == ""


def test_celery_routes_are_added_to_the_platform_routes_not_replacing_them(default_project):
    platform_routes = {
        "lms.djangoapps.bulk_email.tasks.send_course_email": {"queue": "edx.lms.core.high"},
        # an operator who routed our delivery task elsewhere keeps that route
        "puentes_awards.tasks.deliver_entry": {"queue": "edx.lms.core.high_mem"},
    }
    settings = puentes_settings(default_project.patch("openedx-common-settings"), EXPLICIT_QUEUES=platform_routes)
    routes = settings["EXPLICIT_QUEUES"]
    assert routes is platform_routes
    assert routes["lms.djangoapps.bulk_email.tasks.send_course_email"] == {"queue": "edx.lms.core.high"}
    assert routes["puentes_awards.tasks.deliver_entry"] == {"queue": "edx.lms.core.high_mem"}
    assert routes["puentes_awards.tasks.relay_outbox"] == {"queue": "edx.lms.core.high"}


def test_celery_routes_need_no_platform_routes_to_exist(default_project):
    routes = puentes_settings(default_project.patch("openedx-common-settings"))["EXPLICIT_QUEUES"]
    assert set(routes) == set(CELERY_TASKS)


def test_a_wrongly_typed_value_stops_config_save_with_a_message(make_project):
    project = make_project()
    result = project.tutor("config", "save", "--set", "PUENTES_ATTACHMENT_MAX_BYTES=lots", check=False)
    assert result.returncode != 0
    assert "PUENTES_ATTACHMENT_MAX_BYTES must be a whole number" in result.stdout + result.stderr


def test_files_go_to_a_storage_tutor_does_not_serve(default_project):
    platform_storages = {"default": {"BACKEND": "django.core.files.storage.FileSystemStorage"}}
    settings = puentes_settings(default_project.patch("openedx-common-settings"), STORAGES=platform_storages)
    assert settings["STORAGES"] is platform_storages
    assert set(platform_storages) == {"default", "puentes_private"}
    location = platform_storages["puentes_private"]["OPTIONS"]["location"]
    assert location.startswith("/openedx/media-private/")
    assert settings["PUENTES_ATTACHMENT_STORAGE"] == settings["PUENTES_AWARDS_STORAGE"] == "puentes_private"
    # Tutor's uwsgi publishes /openedx/media at /media/, and nothing under media-private
    uwsgi = default_project.read("apps", "openedx", "uwsgi.ini")
    assert "static-map = /media=/openedx/media/" in uwsgi and "media-private" not in uwsgi


def test_an_operator_storage_alias_is_used_and_never_redefined(configured_project):
    operator_storages = {"puentes_private": {"BACKEND": "storages.backends.s3.S3Storage"}}
    settings = puentes_settings(configured_project.patch("openedx-common-settings"), STORAGES=operator_storages)
    assert operator_storages["puentes_private"] == {"BACKEND": "storages.backends.s3.S3Storage"}
    assert settings["PUENTES_ATTACHMENT_STORAGE"] == "puentes_attachments"


# --- generated secrets ----------------------------------------------------------------------------


def test_secrets_are_generated_per_install_and_kept(make_project):
    first, second = make_project(), make_project()
    first.save()
    second.save()
    signing = first.value("PUENTES_AWARDS_SIGNING_SECRET")
    receiver = first.value("PUENTES_AWARDS_RECEIVER_SECRET")
    assert len(signing) >= 32 and len(receiver) >= 32
    assert signing != receiver
    assert second.value("PUENTES_AWARDS_SIGNING_SECRET") != signing
    first.save(PUENTES_AWARDS_DELIVERY_URL="https://awards.example.org/entries")
    assert first.value("PUENTES_AWARDS_SIGNING_SECRET") == signing
    assert first.value("PUENTES_AWARDS_RECEIVER_SECRET") == receiver
    assert f"PUENTES_AWARDS_SIGNING_SECRET: {signing}" in (first.root / "config.yml").read_text()


# --- jobs: init and the course import ---------------------------------------------------------------


def test_init_migrates_both_plugin_apps_in_the_lms(default_project, platform):
    default_project.run_job(platform, "init", "--limit=puentes")
    assert platform.calls() == [
        {"service": "lms", "argv": ["lms", "migrate", "puentes_proposals"]},
        {"service": "lms", "argv": ["lms", "migrate", "puentes_awards"]},
    ]


def test_import_job_is_a_tutor_local_do_command(default_project):
    help_text = default_project.tutor("local", "do", "importpuentescourses", "--help").stdout
    assert "/openedx/data/puentes-courses" in help_text


def build_course_archives(dist: Path) -> None:
    """What `make courses` ships: one .tar.gz per language, a single top folder with course.xml."""
    dist.mkdir(parents=True, exist_ok=True)
    for lang in ("en", "es", "pt"):
        with tarfile.open(dist / f"puentes-course-{lang}.tar.gz", "w:gz") as archive:
            archive.add(REPO / "course_content" / lang, arcname=f"puentes-{lang}")


def course_of(lang: str) -> str:
    course = (REPO / "course_content" / lang / "course.xml").read_text(encoding="utf-8")
    return "/".join(re.search(rf'{attribute}="([^"]+)"', course).group(1) for attribute in ("org", "course"))


def test_import_job_imports_the_three_course_archives_in_studio(default_project, platform, tmp_path):
    build_course_archives(tmp_path / "courses")
    default_project.run_job(platform, "importpuentescourses", "--source", str(tmp_path / "courses"))
    calls = platform.calls()
    assert [call["service"] for call in calls] == ["cms"] * 3
    assert [call["argv"][:2] for call in calls] == [["cms", "import"]] * 3
    assert [call["course"] for call in calls] == [course_of(lang) for lang in ("en", "es", "pt")]


def test_import_job_takes_unpacked_course_folders_and_one_language(default_project, platform):
    default_project.run_job(
        platform, "importpuentescourses", "--source", str(REPO / "course_content"), "--language", "es"
    )
    assert [call["course"] for call in platform.calls()] == [course_of("es")]


def test_import_job_says_what_is_missing(default_project, platform, tmp_path):
    result = default_project.run_job(
        platform, "importpuentescourses", "--source", str(tmp_path), check=False
    )
    assert result.returncode != 0
    assert "no Puentes course for 'en'" in result.stdout + result.stderr
    assert platform.calls() == []


# --- the awards relay ------------------------------------------------------------------------------


def test_local_deployment_runs_the_awards_relay_loop(make_project):
    project = make_project()
    project.save(PUENTES_AWARDS_RELAY_EVERY_SECONDS="120")
    compose = project.read("local", "docker-compose.yml")
    service = compose[compose.index("puentes-awards-relay:"):]
    assert "./manage.py lms puentes_awards_relay --loop 120" in service
    assert "lms.envs.tutor.production" in service
    assert "../apps/openedx/settings/lms:/openedx/edx-platform/lms/envs/tutor:roz" in service


# --- the routes name tasks that exist ---------------------------------------------------------------


def declared_celery_tasks(tasks_module: Path, module_name: str) -> set:
    """Full names of the Celery tasks a module declares (decorators named *task*), read without importing it."""
    names = set()
    for node in ast.walk(ast.parse(tasks_module.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.FunctionDef):
            continue
        for decorator in node.decorator_list:
            target = decorator.func if isinstance(decorator, ast.Call) else decorator
            label = target.attr if isinstance(target, ast.Attribute) else getattr(target, "id", "")
            if "task" not in label:
                continue
            explicit = [
                keyword.value.value for keyword in getattr(decorator, "keywords", [])
                if keyword.arg == "name" and isinstance(keyword.value, ast.Constant)
            ]
            names.add(explicit[0] if explicit else f"{module_name}.{node.name}")
    return names


@pytest.mark.parametrize("app", ["puentes_awards", "puentes_proposals"])
def test_routed_tasks_are_the_tasks_the_apps_declare(app):
    tasks_module = REPO / "plugins" / app / "tasks.py"
    if not tasks_module.exists():  # an app without background work must have no routes either
        assert not [task for task in CELERY_TASKS if task.startswith(f"{app}.")]
        return
    declared = declared_celery_tasks(tasks_module, f"{app}.tasks")
    routed = {task for task in CELERY_TASKS if task.startswith(f"{app}.")}
    assert routed == declared, "update CELERY_TASKS in tutorpuentes/operator_settings.py"
