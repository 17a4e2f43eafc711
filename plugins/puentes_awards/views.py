"""HTTP: the receiving endpoint other sites POST entries to, and the organisers' list of an edition's entries."""
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.http import HttpResponseForbidden, JsonResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from . import api, receiving
from .eligibility import describe
from .models import Edition
from .pages import render
from .signing import IDEMPOTENCY_HEADER, SIGNATURE_HEADER

ENTRIES_PER_PAGE = 50


@csrf_exempt  # server to server: the HMAC signature is the proof of origin, there is no session
@require_POST
def receive_entry(request):
    answer = receiving.receive(request.body, request.headers.get(SIGNATURE_HEADER),
                               request.headers.get(IDEMPOTENCY_HEADER))
    return JsonResponse(answer.body, status=answer.status)


def _organiser_only(view):
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)
    return wrapped


@require_GET
@_organiser_only
def editions(request):
    organised = Edition.objects.all() if request.user.is_staff else request.user.organised_editions.all()
    return render(request, "puentes_awards/editions.html", {"editions": organised})


@require_GET
@_organiser_only
def edition_entries(request, slug):
    edition = get_object_or_404(Edition, slug=slug)
    if not api.can_organise(request.user, edition):
        return HttpResponseForbidden(_("Only the organisers of this competition can see its entries."))
    entries = (edition.entries.only("uuid", "title", "municipality", "country", "version", "eligible",
                                    "ineligibility", "entered_at", "edition_id")
               .order_by("-entered_at", "-id"))
    page = Paginator(entries, ENTRIES_PER_PAGE).get_page(request.GET.get("page"))
    rows = [{"entry": entry, "reasons": [describe(reason) for reason in entry.ineligibility]} for entry in page]
    return render(request, "puentes_awards/entries.html", {"edition": edition, "page": page, "rows": rows})
