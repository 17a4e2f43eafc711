"""Run the real `tutor` CLI against throwaway project roots.

These tests need Tutor, which lives in its own virtualenv (scripts/test-tutor.sh); in the pack's
main virtualenv they skip.
"""
import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

try:
    import tutor  # noqa: F401
except ImportError:  # the pack's main virtualenv: these tests belong to scripts/test-tutor.sh
    collect_ignore_glob = ["test_*.py"]

HERE = Path(__file__).parent
BIN = Path(sys.executable).parent


@dataclass
class TutorProject:
    """One TUTOR_ROOT with the puentes plugin enabled."""

    root: Path

    @property
    def env(self) -> Path:
        return self.root / "env"

    def environ(self, **extra: str) -> dict:
        return dict(
            os.environ,
            TUTOR_ROOT=str(self.root),
            # Keep the operator's own YAML plugins out of the test.
            TUTOR_PLUGINS_ROOT=str(self.root / "plugins"),
            PATH=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
            **extra,
        )

    def tutor(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        result = subprocess.run(
            [str(BIN / "tutor"), *args], env=self.environ(), capture_output=True, text=True, timeout=300
        )
        if check and result.returncode != 0:
            raise AssertionError(f"tutor {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
        return result

    def save(self, **settings: str) -> subprocess.CompletedProcess:
        sets = [arg for name, value in settings.items() for arg in ("--set", f"{name}={value}")]
        return self.tutor("config", "save", *sets)

    def value(self, name: str) -> str:
        return self.tutor("config", "printvalue", name).stdout.strip()

    def read(self, *path: str) -> str:
        return self.env.joinpath(*path).read_text(encoding="utf-8")

    def patch(self, name: str) -> str:
        return self.tutor("config", "patches", "show", name).stdout

    def run_job(self, platform: "StandinPlatform", *args: str, check: bool = True) -> subprocess.CompletedProcess:
        """`tutor local do <args>`, with the job scripts run here by sh (host_jobs.py)."""
        return subprocess.run(
            [sys.executable, str(HERE / "host_jobs.py"), "hostjobs", "do", *args],
            env=self.environ(PUENTES_PLATFORM_DIR=str(platform.path),
                             PUENTES_MANAGE_LOG=str(platform.path / "manage.log")),
            capture_output=True, text=True, timeout=300, check=check,
        )


def new_project(root: Path) -> TutorProject:
    project = TutorProject(root)
    project.tutor("plugins", "enable", "puentes")
    return project


@pytest.fixture
def make_project(tmp_path_factory):
    return lambda: new_project(tmp_path_factory.mktemp("tutor-root"))


@pytest.fixture(scope="module")
def default_project(tmp_path_factory):
    """Enabled and saved with no Puentes value set."""
    project = new_project(tmp_path_factory.mktemp("tutor-default"))
    project.save()
    return project


@pytest.fixture(scope="module")
def configured_project(tmp_path_factory):
    """Saved with the values an operator of the competition would set."""
    project = new_project(tmp_path_factory.mktemp("tutor-configured"))
    project.save(
        PUENTES_AWARDS_DELIVERY_URL="https://awards.example.org/entries",
        PUENTES_ATTACHMENT_STORAGE="puentes_attachments",
        PUENTES_ATTACHMENT_MAX_BYTES="5242880",
        PUENTES_ATTACHMENT_TYPES="[pdf, odt]",
        PUENTES_AWARDS_DELIVERY_TIMEOUTS="[5, 30]",
        PUENTES_AWARDS_EVENT_BUS="true",
        PUENTES_PIP_REQUIREMENT="git+https://git.example.org/oas/puentes.git@v0.1.0#egg=puentes",
    )
    return project


@dataclass
class StandinPlatform:
    """A folder that plays edx-platform's working directory for host-run jobs; manage.py there logs calls."""

    path: Path

    def calls(self) -> list:
        log = self.path / "manage.log"
        if not log.exists():
            return []
        return [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]


@pytest.fixture
def platform(tmp_path):
    shutil.copy(HERE / "standin_manage.py", tmp_path / "manage.py")
    (tmp_path / "manage.py").chmod(0o755)
    return StandinPlatform(tmp_path)
