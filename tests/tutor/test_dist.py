"""`make dist` writes what an operator installs: the pack's wheel and the Tutor plugin's, which carries
the very same pack wheel for the image's build context (the course archives: tests/courses)."""
import subprocess
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def setup_version():
    text = (REPO / "setup.py").read_text(encoding="utf-8")
    return text.split('version="', 1)[1].split('"', 1)[0]


def test_make_dist_writes_both_wheels_and_the_plugin_carries_the_pack(tmp_path):
    result = subprocess.run(["make", "-s", "dist-wheels", f"DIST={tmp_path}"], cwd=REPO,
                            capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stdout + result.stderr
    version = setup_version()
    pack = tmp_path / f"puentes-{version}-py3-none-any.whl"
    plugins = list(tmp_path.glob("tutor_contrib_puentes-*-py3-none-any.whl"))
    assert zipfile.is_zipfile(pack) and len(plugins) == 1
    with zipfile.ZipFile(plugins[0]) as plugin:
        carried = f"tutorpuentes/templates/build/openedx/puentes-wheels/puentes-{version}-py3-none-any.whl"
        assert carried in plugin.namelist()
        with plugin.open(carried) as inner, zipfile.ZipFile(inner) as carried_pack:
            carried_files = sorted(carried_pack.namelist())
    with zipfile.ZipFile(pack) as built:
        assert carried_files == sorted(built.namelist())
        assert "puentes_core/i18n.py" in carried_files
