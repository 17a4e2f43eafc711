"""Workbench scenarios: one case per course language, written in that language (not translated).

Titles end in " (en)", " (es)", " (pt)": the demo site files each under that language's course.
The cases are OLX files in default_content/, the same format course writers use.
"""
import importlib.resources

CASES = [
    ("Tapachula: a city at the southern border (en)", "tapachula_en.xml"),
    ("Cúcuta: 30.000 cruces al día (es)", "cucuta_es.xml"),
    ("Pacaraima: a porta de entrada no extremo norte (pt)", "pacaraima_pt.xml"),
]


def scenarios():
    folder = importlib.resources.files("puentes_casestudy") / "default_content"
    return [(title, (folder / filename).read_text(encoding="utf-8")) for title, filename in CASES]
