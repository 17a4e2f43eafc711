"""An LMS-shaped XBlock runtime for the demo site and the tests.

Not the xblock-sdk WorkbenchRuntime: that one overwrites `location`, `due` and `category` on every
render, and its `user` service only knows a `?student=` id (PLATFORM-NOTES.md). Here usage ids are
real opaque keys, the user comes from the Django login, and the services answer as the LMS's do.
"""
import hashlib
import importlib.resources
import logging

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from opaque_keys.edx.keys import UsageKey
from opaque_keys.edx.locator import BlockUsageLocator, CourseLocator
from webob import Response
from xblock.core import XBlock
from xblock.exceptions import NoSuchUsage
from xblock.field_data import ReadOnlyFieldData, SplitFieldData
from xblock.fields import Scope, ScopeIds
from xblock.reference.user_service import UserService, XBlockUser
from xblock.runtime import IdGenerator, IdReader, KeyValueStore, KvsFieldData, Runtime

from puentes_core.safe_json import script_json

from . import limits, roles
from .i18n_service import XBlockI18nService
from .lms_mixin import LmsBlockMixin
from .models import FieldState

log = logging.getLogger(__name__)

# Tags the LMS provides that a demo page needs to show around the pack's blocks.
DEMO_BLOCKS = {
    "vertical": "puentes_demo.blocks.VerticalBlock",
    "html": "puentes_demo.blocks.HtmlBlock",
    "problem": "puentes_demo.blocks.ProblemBlock",
    "discussion": "puentes_demo.blocks.DiscussionBlock",
}


def anonymous_id_for(user_id, course_key):
    """Stable per user and course, like the LMS's anonymous_id_for_user."""
    digest = hashlib.md5(f"{settings.SECRET_KEY}|{course_key}|{user_id}".encode())
    return digest.hexdigest()


class CourseKeys(IdReader, IdGenerator):
    """Usage ids are BlockUsageLocators in one course; the url_name in the OLX is the block id."""

    def __init__(self, course_key=None):
        self.course_key = course_key
        self.next_block_id = None
        self._counter = 0

    def create_definition(self, block_type, slug=None):
        block_id = self.next_block_id or slug
        self.next_block_id = None
        if not block_id:
            self._counter += 1
            block_id = f"{block_type}_{self._counter}"
        return str(BlockUsageLocator(self.course_key, block_type, block_id))

    def create_usage(self, def_id):
        return def_id

    def get_definition_id(self, usage_id):
        return str(usage_id)

    def get_usage_id_from_aside(self, aside_id):
        raise NotImplementedError

    def get_definition_id_from_aside(self, aside_id):
        raise NotImplementedError

    def get_aside_type_from_usage(self, aside_id):
        raise NotImplementedError

    def get_aside_type_from_definition(self, aside_id):
        raise NotImplementedError

    def create_aside(self, definition_id, usage_id, aside_type):
        raise NotImplementedError

    def get_block_type(self, def_id):
        return UsageKey.from_string(str(def_id)).block_type


class DatabaseKeyValueStore(KeyValueStore):
    """Field values in FieldState rows, read once per runtime and written through."""

    def __init__(self):
        self._rows = {}

    @staticmethod
    def _row_key(key):
        return (key.scope.name, str(key.block_scope_id), "" if key.user_id is None else str(key.user_id))

    def prefetch(self, usage_ids, user_id):
        """Load every row of these blocks for this user (and their content) in one query. A row already read
        stays (its unsaved changes with it)."""
        rows = FieldState.objects.filter(scope_id__in=[str(u) for u in usage_ids],
                                         user_id__in=["", str(user_id or "")])
        for row in rows:
            key = (row.scope, row.scope_id, row.user_id)
            if self._rows.get(key) is None:
                self._rows[key] = row
        for usage_id in usage_ids:
            for scope in (Scope.content, Scope.settings, Scope.children, Scope.parent, Scope.user_state):
                for uid in ("", str(user_id or "")):
                    self._rows.setdefault((scope.name, str(usage_id), uid), None)

    def has_read(self, key):
        """Has this key's row (or its absence) been read already?"""
        return self._row_key(key) in self._rows

    def _row(self, key, create=False):
        row_key = self._row_key(key)
        if row_key not in self._rows:
            self._rows[row_key] = FieldState.objects.filter(
                scope=row_key[0], scope_id=row_key[1], user_id=row_key[2]).first()
        row = self._rows[row_key]
        if row is None and create:
            row, _ = FieldState.objects.get_or_create(scope=row_key[0], scope_id=row_key[1], user_id=row_key[2])
            self._rows[row_key] = row
        return row

    def get(self, key):
        row = self._row(key)
        if row is None or key.field_name not in row.state:
            raise KeyError(key.field_name)
        return row.state[key.field_name]

    def set(self, key, value):
        self.set_many({key: value})

    def set_many(self, update_dict):
        touched = {}
        for key, value in update_dict.items():
            row = self._row(key, create=True)
            row.state[key.field_name] = value
            touched[id(row)] = row
        for row in touched.values():
            row.save(update_fields=["state"])

    def delete(self, key):
        row = self._row(key)
        if row is not None and key.field_name in row.state:
            del row.state[key.field_name]
            row.save(update_fields=["state"])

    def has(self, key):
        row = self._row(key)
        return row is not None and key.field_name in row.state


_DELETED = {"$deleted": True}


class OverlayKeyValueStore(DatabaseKeyValueStore):
    """Reads the database; writes go to `overlay` (a dict, or a session) and reach the database only
    through `commit()`.

    Studio's editor keeps a non-author's changes out of the store (component.py); Studio preview
    keeps an author's clicks in the session (views/session_kv_store.py), as the LMS does for staff
    masquerading as a learner (courseware/masquerade.py MasqueradingKeyValueStore).
    """

    def __init__(self, overlay=None):
        super().__init__()
        self.overlay = {} if overlay is None else overlay
        self._keys = {}

    @staticmethod
    def _name(key):
        return repr(tuple(str(part) for part in key))

    def get(self, key):
        value = self.overlay.get(self._name(key), None)
        if value is None and self._name(key) not in self.overlay:
            return super().get(key)
        if value == _DELETED:
            raise KeyError(key.field_name)
        return value

    def has(self, key):
        if self._name(key) in self.overlay:
            return self.overlay[self._name(key)] != _DELETED
        return super().has(key)

    def set_many(self, update_dict):
        for key, value in update_dict.items():
            self._keys[self._name(key)] = key
            self.overlay[self._name(key)] = value

    def delete(self, key):
        self.set_many({key: _DELETED})

    def commit(self):
        """Write the held changes: each touched row once."""
        changes = {self._keys[name]: value for name, value in self.overlay.items()}
        for key in [key for key, value in changes.items() if value == _DELETED]:
            del changes[key]
            super().delete(key)
        super().set_many(changes)
        self.discard()

    def discard(self):
        self.overlay.clear()


class PlatformUserService(UserService):
    """The platform's DjangoXBlockUserService (common/djangoapps/xblock_django/user_service.py).

    Its defaults are the platform's: role `student`, not staff, no anonymous id. The LMS passes the
    real values (lms/djangoapps/courseware/block_render.py prepare_runtime_for_user); Studio's editor
    passes none (view_handlers.load_services_for_studio); Studio preview passes its own role and the
    anonymous id `student` (views/preview.py).
    """

    def __init__(self, django_user, *, user_role="student", user_is_staff=False, user_is_global_staff=False,
                 anonymous_user_id=None):
        super().__init__()
        self.django_user = django_user
        self._attrs = {"edx-platform.is_authenticated": False}
        if django_user and django_user.is_authenticated:
            self._attrs = {
                "edx-platform.is_authenticated": True,
                "edx-platform.user_id": django_user.id,
                "edx-platform.username": django_user.username,
                "edx-platform.anonymous_user_id": anonymous_user_id,
                "edx-platform.user_is_staff": user_is_staff,
                "edx-platform.user_is_global_staff": user_is_global_staff,
                "edx-platform.user_role": user_role,
                "edx-platform.user_preferences": {"pref-lang": translation.get_language()},
            }

    def get_current_user(self):
        authenticated = self._attrs["edx-platform.is_authenticated"]
        user = XBlockUser(
            is_current_user=True,
            emails=[self.django_user.email] if authenticated else [],
            full_name=(self.django_user.get_full_name() or self.django_user.username) if authenticated else "",
        )
        user.opt_attrs.update(self._attrs)
        return user

    def get_user_by_anonymous_id(self, uid=None):
        """The Django user behind an anonymous id; without one, the current user's own (as the platform's
        service). The demo knows only the current user's id, so any other id finds nobody."""
        own = self._attrs.get("edx-platform.anonymous_user_id")
        if not self._attrs["edx-platform.is_authenticated"] or (uid is None and own is None):
            return None
        return self.django_user if uid is None or uid == own else None

    def get_anonymous_user_id(self, username, course_id):
        """Another user's anonymous id: answered to course staff only ("None for Non-staff users")."""
        if not self._attrs.get("edx-platform.user_is_staff"):
            return None
        from django.contrib.auth import get_user_model
        from django.db.models import Q
        user = get_user_model().objects.filter(Q(username=username) | Q(email=username)).first()
        return anonymous_id_for(user.id, CourseLocator.from_string(str(course_id))) if user else None


def lms_user_service(django_user, course_key, role=None):
    """The user service as the LMS builds it for a learner, tutor or staff member of the course (`role`: their
    course role, when the caller has read it)."""
    authenticated = bool(django_user and django_user.is_authenticated)
    role = role if role is not None else roles.course_role(django_user, course_key)
    return PlatformUserService(
        django_user,
        user_role=roles.lms_user_role(django_user, course_key, role),
        user_is_staff=roles.has_staff_access(django_user, course_key, role),
        user_is_global_staff=authenticated and django_user.is_staff,
        anonymous_user_id=anonymous_id_for(django_user.id, course_key) if authenticated else None,
    )


class SettingsService:
    """XBLOCK_SETTINGS[<block class name>], as the LMS's settings service answers."""

    def get_settings_bucket(self, block, default=None):
        name = getattr(block, "block_settings_key", type(block).unmixed_class.__name__)
        return getattr(settings, "XBLOCK_SETTINGS", {}).get(name, default if default is not None else {})


class DemoRuntime(Runtime):
    """The LMS's runtime, one per request: who is asking, in which course, with LMS-shaped services."""

    handler_prefix = "demo:handler"  # lms/urls.py: /courses/<course>/xblock/<usage>/handler/<name>
    lms_handler_checks = True

    def __init__(self, django_user=None, course_key=None, kvs=None):
        self.course_key = CourseLocator.from_string(str(course_key)) if course_key else None
        self.kvs = kvs or DatabaseKeyValueStore()
        self.django_user = django_user
        ids = CourseKeys(self.course_key)
        from .teams import TeamsConfigurationService  # noqa: PLC0415 - teams reads this module
        services = {
            "field-data": self.field_data(self.kvs),
            "user": self.user_service(django_user),
            "settings": SettingsService(),
            # The LMS, Studio's editor and Studio's preview all give it (view_handlers.load_services_for_studio,
            # views/preview.py); only the LMS gives `teams` (extra_services).
            "teams_configuration": TeamsConfigurationService(),
        }
        services.update(self.extra_services(django_user))
        super().__init__(ids, ids, services=services, mixins=(LmsBlockMixin,))
        authenticated = bool(django_user and django_user.is_authenticated)
        self.django_user_id = django_user.id if authenticated else None
        self.anonymous_student_id = self._services["user"].get_current_user().opt_attrs.get(
            "edx-platform.anonymous_user_id")

    def user_service(self, django_user):
        return lms_user_service(django_user, self.course_key, self.course_role())

    def course_role(self):
        """The user's course role, read once per runtime (one request), as the LMS keeps a user's roles for the
        request (common/djangoapps/student/roles.py RoleCache)."""
        if "_course_role" not in self.__dict__:
            self._course_role = roles.course_role(self.django_user, self.course_key)
        return self._course_role

    def handle(self, block, handler_name, request, suffix=""):
        """The LMS's handler view first refuses what a Tutor site refuses before any block runs (limits.py),
        then loads the block only for a user who may load it (block_render.py get_block_by_usage_id:
        no access is a 404, as if the block did not exist)."""
        if self.lms_handler_checks:
            refused = limits.refusal(request)
            if refused:
                return refused
            if not self.may_load(block):
                return Response(status=404, json_body={"error": "Not found"})
        return super().handle(block, handler_name, request, suffix)

    def may_load(self, block):
        return roles.has_load_access(self.django_user, block, self.course_key, self.course_role())

    @staticmethod
    def field_data(kvs):
        """lms/djangoapps/lms_xblock/field_data.py LmsFieldData: authored fields (content, settings,
        parent, children) are read-only in the LMS; writing one raises InvalidScopeError."""
        data = KvsFieldData(kvs)
        authored = ReadOnlyFieldData(data)
        return SplitFieldData({Scope.content: authored, Scope.settings: authored, Scope.parent: authored,
                               Scope.children: authored, Scope.user_state_summary: data,
                               Scope.user_state: data, Scope.user_info: data, Scope.preferences: data})

    def extra_services(self, django_user):
        from .events import CompletionService
        from .teams import TeamsService  # noqa: PLC0415 - teams reads this module
        authenticated = bool(django_user and django_user.is_authenticated)
        return {"completion": CompletionService(django_user.id) if authenticated else None,
                "teams": TeamsService()}

    def applicable_aside_types(self, block):
        """None, as the LMS while XBlockAsidesConfig is off, its default (lms/djangoapps/lms_xblock/runtime.py
        lms_applicable_aside_types): XBlock's own reads every installed package's entry points per render."""
        return []

    # The LMS builds the i18n service per block (x_module.py: "if callable(service): return service(block)").
    def service(self, block, service_name):
        if service_name == "i18n" and block.service_declaration("i18n") is not None:
            return XBlockI18nService(block)
        return super().service(block, service_name)

    def load_block_type(self, block_type):
        path = DEMO_BLOCKS.get(block_type)
        if path:
            module, _, name = path.rpartition(".")
            return getattr(importlib.import_module(module), name)
        return XBlock.load_class(block_type, select=None)

    def _usage_id_from_node(self, node, parent_id):
        # Keep OLX url_names as block ids, as the LMS's import does.
        self.id_generator.next_block_id = node.get("url_name")
        return super()._usage_id_from_node(node, parent_id)

    def get_block(self, usage_id, for_parent=None):
        usage_id = str(usage_id)
        block_type = self.id_reader.get_block_type(usage_id)
        if not self.block_exists(usage_id):
            raise NoSuchUsage(usage_id)   # as the LMS's modulestore: no block is made up from an id (D3)
        keys = ScopeIds(self.django_user_id, block_type, usage_id, usage_id)
        block = self.construct_xblock(block_type, keys, for_parent=for_parent)
        block.location = UsageKey.from_string(usage_id)
        block.course_id = block.location.course_key
        return block

    def block_exists(self, usage_id):
        """Was this block loaded (parsed from a course's OLX)? Every parsed block has its `parent` stored.

        The first look reads all of the block's rows for this user in one query, as the LMS reads a block's
        state before its handler runs (lms/djangoapps/courseware/block_render.py get_block_by_usage_id:
        FieldDataCache.cache_for_descriptor_descendents); its content and settings come from the modulestore."""
        key = KeyValueStore.Key(Scope.parent, None, str(usage_id), "parent")
        if not self.kvs.has_read(key):
            self.kvs.prefetch([str(usage_id)], self.django_user_id)
        return self.kvs.has(key)

    def wrap_xblock(self, block, view, frag, context):
        """Wrap a view as the LMS does: its init arguments go into the page escaped for a <script>
        element (the LMS's wrap_xblock renders them through js_utils.dump_js_escaped_json), never as
        XBlock's bare json.dumps, where a stored "</script>" ends the element."""
        args, frag.json_init_args = frag.json_init_args, None
        try:
            wrapped = super().wrap_xblock(block, view, frag, context)
        finally:
            frag.json_init_args = args
        # The LMS's wrapper names the block `data-usage-id` (openedx/core/lib/xblock_utils wrap_xblock);
        # XBlock's own says `data-usage`, which no LMS page has: blocks must not come to rely on it.
        wrapped.content = wrapped.content.replace(" data-usage='", " data-usage-id='", 1)
        if args is None:
            return wrapped
        script = f'<script type="json/xblock-args" class="xblock_json_init_args">{script_json(args)}</script>'
        wrapped.content = wrapped.content[: -len("</div>")] + script + "</div>"
        return wrapped

    def handler_url(self, block, handler_name, suffix="", query="", thirdparty=False):
        url = reverse(self.handler_prefix, args=(str(block.scope_ids.usage_id), handler_name, suffix))
        return f"{url}?{query}" if query else url

    def handler_base(self):
        """The URL before `<usage>/<handler>/` that the JS runtime builds handler URLs on (static/demo/runtime.js)."""
        return reverse(self.handler_prefix, args=("u", "h", "")).removesuffix("u/h/")

    def local_resource_url(self, block, uri):
        return reverse("demo:resource", args=(block.scope_ids.block_type, uri))

    def resource_url(self, resource):
        return settings.STATIC_URL + resource

    def publish(self, block, event_type, event_data):
        # The LMS's grades app, completion app and tracking log listen here; the demo keeps the events.
        from .events import publish
        publish(self, block, event_type, event_data)


class ImportRuntime(DemoRuntime):
    """The course import (xmodule/modulestore/xml_importer.py): parses OLX and writes authored fields."""

    @staticmethod
    def field_data(kvs):
        return KvsFieldData(kvs)


class StudioRuntime(DemoRuntime):
    """Studio's editor runtime (cms/djangoapps/contentstore/views/component.py component_handler).

    Studio runs a handler for any signed-in user, with the user service built from the user alone
    (role `student`, not staff: view_handlers.load_services_for_studio) and a
    `studio_user_permissions` service; it checks course-author access only after the handler ran, to
    decide whether to save the block's changed fields ("fail quietly if user is not course author").
    """

    handler_prefix = "demo:studio_handler"  # cms/urls.py: /xblock/<usage>/handler/<name>
    lms_handler_checks = False

    def __init__(self, django_user=None, course_key=None):
        super().__init__(django_user, course_key, kvs=OverlayKeyValueStore())

    def user_service(self, django_user):
        return PlatformUserService(django_user)

    @staticmethod
    def field_data(kvs):
        return KvsFieldData(kvs)  # the modulestore's own field data: editing is what Studio is for

    def extra_services(self, django_user):
        return {"studio_user_permissions": roles.StudioPermissionsService(django_user)}

    def handle(self, block, handler_name, request, suffix=""):
        response = super().handle(block, handler_name, request, suffix)
        if roles.has_studio_write_access(self.django_user, self.course_key):
            self.kvs.commit()
        else:
            log.warning("%s may not write to %s: changes of %s not saved", self.django_user, self.course_key,
                        handler_name)
            self.kvs.discard()
        return response


class PreviewRuntime(DemoRuntime):
    """Studio's preview of a unit (cms/djangoapps/contentstore/views/preview.py).

    The author's role is `staff` or `instructor` but `user_is_staff` is not passed (False); the
    anonymous user id is the literal `student`; learner state lives in the session, not the database
    (SessionKeyValueStore); `runtime.is_author_mode` is True; there is no `publish` service, so
    events go nowhere; a block is shown by its `author_view` only if it sets `has_author_view`.
    """

    handler_prefix = "demo:preview_handler"  # cms/urls.py: /preview/xblock/<usage>/handler/<name>
    lms_handler_checks = False
    is_author_mode = True

    def __init__(self, django_user=None, course_key=None, session=None):
        super().__init__(django_user, course_key, kvs=OverlayKeyValueStore(
            session.setdefault("puentes_preview_state", {}) if session is not None else {}))

    def user_service(self, django_user):
        return PlatformUserService(django_user, user_role=roles.studio_user_role(django_user, self.course_key),
                                   anonymous_user_id="student")

    def extra_services(self, django_user):
        return {"studio_user_permissions": roles.StudioPermissionsService(django_user)}

    @staticmethod
    def field_data(kvs):
        return KvsFieldData(kvs)  # CmsFieldData for blocks with an author_view; nothing here reaches the store

    def publish(self, block, event_type, event_data):
        return None

    @staticmethod
    def preview_view(block):
        """xmodule/studio_editable.py has_author_view: author_view only where the block asks for it."""
        return "author_view" if getattr(block, "has_author_view", False) else "student_view"


class MasqueradeRuntime(DemoRuntime):
    """The LMS when course staff "view as a specific learner" (lms/djangoapps/courseware/masquerade.py).

    setup_masquerade binds the runtime to the learner (their user service, role and anonymous id) while the
    request stays the staff member's; MasqueradingKeyValueStore keeps field writes in the staff member's
    session; EventPublishingService (xmodule/services.py) hands grade and completion events to no one.
    """

    def __init__(self, staff_user, learner, course_key, session=None):
        if not roles.has_staff_access(staff_user, course_key):
            raise PermissionError("only course staff may view the course as a learner")
        self.staff_user = staff_user
        super().__init__(learner, course_key, kvs=OverlayKeyValueStore(
            session.setdefault("puentes_masquerade_state", {}) if session is not None else {}))

    def publish(self, block, event_type, event_data):
        if event_type in ("grade", "completion"):
            return None  # is_masquerading_as_specific_student: the tracking log only
        return super().publish(block, event_type, event_data)

    def extra_services(self, django_user):
        return {"completion": None}
