"""The demo's settings plus edx-ora2's Django apps, for benchmarks/ora2_comparison.py only.

The apps are the ones the LMS installs for ORA2 (openedx-platform lms/envs/common.py OPTIONAL_APPS:
openassessment, .assessment, .fileupload, .staffgrader, .workflow, .xblock) and waffle, whose flags ORA2's
configuration reads (openassessment/xblock/config_mixin.py through edx-toggles). `submissions` is already in.
"""
import os
import sys
from pathlib import Path

from puentes_demo.settings import *  # noqa: F403
from puentes_demo.settings import INSTALLED_APPS

INSTALLED_APPS = [*INSTALLED_APPS, "waffle", "openassessment", "openassessment.assessment",
                  "openassessment.fileupload", "openassessment.staffgrader", "openassessment.workflow",
                  "openassessment.xblock"]
# ORA2's legacy (in-LMS) views, not its MFE: the page whose load requests the comparison counts.
ORA_MICROFRONTEND_URL = ""
# The LMS's feature switches, which ORA2 reads at import (openassessment/xblock/config_mixin.py); none is on.
FEATURES = {}
LMS_ROOT_URL = "http://127.0.0.1:8000"  # ORA2 logs an error on every page without it

# The few platform modules ORA2 imports inside its functions (platform_shims/README.md).
sys.path.append(str(Path(__file__).resolve().parent / "platform_shims"))

# Tasks leave the request as in the LMS: published to a Redis broker (no worker consumes them; the comparison
# runs and times their work after the timed requests). The demo's eager Celery would run them inside the request.
CELERY_BROKER_URL = os.environ.get("PUENTES_ORA2_BROKER", "redis://127.0.0.1:6379/11")
CELERY_TASK_ALWAYS_EAGER = False
