"""Accessibility checks in the browser tests: axe-core (package.json, installed by `make system`) run in the page."""
import json
from pathlib import Path

import pytest

AXE = Path(__file__).resolve().parents[1] / "node_modules" / "axe-core" / "axe.min.js"


def axe_violations(page, context=None, impacts=None):
    """axe-core's violations of the WCAG 2.x A/AA rules on the page (or inside the `context` selector), as
    short readable lines; an empty list means clean. `impacts` keeps only those ("serious", "critical")."""
    if not AXE.exists():
        pytest.fail("axe-core is not installed: run `make system` (npm ci)")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("""(context) => axe.run(context || document,
        {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}})""", context)
    return [f"{v['id']} ({v['impact']}): {v['help']} — " + json.dumps([n["target"] for n in v["nodes"]][:5])
            for v in result["violations"] if impacts is None or v["impact"] in impacts]
