"""The demo site's pages: landing, courses, units (as a learner sees them), Studio editors, handlers."""
import mimetypes

from django.contrib.auth import get_user_model, login, logout
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, HttpResponseForbidden, JsonResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from opaque_keys import InvalidKeyError
from opaque_keys.edx.keys import UsageKey
from web_fragments.fragment import Fragment
from xblock.core import XBlock
from xblock.django.request import django_to_webob_request, webob_to_django_response
from xblock.exceptions import DisallowedFileError, NoSuchHandlerError, NoSuchUsage
from xblock.plugin import PluginMissingError

from . import personas, roles
from .models import DemoUnit
from .runtime import DemoRuntime, MasqueradeRuntime, PreviewRuntime, StudioRuntime

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


LOCAL_ADDRESSES = frozenset({"127.0.0.1", "::1"})


@require_POST
def quick_login(request, username):
    """Demo only: sign in as one of the demo users with one click, from this machine only (D1).

    Anyone who reaches the demo over a network signs in with a password at /login/; `next` never
    leads off this site.
    """
    if request.META.get("REMOTE_ADDR") not in LOCAL_ADDRESSES:
        return HttpResponseForbidden(_("One-click sign-in works only on the machine running the demo. "
                                       "Sign in with a username and password instead."))
    user = get_user_model().objects.filter(username=username, username__in=personas.usernames()).first()
    if user is None:
        raise Http404
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    wanted = request.POST.get("next") or ""
    if not url_has_allowed_host_and_scheme(wanted, allowed_hosts={request.get_host()},
                                           require_https=request.is_secure()):
        wanted = "demo:index"
    return redirect(wanted)


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
    course_key = UsageKey.from_string(unit.usage_id).course_key
    if view_name == "student_view":
        runtime = _lms_runtime(request, course_key)
        vertical = runtime.get_block(unit.usage_id)
        if not runtime.may_load(vertical):
            raise Http404(_("No such unit."))  # the LMS's courseware: no access is no such unit
        runtime.kvs.prefetch([unit.usage_id, *vertical.children], runtime.django_user_id)
        fragment = vertical.render("student_view", {})
    else:
        fragment = _studio_fragment(request, unit.usage_id, course_key)
    siblings = list(DemoUnit.objects.filter(language=unit.language))
    return render(request, "demo/unit.html", {
        "unit": unit, "view_name": view_name, "siblings": siblings,
        "body": fragment.body_html(), "head_html": fragment.head_html(), "foot_html": fragment.foot_html(),
        "role": roles.course_role(request.user, course_key),
        "viewing_as": _viewing_as(request, course_key),
    })


def _viewing_as(request, course_key):
    """The username a staff member views this course as (the LMS's "View this course as"), or None."""
    if not roles.has_staff_access(request.user, course_key):
        return None
    return request.session.get("demo_masquerade", {}).get(str(course_key))


def _lms_runtime(request, course_key):
    """The LMS's runtime for this request: bound to the learner a staff member views the course as
    (courseware/masquerade.py setup_masquerade), else to the user who asks."""
    username = _viewing_as(request, course_key)
    learner = get_user_model().objects.filter(username=username).first() if username else None
    if learner is not None:
        return MasqueradeRuntime(request.user, learner, course_key, session=request.session)
    return DemoRuntime(request.user, course_key)


@require_POST
@login_required
def view_as(request, usage_id):
    """Staff: view the course as a specific learner, or (no username) as themselves again."""
    course_key = _course_of(usage_id)
    if not roles.has_staff_access(request.user, course_key):
        return render(request, "demo/forbidden.html", status=403)
    username = request.POST.get("username", "").strip()
    if username and not get_user_model().objects.filter(username=username).exists():
        raise Http404(_("There is no user with that username."))
    request.session.setdefault("demo_masquerade", {})[str(course_key)] = username or None
    request.session.modified = True
    return redirect("demo:unit", usage_id)


def _studio_fragment(request, usage_id, course_key):
    """Studio's unit page for the pack's blocks: each one's preview (author_view where the block has one,
    rendered by the preview runtime) above its editor (studio_view, saved through Studio's handler)."""
    preview = PreviewRuntime(request.user, course_key, session=request.session)
    editor = StudioRuntime(request.user, course_key)
    fragment = Fragment()
    for child_id in preview.get_block(usage_id).children:
        shown = preview.get_block(child_id)
        if shown.scope_ids.block_type not in PACK_TAGS:
            continue
        parts = []
        for runtime, block, view_name in ((preview, shown, preview.preview_view(shown)),
                                          (editor, editor.get_block(child_id), "studio_view")):
            child_fragment = block.render(view_name, {})
            fragment.add_fragment_resources(child_fragment)
            parts.append(f'<div class="demo-{view_name}" data-handler-base="{runtime.handler_base()}">'
                         f'{child_fragment.body_html()}</div>')
        fragment.add_content(f'<section class="demo-studio-component">{"".join(parts)}</section>')
    return fragment


@login_required
def unit_view(request, usage_id):
    return _render_unit(request, _unit_or_404(usage_id), "student_view")


@login_required
def studio_view(request, usage_id):
    unit = _unit_or_404(usage_id)
    if not roles.has_studio_write_access(request.user, UsageKey.from_string(unit.usage_id).course_key):
        return render(request, "demo/forbidden.html", status=403)
    return _render_unit(request, unit, "studio_view")


def _call_handler(runtime, usage_id, handler_name, request, suffix):
    """Run a handler as the platform's handler views do: a bad id or a missing handler is a 404."""
    try:
        block = runtime.get_block(usage_id)
    except (InvalidKeyError, NoSuchUsage, PluginMissingError):
        return JsonResponse({"error": _("No such block.")}, status=404)
    try:
        response = runtime.handle(block, handler_name, django_to_webob_request(request), suffix)
    except NoSuchHandlerError:
        return JsonResponse({"error": _("No handler named %(name)s.") % {"name": handler_name}}, status=404)
    return webob_to_django_response(response)


def _course_of(usage_id):
    try:
        return UsageKey.from_string(usage_id).course_key
    except InvalidKeyError:
        raise Http404(_("No such block.")) from None


def handler(request, usage_id, handler_name, suffix=""):
    """The LMS's handler view (lms/djangoapps/courseware/block_render.py handle_xblock_callback)."""
    if not request.user.is_authenticated:
        return JsonResponse({"error": _("Sign in to do this.")}, status=403)
    response = _call_handler(_lms_runtime(request, _course_of(usage_id)), usage_id, handler_name, request, suffix)
    request.session.modified = True  # a masquerading runtime keeps its field writes in the session
    return response


@login_required
def studio_handler(request, usage_id, handler_name, suffix=""):
    """Studio's component_handler: any signed-in user; the runtime saves only a course author's changes."""
    return _call_handler(StudioRuntime(request.user, _course_of(usage_id)), usage_id, handler_name, request, suffix)


@login_required
def preview_handler(request, usage_id, handler_name, suffix=""):
    """Studio's preview_handler: the preview runtime, learner state in the session."""
    runtime = PreviewRuntime(request.user, _course_of(usage_id), session=request.session)
    response = _call_handler(runtime, usage_id, handler_name, request, suffix)
    request.session.modified = True
    return response


def package_resource(request, block_type, resource):
    try:
        block_class = XBlock.load_class(block_type)
        with block_class.open_local_resource(resource) as stream:
            content = stream.read()
    except (PluginMissingError, DisallowedFileError, OSError, ValueError):   # outside public/: 404, never a 500
        raise Http404 from None
    content_type, _ = mimetypes.guess_type(resource)
    return HttpResponse(content, content_type=content_type or "application/octet-stream")
