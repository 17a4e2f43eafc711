"""The Puentes pack: XBlocks and Open edX plugin apps for the local-integration MOOC.

One distribution. Each top-level Python package lives under `xblocks/` or `plugins/` (see
docs/architecture.md); package_dir maps them so the wheel installs them as plain top-level modules,
which is what the XBlock and plugin entry points name.
"""
from pathlib import Path

from setuptools import find_packages, setup

HERE = Path(__file__).parent
ROOTS = ("xblocks", "plugins")


def pack_packages():
    """Every Python package under the source roots, with the folder it comes from."""
    packages, package_dir = [], {}
    for root in ROOTS:
        for name in find_packages(root, exclude=["*.tests", "*.tests.*"]):
            packages.append(name)
            if "." not in name:
                package_dir[name] = f"{root}/{name}"
    return packages, package_dir


def package_data(packages):
    """Templates, static files and compiled catalogues ship inside each package."""
    patterns = ["templates/**/*", "static/**/*", "public/**/*", "translations/**/*",
                "conf/locale/**/*", "locale/**/*", "migrations/*.py", "default_content/*", "*.toml"]
    return {name: patterns for name in packages if "." not in name}


def requirements():
    lines = (HERE / "requirements" / "base.in").read_text().splitlines()
    return [line.split("#")[0].strip() for line in lines if line.split("#")[0].strip()]


PACKAGES, PACKAGE_DIR = pack_packages()

# Tags: the entry-point name is the OLX tag (PLATFORM-NOTES.md).
XBLOCKS = [
    "puentes_case_study = puentes_casestudy.block:CaseStudyBlock",
    "puentes_proposal = puentes_proposal.block:ProposalBlock",
    "puentes_tutor_review = puentes_review.block:TutorReviewBlock",
    "puentes_needs_assessment = puentes_needs_assessment.block:NeedsAssessmentBlock",
]
PLUGIN_APPS = [
    "puentes_casestudy = puentes_casestudy.apps:CaseStudyConfig",
    "puentes_awards = puentes_awards.apps:AwardsConfig",
    "puentes_proposals = puentes_proposals.apps:ProposalsConfig",
    "puentes_assessment = puentes_assessment.apps:AssessmentConfig",
    "puentes_practices = puentes_practices.apps:PracticesConfig",
]

setup(
    name="puentes",
    version="0.1.0",
    description="Open edX plugin pack for the Puentes MOOC on local reception and integration of migrants and refugees",
    long_description=(HERE / "README.md").read_text(encoding="utf-8"),
    long_description_content_type="text/markdown",
    license="AGPL-3.0",
    python_requires=">=3.11",
    packages=PACKAGES,
    package_dir=PACKAGE_DIR,
    package_data=package_data(PACKAGES),
    include_package_data=True,
    install_requires=requirements(),
    entry_points={
        "xblock.v1": XBLOCKS,
        "lms.djangoapp": PLUGIN_APPS,
        "cms.djangoapp": PLUGIN_APPS,
    },
    classifiers=[
        "Framework :: Django :: 5.2",
        "Programming Language :: Python :: 3.12",
    ],
)
