"""The tools' words, one module per language (text_en, text_es, text_pt), each written in that language."""
import importlib

TOOLS = ("problem_tree", "logical_framework", "budget", "referral_pathway", "contingency_plan")


def for_language(language):
    return importlib.import_module(f"{__package__}.text_{language}").TOOLS
