"""One data vintage, stated with its "as of", in every language.

Every figure in the readings (a number with million/billion, a percentage, or a count written with
thousands separators) is extracted with its sentence, normalised for the language's locale
(123.2 million = 123,2 millones = 123,2 milhões = 123 200 000; 1,500 = 1.500) and compared module by
module across en, es and pt: a figure stated in one language must be stated in the other two (the three
courses divide a module's text between its readings differently, so the unit compared is the module).
Each figure's sentence must also say when it holds: a year (2020, end-2024, 2023–2024...).
Law and decree numbers (Law 16.478, Ley 25.871, Lei nº 13.445, CONPES 3950) are not figures; a made-up
number in an example is marked <span class="example"> and skipped; the course's own rules (grade weights,
pass mark) are marked class="course-rule": compared across languages, but they need no "as of".
The competition pages rendered from the rulebook (course_content/rules) are left to test_rulebook.py.

    .venv/bin/python tests/courses/test_data_vintage.py      # prints each module's figures per language
"""
import html
import re
from collections import defaultdict
from pathlib import Path

import pytest

COURSES = Path(__file__).resolve().parents[2] / "course_content"
LANGUAGES = ("en", "es", "pt")

SCALES = {
    "en": [(r"billion|bn", 1e9), (r"million", 1e6)],
    "es": [(r"mil\s+millones", 1e9), (r"millones|millón", 1e6), (r"mil", 1e3)],
    "pt": [(r"bilhões|bilhão", 1e9), (r"milhões|milhão", 1e6), (r"mil", 1e3)],
}
# Figures written in words: "half a million" is a figure as much as "500,000" is.
WORDS = {
    "en": [(r"half a million", 500_000), (r"(?<!half )a million", 1_000_000)],
    "es": [(r"medio millón", 500_000), (r"un millón", 1_000_000)],
    "pt": [(r"meio milhão", 500_000), (r"um milhão", 1_000_000)],
}
PERCENT = {"en": r"\s?(?:%|per\s?cent)", "es": r"\s?(?:%|por\s+ciento)", "pt": r"\s?(?:%|por\s+cento)"}
NUMBER = r"\d{1,3}(?:[.,\u00a0\u202f ]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
LEGAL_NUMBER = re.compile(r"(?:\b(?:law|ley|lei|decree|decreto|resolu\w*|conpes)\b[^.;]{0,30})$", re.I)
YEAR = re.compile(r"\b(?:19|20)\d\d\b")
RULE = "\u2691"  # stands for "a rule of this course" in the extracted text


def mark_course_rules(match):
    return re.sub(r"</(td|li|p)>", rf" {RULE}</\1>", match.group(0)) + f" {RULE}"


def parse(raw, language):
    raw = re.sub(r"[\u00a0\u202f ]", "", raw)
    if language == "en":
        return float(raw.replace(",", ""))
    return float(raw.replace(".", "").replace(",", "."))


def reading_text(path):
    """The reading's prose, without its list of sources (whose titles carry edition years, not figures)."""
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"<h3>\s*(?:Sources|Fuentes|Fontes)\s*</h3>.*", "", text, flags=re.S)
    text = re.sub(r'<span class="example">.*?</span>', " ", text, flags=re.S)
    text = re.sub(r'<(\w+)[^>]*class="course-rule"[^>]*>.*?</\1>', mark_course_rules, text, flags=re.S)
    text = re.sub(r"</(?:p|li|h\d|td|tr|ul|ol|blockquote|figcaption)>", "\n\n", text)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", text)).replace("\n\n", " \u2029 ").split())


def sentences(text):
    for block in text.split("\u2029"):
        rule = f" {RULE}" if RULE in block else ""
        for sentence in re.split(r"(?<=[.!?;:])\s+(?=[A-ZÁÉÍÓÚÀÂÊÔÃÕÇ«“(])", block.replace(RULE, "")):
            if sentence.strip():
                yield sentence.strip() + rule


def figures(sentence, language):
    """(kind, value, as written) for each figure of a sentence."""
    scale = "|".join(f"(?P<s{i}>{word})" for i, (word, _factor) in enumerate(SCALES[language]))
    pattern = re.compile(rf"(?<![\w/.,-])(?P<n>{NUMBER})(?:\s*(?:{scale})\b|(?P<pct>{PERCENT[language]}))?", re.I)
    for match in pattern.finditer(sentence):
        raw = match.group("n")
        value = parse(raw, language)
        factor = next((f for i, (_w, f) in enumerate(SCALES[language]) if match.group(f"s{i}")), None)
        if factor:
            yield "number", round(value * factor), match.group(0)
        elif match.group("pct"):
            yield "percent", value, match.group(0)
        elif re.search(r"\d[.,\u00a0\u202f ]\d{3}", raw) and not LEGAL_NUMBER.search(sentence[:match.start()]):
            yield "number", round(value), match.group(0)
    for words, value in WORDS[language]:
        for match in re.finditer(rf"\b{words}\b", sentence, re.I):
            yield "number", value, match.group(0)


def module_figures(language, module):
    """{(kind, value): [sentences]} for the readings of one module."""
    found = defaultdict(list)
    for path in sorted((COURSES / language / "html").glob(f"{module}_reading_*.html")):
        if (COURSES / "rules" / f"{path.stem}.{language}.html").exists():
            continue
        for sentence in sentences(reading_text(path)):
            for kind, value, _written in figures(sentence, language):
                found[(kind, value)].append(f"{path.name}: {sentence}")
    return found


def modules():
    return sorted({path.name.split("_")[0] for path in (COURSES / "en" / "html").glob("m*_reading_*.html")})


def test_figures_are_read_in_each_locale():
    assert list(figures("UNHCR counted 123.2 million people at the end of 2024, 3.6% of 1,500", "en")) == [
        ("number", 123_200_000, "123.2 million"), ("percent", 3.6, "3.6%"), ("number", 1500, "1,500")]
    assert [v for _k, v, _w in figures("123,2 millones; 3,6 %; 1.500; US$ 1.500 millones", "es")] == [
        123_200_000, 3.6, 1500, 1_500_000_000]
    assert [v for _k, v, _w in figures("831 bilhões de dólares; 48%; a Lei nº 13.445 de 2017", "pt")] == [
        831_000_000_000, 48]
    assert [v for _k, v, _w in figures("cerca de 21 mil pessoas e meio milhão de estudantes", "pt")] == [
        21_000, 500_000]
    assert [v for _k, v, _w in figures("More than half a million students", "en")] == [500_000]


def test_a_figure_missing_in_one_language_is_caught():
    en = {figure[:2] for figure in figures("More than 520,000 people crossed in 2023.", "en")}
    es = {figure[:2] for figure in figures("Más de 520.000 personas cruzaron en 2023.", "es")}
    pt = {figure[:2] for figure in figures("Mais de 500 mil pessoas atravessaram em 2023.", "pt")}
    assert en == es == {("number", 520_000)} and pt != en


@pytest.mark.parametrize("module", modules())
def test_each_module_states_the_same_figures_in_the_three_languages(module):
    found = {language: module_figures(language, module) for language in LANGUAGES}
    keys = set().union(*found.values())
    missing = {
        f"{kind} {value:g}": {language: found[language].get((kind, value), ["—"])[0] for language in LANGUAGES}
        for kind, value in sorted(keys)
        if not all((kind, value) in found[language] for language in LANGUAGES)
    }
    assert missing == {}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_figure_says_as_of_when(language):
    undated = [
        sentence
        for module in modules()
        for sentences_ in module_figures(language, module).values()
        for sentence in sentences_
        if not YEAR.search(sentence) and RULE not in sentence
    ]
    assert undated == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_headline_figures_have_one_vintage(language):
    """UNHCR Global Trends 2024 (end-2024) and R4V open the course. R4V's figure is the one its 2024
    plan states ("more than 7.7 million" who have left Venezuela, December 2023; OCHA, Global
    Humanitarian Overview 2024, Venezuela RMRP); an older vintage of the forcibly displaced (end-2023:
    117.3 million) or the rounded "close to 8 million", which no R4V text states, left anywhere fails."""
    opening = module_figures(language, "m01")
    assert ("number", 123_200_000) in opening
    assert ("number", 7_700_000) in opening
    stale = [path.name for path in (COURSES / language / "html").glob("*.html")
             if re.search(r"117[.,]3|(?:close to|cerca de) 8 (?:million|millones|milhões)",
                          path.read_text(encoding="utf-8"))]
    assert stale == []


if __name__ == "__main__":
    for module in modules():
        found = {language: module_figures(language, module) for language in LANGUAGES}
        for key in sorted(set().union(*found.values())):
            mark = " " if all(key in found[language] for language in LANGUAGES) else "!"
            print(f"{mark} {module} {key[0]} {key[1]:g}")
            for language in LANGUAGES:
                for sentence in found[language].get(key, []):
                    print(f"      {language} {sentence[:160]}")
