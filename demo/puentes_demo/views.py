"""The demo site's pages: landing, courses, units (as a learner sees them), Studio editors, handlers."""
import mimetypes

from django.contrib.auth import get_user_model, login, logout
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from opaque_keys import InvalidKeyError
from opaque_keys.edx.keys import UsageKey
from web_fragments.fragment import Fragment
from xblock.core import XBlock
from xblock.django.request import django_to_webob_request, webob_to_django_response
from xblock.exceptions import NoSuchHandlerError, NoSuchUsage
from xblock.plugin import PluginMissingError

from . import personas
from .models import CourseRole, DemoUnit
from .runtime import DemoRuntime

PACK_TAGS = ("puentes_case_study", "puentes_proposal", "puentes_tutor_review", "puentes_needs_assessment")


def _course_language_units():
    units = {}
    for unit in DemoUnit.objects.exclude(audience="linked"):  # units only reached through a block's link
        units.setdefault(unit.language, []).append(unit)
    return units


def index(request):
    return render(request, "demo/index.html", {
        "personas": personas.PERSONAS,
        "units_by_language": _course_language_units(),
    })


@require_POST
def quick_login(request, username):
    """Demo only: sign in as one of the demo users with one click."""
    user = get_user_model().objects.filter(username=username, username__in=personas.usernames()).first()
    if user is None:
        raise Http404
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    return redirect(request.POST.get("next") or "demo:index")


def sign_out(request):
    logout(request)
    return redirect("demo:index")


def _unit_or_404(usage_id):
    try:
        return DemoUnit.objects.get(usage_id=usage_id)
    except DemoUnit.DoesNotExist:
        raise Http404(_("No such unit.")) from None


def jump_to_id(request, course_id, block_id):
    """The LMS's /courses/<course>/jump_to_id/<url_name>: to the unit with that url_name (the needs assessment
    links the units on a learner's weakest areas this way). The demo knows only the units it loaded."""
    from .loading import load_linked_unit
    unit = DemoUnit.objects.filter(course_key=course_id, usage_id__endswith=f"@{block_id}").first() \
        or load_linked_unit(course_id, block_id)
    if unit is None:
        raise Http404(_("This demo does not show that unit."))
    return redirect("demo:unit", usage_id=unit.usage_id)


def _render_unit(request, unit, view_name):
    runtime = DemoRuntime(request.user, UsageKey.from_string(unit.usage_id).course_key)
    vertical = runtime.get_block(unit.usage_id)
    runtime.kvs.prefetch([unit.usage_id, *vertical.children], runtime.django_user_id)
    if view_name == "student_view":
        fragment = vertical.render("student_view", {})
    else:
        fragment = _studio_fragment(runtime, vertical)
    siblings = list(DemoUnit.objects.filter(language=unit.language))
    return render(request, "demo/unit.html", {
        "unit": unit, "view_name": view_name, "siblings": siblings,
        "body": fragment.body_html(), "head_html": fragment.head_html(), "foot_html": fragment.foot_html(),
        "role": _role(request.user, runtime.course_key),
    })


def _studio_fragment(runtime, vertical):
    """The Studio editors of the pack's blocks in a unit, one after the other."""
    fragment = Fragment()
    for child_id in vertical.children:
        child = runtime.get_block(child_id)
        if child.scope_ids.block_type in PACK_TAGS and hasattr(child, "studio_view"):
            child_fragment = child.render("studio_view", {})
            fragment.add_fragment_resources(child_fragment)
            fragment.add_content(child_fragment.body_html())
    return fragment


def _role(user, course_key):
    if not user.is_authenticated:
        return None
    return CourseRole.objects.filter(user=user, course_key=str(course_key)).values_list("role", flat=True).first() \
        or "student"


@login_required
def unit_view(request, usage_id):
    return _render_unit(request, _unit_or_404(usage_id), "student_view")


@login_required
def studio_view(request, usage_id):
    unit = _unit_or_404(usage_id)
    if _role(request.user, UsageKey.from_string(unit.usage_id).course_key) not in ("staff", "instructor") \
            and not request.user.is_staff:
        return render(request, "demo/forbidden.html", status=403)
    return _render_unit(request, unit, "studio_view")


def handler(request, usage_id, handler_name, suffix=""):
    if not request.user.is_authenticated:
        return JsonResponse({"error": _("Sign in to do this.")}, status=403)
    try:
        usage_key = UsageKey.from_string(usage_id)
        runtime = DemoRuntime(request.user, usage_key.course_key)
        block = runtime.get_block(usage_id)
    except (InvalidKeyError, NoSuchUsage, PluginMissingError):
        return JsonResponse({"error": _("No such block.")}, status=404)
    webob_request = django_to_webob_request(request)
    try:
        response = runtime.handle(block, handler_name, webob_request, suffix)
    except NoSuchHandlerError:
        return JsonResponse({"error": _("No handler named %(name)s.") % {"name": handler_name}}, status=404)
    return webob_to_django_response(response)


def package_resource(request, block_type, resource):
    try:
        block_class = XBlock.load_class(block_type)
        content = block_class.open_local_resource(resource).read()
    except (PluginMissingError, OSError, ValueError):
        raise Http404 from None
    content_type, _ = mimetypes.guess_type(resource)
    return HttpResponse(content, content_type=content_type or "application/octet-stream")
