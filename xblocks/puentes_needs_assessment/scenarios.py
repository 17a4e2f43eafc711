"""Workbench scenarios: a short sample of the instrument per course language (the courses hold the whole one).

Titles end in " (en)", " (es)", " (pt)": the demo site files each under that language's course.
"""
import importlib.resources

SAMPLES = [
    ("Needs assessment: a sample (en)", "sample_en.xml"),
    ("Diagnóstico de necesidades: una muestra (es)", "sample_es.xml"),
    ("Diagnóstico de necessidades: uma amostra (pt)", "sample_pt.xml"),
]


def scenarios():
    folder = importlib.resources.files("puentes_needs_assessment") / "default_content"
    return [(title, (folder / filename).read_text(encoding="utf-8")) for title, filename in SAMPLES]
