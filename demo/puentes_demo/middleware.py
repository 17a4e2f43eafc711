"""Pick the page language: `?lang=` (kept in the session), else the course's, else the browser's."""
from django.utils import translation

ALIASES = {"en": "en", "es": "es-419", "es-419": "es-419", "pt": "pt-br", "pt-br": "pt-br"}


class LanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        chosen = ALIASES.get((request.GET.get("lang") or "").lower())
        if chosen:
            request.session["demo_lang"] = chosen
        language = request.session.get("demo_lang") or translation.get_language_from_request(request)
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", request.LANGUAGE_CODE)
        return response
