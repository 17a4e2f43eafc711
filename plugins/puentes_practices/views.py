"""The library's pages: public reading (library, practice, feed, JSON, network) and the forms of the team,
the moderators and the competition's organisers. Every refusal is a 4xx with the sentence next to its field."""
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from . import api, countries
from .messages import sentence
from .vocabulary import BUDGET_BANDS, GROUPS_SERVED, LANGUAGES, THEMATIC_AREAS, language_of


def _choices():
    return {"areas": THEMATIC_AREAS.items(), "groups": GROUPS_SERVED.items(),
            "bands": [(code, label) for code, _low, _high, label in BUDGET_BANDS], "languages": LANGUAGES.items(),
            "countries": countries.choices()}


def _page_number(raw):
    try:
        number = int(str(raw or "1"))
    except ValueError:
        raise api.PracticeError("bad_page", "page") from None
    if number < 1 or number > 100_000:
        raise api.PracticeError("bad_page", "page")
    return number


def _search(params):
    """(PracticePage, filters, query) for the reader's query string; PracticeError for a bad filter."""
    filters = api.clean_filters(params)
    query = str(params.get("q") or "")[:200]
    page = api.search_practices(query, filters, _page_number(params.get("page")),
                                settings.PUENTES_PRACTICES_PAGE_SIZE)
    return page, filters, query


def discussion_url(practice):
    """The course's discussion topic for the practice's first thematic area ("" when none is configured)."""
    topic = next((settings.PUENTES_PRACTICES_DISCUSSION_TOPICS.get(area) for area in practice.areas), None)
    if not topic:
        return ""
    mfe = str(getattr(settings, "DISCUSSIONS_MICROFRONTEND_URL", "") or "").rstrip("/")
    template = settings.PUENTES_PRACTICES_DISCUSSION_URL
    if "{discussions_mfe}" in template and not mfe:
        template = "/courses/{course_id}/discussion/forum/"   # no Discussions MFE: the course's forum
    return template.format(discussions_mfe=mfe, course_id=practice.course_key, discussion_id=topic)


# --- public ------------------------------------------------------------------------------------------

@require_GET
def library(request):
    context = {"choices": _choices(), "params": request.GET}
    try:
        context["page"], context["filters"], context["query"] = _search(request.GET)
    except api.PracticeError as error:
        context.update(error_field=error.field, error=sentence(error.code), filters={}, query="")
        return render(request, "puentes_practices/library.html", context, status=400)
    query = request.GET.copy()
    query.pop("page", None)
    context["query_string"] = query.urlencode()
    return render(request, "puentes_practices/library.html", context)


@require_GET
def practice_page(request, practice_id):
    practice = api.get_public(practice_id)
    if practice is None:
        raise Http404()
    return render(request, "puentes_practices/practice.html", {
        "practice": practice, "discussion_url": discussion_url(practice),
        "canonical": request.build_absolute_uri(reverse("puentes_practices:practice", args=[practice.practice_id])),
    })


@require_GET
def network_page(request):
    members = api.network()
    by_country = {}
    for member in members:
        by_country.setdefault(member.country, []).append(member)
    ordered = sorted(by_country.items(), key=lambda item: countries.name(item[0]))
    return render(request, "puentes_practices/network.html", {"countries": ordered})


def practice_json(practice, request):
    return {
        "id": practice.practice_id,
        "url": request.build_absolute_uri(reverse("puentes_practices:practice", args=[practice.practice_id])),
        "title": practice.title, "language": practice.language, "summary": practice.summary,
        "problem": practice.problem, "actions": practice.actions, "partners": practice.partners,
        "indicators": practice.indicators, "municipality": practice.municipality, "country": practice.country,
        "thematic_areas": practice.areas, "groups_served": practice.groups,
        "budget": {"total": str(practice.budget_total) if practice.budget_total is not None else None,
                   "currency": practice.currency, "band": practice.budget_band},
        "award": {"label": practice.award, "place": practice.award_place, "edition": practice.edition_name}
        if practice.award else None,
        "course_run": practice.course_run, "contact_email": practice.contact_email or None,
        "published_at": practice.published_at.isoformat() if practice.published_at else None,
    }


def _open_json(data, status=200):
    response = JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})
    response["Access-Control-Allow-Origin"] = "*"   # public, read-only: partner sites may read it from a browser
    return response


@require_GET
def api_practices(request):
    try:
        page, _filters, _query = _search(request.GET)
    except api.PracticeError as error:
        return _open_json({"error": sentence(error.code), "field": error.field}, status=400)
    return _open_json({"count": page.total, "page": page.page, "pages": page.pages, "words": page.words,
                       "results": [practice_json(p, request) for p in page.practices]})


@require_GET
def api_practice(request, practice_id):
    practice = api.get_public(practice_id)
    if practice is None:
        return _open_json({"error": sentence("not_found")}, status=404)
    return _open_json(practice_json(practice, request))


# --- the team ----------------------------------------------------------------------------------------

def _team_form(post):
    return {"language": str(post.get("language") or ""), "groups": post.getlist("groups"),
            "municipality": str(post.get("municipality") or ""), "country": str(post.get("country") or ""),
            "budget_band": str(post.get("budget_band") or ""), "contact_email": str(post.get("contact_email") or ""),
            "wants_contact": post.get("wants_contact") == "on", "in_network": post.get("in_network") == "on"}


@login_required
@require_http_methods(["GET", "POST"])
def share(request, proposal_id):
    """A team member shares the team's approved proposal with the library (the team's consent)."""
    from puentes_proposals import api as proposals_api
    if not proposals_api.is_member(proposal_id, request.user.pk):
        raise Http404()
    practice = api.practice_for_proposal(proposal_id)
    context = {"proposal_id": proposal_id, "practice": practice, "choices": _choices(),
               "form": {"language": practice.language if practice else language_of(request.LANGUAGE_CODE),
                        "groups": practice.groups if practice else [],
                        "municipality": practice.municipality if practice else "",
                        "country": practice.country if practice else "",
                        "budget_band": practice.budget_band if practice else "",
                        "contact_email": practice.contact_email if practice else request.user.email,
                        "wants_contact": bool(practice and practice.contact_email),
                        "in_network": bool(practice and practice.in_network)}}
    if request.method == "POST":
        form = _team_form(request.POST)
        if request.POST.get("consent") != "on":
            context.update(form=form, error_field="consent", error=sentence("consent_required"))
            return render(request, "puentes_practices/share.html", context, status=400)
        try:
            api.share_proposal(proposal_id, request.user, **form)
        except api.PracticeError as error:
            context.update(form=form, error_field=error.field, error=sentence(error.code))
            return render(request, "puentes_practices/share.html", context, status=404 if error.code == "not_found"
                          else 400)
        return redirect(reverse("puentes_practices:share", args=[proposal_id]) + "?shared=1")
    context["shared"] = request.GET.get("shared") == "1"
    return render(request, "puentes_practices/share.html", context)


@login_required
@require_POST
def withdraw(request, practice_id):
    try:
        practice = api.withdraw(practice_id, request.user, note=request.POST.get("note", ""))
    except api.PracticeError:
        raise Http404() from None
    if request.POST.get("next") == "moderate" and api.may_moderate(request.user):
        return redirect("puentes_practices:moderate")
    return redirect(reverse("puentes_practices:share", args=[practice.proposal_id]))


# --- moderators and organisers -----------------------------------------------------------------------

@login_required
@require_http_methods(["GET", "POST"])
def moderate(request):
    if not api.may_moderate(request.user):
        raise Http404()
    status, errors = 200, {}
    if request.method == "POST":
        try:
            practice_id = int(request.POST.get("practice", ""))
        except ValueError:
            raise Http404() from None
        try:
            if request.POST.get("action") == "publish":
                api.publish(practice_id, request.user)
            elif request.POST.get("action") == "edit":
                api.edit(practice_id, request.user, summary=request.POST.get("summary", ""),
                         groups=request.POST.getlist("groups"), areas=request.POST.getlist("areas"),
                         budget_band=request.POST.get("budget_band", ""))
            else:
                raise Http404()
            return redirect("puentes_practices:moderate")
        except api.PracticeError as error:
            if error.code == "not_found":
                raise Http404() from None
            errors = {"practice": practice_id, "field": error.field, "message": sentence(error.code),
                      "summary": request.POST.get("summary", "")}
            status = 400
    return render(request, "puentes_practices/moderate.html", {
        "pending": api.moderation_queue("pending"), "published": api.moderation_queue("published"),
        "choices": _choices(), "errors": errors}, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def edition_entries(request, slug):
    """An organiser chooses which of the edition's entries go into the library, and which get a mention."""
    from puentes_awards import api as awards_api
    entries = awards_api.entries_for_library(slug, request.user)
    if entries is None:
        raise Http404()
    if request.method == "POST":
        try:
            api.add_entry(slug, request.POST.get("entry", ""), request.user, award=request.POST.get("award", ""))
        except api.PracticeError as error:
            if error.code == "not_found":
                raise Http404() from None
            return render(request, "puentes_practices/edition_entries.html",
                          {"slug": slug, "rows": _entry_rows(entries), "error": sentence(error.code)}, status=400)
        return redirect("puentes_practices:edition_entries", slug=slug)
    return render(request, "puentes_practices/edition_entries.html", {"slug": slug, "rows": _entry_rows(entries)})


def _entry_rows(entries):
    return [(entry, api.practice_for_proposal(entry.snapshot.get("proposal_id"))) for entry in entries]
