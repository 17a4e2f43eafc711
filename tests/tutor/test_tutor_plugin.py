"""The Tutor plugin `puentes`, rendered by the real `tutor` CLI into throwaway project roots."""
import ast
import re
import subprocess
import tarfile
import zipfile
from pathlib import Path

import pytest
import yaml

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


WHEEL = "puentes-0.1.0-py3-none-any.whl"


def pack_install_line(dockerfile: str) -> str:
    """The RUN instruction of the Dockerfile that installs the pack (from its comment to the blank line)."""
    start = dockerfile.index("# Puentes XBlocks and plugin apps")
    return dockerfile[start:dockerfile.index("\n\n", start)]


def test_the_default_config_builds_the_image_from_the_wheel_the_plugin_carries(default_project):
    """No package index knows `puentes`: its wheel is in the openedx build context (env/build/openedx)."""
    assert default_project.value("PUENTES_PIP_REQUIREMENT") == "puentes==0.1.0"
    wheel = default_project.env / "build" / "openedx" / "puentes-wheels" / WHEEL
    assert zipfile.is_zipfile(wheel), "the pack's wheel is not in the image's build context"
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
    assert "puentes_core/i18n.py" in names
    assert "puentes_proposal/translations/es_419/LC_MESSAGES/text.mo" in names
    dockerfile = default_project.read("build", "openedx", "Dockerfile")
    install = pack_install_line(dockerfile)
    assert "--mount=type=bind,source=puentes-wheels,target=/openedx/puentes-wheels" in install
    assert "$PIP_COMMAND install --find-links /openedx/puentes-wheels 'puentes==0.1.0'" in install
    # in the stage that builds the virtualenv, after the platform's own requirements
    position = dockerfile.index(install)
    assert dockerfile[dockerfile.rindex("\nFROM ", 0, position):].startswith("\nFROM python AS python-requirements")
    assert dockerfile.index("requirements/edx/base.txt") < position


def test_the_wheel_in_the_context_is_the_one_the_installed_plugin_carries(default_project):
    import tutorpuentes
    carried = Path(tutorpuentes.__file__).parent / "templates" / "build" / "openedx" / "puentes-wheels" / WHEEL
    rendered = default_project.env / "build" / "openedx" / "puentes-wheels" / WHEEL
    assert carried.read_bytes() == rendered.read_bytes()  # copied, never rendered as a template


def test_the_rendered_requirement_installs_with_the_platform_pins_and_renders_every_block(default_project):
    """What the Dockerfile runs, in a clean Python 3.12 venv with requirements/platform-verawood.txt."""
    install = pack_install_line(default_project.read("build", "openedx", "Dockerfile"))
    requirement = re.search(r"install --find-links /openedx/puentes-wheels '([^']+)'", install).group(1)
    links = default_project.env / "build" / "openedx" / "puentes-wheels"
    result = subprocess.run(
        ["bash", str(REPO / "scripts" / "wheel-smoke.sh"), str(links), requirement],
        capture_output=True, text=True, timeout=1800,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert re.search(r"smoke: \d+ passed, 0 failed", result.stdout)


def test_openedx_image_has_what_the_pdf_report_draws_with(default_project):
    dockerfile = default_project.read("build", "openedx", "Dockerfile")
    install = "apt install -y libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core"
    assert install in dockerfile
    assert dockerfile.index(install) < dockerfile.index("FROM minimal AS production")  # every stage has it


def test_operator_can_install_the_pack_from_git(configured_project):
    install = pack_install_line(configured_project.read("build", "openedx", "Dockerfile"))
    git_url = "git+https://git.example.org/oas/puentes.git@v0.1.0#egg=puentes"
    assert f"$PIP_COMMAND install --find-links /openedx/puentes-wheels '{git_url}'" in install
    assert "puentes==0.1.0" not in install


def test_empty_requirement_leaves_installing_to_a_mounted_checkout(make_project):
    project = make_project()
    project.save(PUENTES_PIP_REQUIREMENT="")
    dockerfile = project.read("build", "openedx", "Dockerfile")
    assert "# Puentes XBlocks and plugin apps" in dockerfile and "install --find-links" not in dockerfile
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
        {"service": "lms", "argv": ["lms", "migrate", "puentes_assessment"]},
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
    relay = yaml.safe_load(project.read("local", "docker-compose.yml"))["services"]["puentes-awards-relay"]
    assert relay["command"] == "./manage.py lms puentes_awards_relay --loop 120"
    assert relay["image"] == project.value("DOCKER_IMAGE_OPENEDX")  # the image the Dockerfile puts the pack in
    assert relay["environment"]["DJANGO_SETTINGS_MODULE"] == "lms.envs.tutor.production"
    assert "../apps/openedx/settings/lms:/openedx/edx-platform/lms/envs/tutor:roz" in relay["volumes"]
    assert relay["restart"] == "unless-stopped"


def test_dev_deployment_runs_the_relay_from_the_development_image(default_project):
    """`tutor dev` reads local/docker-compose.yml, then dev/docker-compose.yml (tutor/commands/dev.py)."""
    relay = yaml.safe_load(default_project.read("dev", "docker-compose.yml"))["services"]["puentes-awards-relay"]
    assert relay["image"] == default_project.value("DOCKER_IMAGE_OPENEDX_DEV")
    assert relay["environment"]["DJANGO_SETTINGS_MODULE"] == "lms.envs.tutor.development"


def test_kubernetes_deployment_runs_the_relay(make_project):
    project = make_project()
    project.save(PUENTES_AWARDS_RELAY_EVERY_SECONDS="90")
    documents = [doc for doc in yaml.safe_load_all(project.read("k8s", "deployments.yml")) if doc]
    relay = next(doc for doc in documents if doc["metadata"]["name"] == "puentes-awards-relay")
    assert relay["kind"] == "Deployment" and relay["spec"]["replicas"] == 1
    container = relay["spec"]["template"]["spec"]["containers"][0]
    assert container["image"] == project.value("DOCKER_IMAGE_OPENEDX")
    assert container["args"] == ["./manage.py", "lms", "puentes_awards_relay", "--loop", "90"]
    assert {"name": "DJANGO_SETTINGS_MODULE", "value": "lms.envs.tutor.production"} in container["env"]
    # the same settings and configuration the LMS worker mounts
    worker = next(doc for doc in documents if doc["metadata"]["name"] == "lms-worker")
    assert relay["spec"]["template"]["spec"]["volumes"] == worker["spec"]["template"]["spec"]["volumes"]
    assert container["volumeMounts"] == worker["spec"]["template"]["spec"]["containers"][0]["volumeMounts"]


def test_a_plugin_without_the_wheel_says_what_to_do(monkeypatch, tmp_path):
    """An editable install carries no wheel: the default requirement then stops `config save` with the choices."""
    from tutor import exceptions

    from tutorpuentes import image

    monkeypatch.setattr(image, "_WHEELS", tmp_path / "no-wheels")
    with pytest.raises(exceptions.TutorError, match="PUENTES_PIP_REQUIREMENT to a git URL"):
        image.pip_install(image.DEFAULT_REQUIREMENT)
    assert "--find-links" not in image.pip_install("git+https://git.example.org/oas/puentes.git@v0.1.0")


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


@pytest.mark.parametrize("app", ["puentes_awards", "puentes_proposals", "puentes_assessment"])
def test_routed_tasks_are_the_tasks_the_apps_declare(app):
    tasks_module = REPO / "plugins" / app / "tasks.py"
    if not tasks_module.exists():  # an app without background work must have no routes either
        assert not [task for task in CELERY_TASKS if task.startswith(f"{app}.")]
        return
    declared = declared_celery_tasks(tasks_module, f"{app}.tasks")
    routed = {task for task in CELERY_TASKS if task.startswith(f"{app}.")}
    assert routed == declared, "update CELERY_TASKS in tutorpuentes/operator_settings.py"
