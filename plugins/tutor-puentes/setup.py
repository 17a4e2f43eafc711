"""tutor-contrib-puentes carries the Puentes pack's own wheel, so that Tutor builds the openedx image
with the pack from the default config: no package index needs to know `puentes` (tutorpuentes/image.py).

Building this plugin (`pip install ./plugins/tutor-puentes`, `make dist`) therefore builds the pack's
wheel from the repository this folder lives in and puts it among the plugin's templates, in the folder
Tutor renders into the openedx image's build context. Metadata lives in pyproject.toml.
"""
import subprocess
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
PACK = HERE.parent.parent  # the repository root, whose setup.py builds the `puentes` distribution
WHEELS = Path("tutorpuentes", "templates", "build", "openedx", "puentes-wheels")


def plugin_version():
    namespace = {}
    exec((HERE / "tutorpuentes" / "__about__.py").read_text(encoding="utf-8"), namespace)
    return namespace["__version__"]


def bundle_pack_wheel(target):
    """Build the pack's wheel into `target`; it must be the version the plugin installs by default."""
    target.mkdir(parents=True, exist_ok=True)
    for stale in target.glob("puentes-*.whl"):
        stale.unlink()
    if not (PACK / "setup.py").is_file() or "name=\"puentes\"" not in (PACK / "setup.py").read_text():
        raise SystemExit("tutor-contrib-puentes is built from the Puentes repository (it bundles the pack's "
                         "wheel): run `pip install ./plugins/tutor-puentes` or `make dist` in a checkout")
    subprocess.run(
        [sys.executable, "-c", "import sys; from setuptools import build_meta; build_meta.build_wheel(sys.argv[1])",
         str(target)],
        cwd=PACK, check=True, stdout=subprocess.DEVNULL,
    )
    expected = target / f"puentes-{plugin_version()}-py3-none-any.whl"
    if not expected.is_file():
        built = ", ".join(path.name for path in target.glob("*.whl")) or "nothing"
        raise SystemExit(f"the pack built {built}, but this plugin installs {expected.name}: "
                         "keep setup.py's version and tutorpuentes/__about__.py's equal")


class BuildWithPackWheel(build_py):
    def run(self):
        super().run()
        bundle_pack_wheel((Path(self.build_lib) / WHEELS).resolve())


setup(cmdclass={"build_py": BuildWithPackWheel})
