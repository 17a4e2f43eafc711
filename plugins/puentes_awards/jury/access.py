"""Who may reach which page. Anonymous people are sent to sign in; signed-in people without the role get 403;
jurors asking for an entry they may not see get 404, so a conflicted entry's existence is not disclosed."""
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from .. import api
from ..models import Edition
from . import services


def _edition_view(check):
    def decorator(view):
        @wraps(view)
        def wrapped(request, slug, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            edition = get_object_or_404(Edition, slug=slug)
            role = check(request.user, edition)
            return view(request, edition, role, *args, **kwargs)
        return wrapped
    return decorator


def _juror(user, edition):
    juror = services.juror_of(user, edition)
    if juror is None:
        raise PermissionDenied(_("Only this competition's jurors can open the jury workspace."))
    return juror


def _organiser(user, edition):
    if not api.can_organise(user, edition):
        raise PermissionDenied(_("Only this competition's organisers can open this page."))
    return user


juror_required = _edition_view(_juror)
organiser_required = _edition_view(_organiser)


def visible_entry(juror, entry_uuid):
    """The entry if this juror may see it, else 404 (not assigned, conflicted, or not in this edition)."""
    for entry in services.visible_entries(juror):
        if str(entry.uuid) == str(entry_uuid):
            return entry
    raise Http404(_("No such entry in your workspace."))
