"""D1–D3: the demo is as strict as a site on a network must be. Persona sign-in only from the machine
running it and never redirecting off-site; DEBUG off unless asked for, a per-install secret key,
X-Frame-Options; a handler only for blocks loaded from a course (the LMS's modulestore answers 404 for
any other usage id: lms/djangoapps/courseware/block_render.py handle_xblock_callback)."""
import json

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db


@pytest.fixture
def personas(db):
    from puentes_demo import loading
    loading.ensure_users()


def test_persona_sign_in_from_another_machine_is_refused(client, personas):
    response = client.post("/login-as/diego/", REMOTE_ADDR="203.0.113.9")
    assert response.status_code == 403 and "password" in response.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("target", ["https://elsewhere.example/", "//elsewhere.example/x", "http:/\\elsewhere.example",
                                    "javascript:alert(1)"])
def test_persona_sign_in_never_redirects_off_site(client, personas, target):
    response = client.post("/login-as/diego/", {"next": target})
    assert response.status_code == 302 and response["Location"] == "/"


def test_persona_sign_in_keeps_a_local_next(client, personas):
    response = client.post("/login-as/diego/", {"next": "/?lang=es"})
    assert response.status_code == 302 and response["Location"] == "/?lang=es"


def settings_as_started(tmp_path, **environ):
    """DEBUG and SECRET_KEY as a fresh `make demo` process reads them from its environment."""
    import os
    import subprocess
    import sys
    env = {key: value for key, value in os.environ.items() if not key.startswith("PUENTES_DEMO_")}
    env.update(PUENTES_DEMO_VAR=str(tmp_path), PYTHONPATH=str(settings.REPO_DIR / "demo"), **environ)
    out = subprocess.run([sys.executable, "-c", "from puentes_demo import settings as s; print(s.DEBUG, s.SECRET_KEY)"],
                         env=env, capture_output=True, text=True, check=True).stdout.split()
    return out[0] == "True", out[1]


def test_the_demo_is_not_in_debug_unless_asked_and_cannot_be_framed(client, tmp_path):
    assert settings_as_started(tmp_path)[0] is False
    assert settings_as_started(tmp_path, PUENTES_DEMO_DEBUG="1")[0] is True
    assert client.get("/").headers["X-Frame-Options"] == "DENY"


def test_the_secret_key_is_made_per_install(tmp_path, monkeypatch):
    from puentes_demo import settings as demo_settings
    first = demo_settings._install_secret(tmp_path / "secret_key")
    assert len(first) >= 50 and first != "demo-only-not-a-secret"
    assert demo_settings._install_secret(tmp_path / "secret_key") == first            # kept across restarts
    assert demo_settings._install_secret(tmp_path / "other") != first                 # another install
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0
    assert settings.SECRET_KEY != "demo-only-not-a-secret"
    started = settings_as_started(tmp_path / "install")[1]
    assert started == settings_as_started(tmp_path / "install")[1] != settings_as_started(tmp_path / "elsewhere")[1]


def test_a_handler_of_a_block_that_does_not_exist_is_a_404(client, personas, load_block, course_key):
    from puentes_demo import loading
    loading.grant_course_roles(loading.ensure_users(), [str(course_key)])
    load_block.parse("<puentes_proposal url_name='proposal'/>")
    client.post("/login-as/ana/")
    made_up = f"block-v1:{course_key.org}+{course_key.course}+{course_key.run}+type@puentes_proposal+block@no_such"
    response = client.post(f"/handler/{made_up}/start/", "{}", content_type="application/json")
    assert response.status_code == 404 and json.loads(response.content)["error"]
    real = made_up.replace("no_such", "proposal")
    assert client.post(f"/handler/{real}/start/", "{}", content_type="application/json").status_code == 200
    from puentes_proposals.models import Proposal
    assert not Proposal.objects.filter(block_key__endswith="no_such").exists()


@pytest.mark.parametrize("path", ["../block.py", "block.py", "public/../block.py", "static/%2e%2e/x"])
def test_a_resource_outside_public_is_a_404(client, path):
    assert client.get(f"/resource/puentes_proposal/{path}").status_code == 404
