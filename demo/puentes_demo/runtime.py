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
from xblock.core import XBlock
from xblock.fields import ScopeIds
from xblock.reference.user_service import UserService, XBlockUser
from xblock.runtime import IdGenerator, IdReader, KeyValueStore, KvsFieldData, Runtime

from puentes_core.safe_json import script_json

from .i18n_service import XBlockI18nService
from .models import CourseRole, FieldState

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
        """Load every row of these blocks for this user (and their content) in one query."""
        rows = FieldState.objects.filter(scope_id__in=[str(u) for u in usage_ids],
                                         user_id__in=["", str(user_id or "")])
        for row in rows:
            self._rows[(row.scope, row.scope_id, row.user_id)] = row
        for usage_id in usage_ids:
            for scope in ("content", "settings", "children", "parent", "user_state"):
                for uid in ("", str(user_id or "")):
                    self._rows.setdefault((scope, str(usage_id), uid), None)

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


class LmsUserService(UserService):
    """The `user` service with the opt_attrs keys the LMS sets (PLATFORM-NOTES.md)."""

    def __init__(self, django_user, course_key):
        self.django_user = django_user
        authenticated = bool(django_user and django_user.is_authenticated)
        user = XBlockUser(
            is_current_user=True,
            emails=[django_user.email] if authenticated else [],
            full_name=(django_user.get_full_name() or django_user.username) if authenticated else "",
        )
        if authenticated:
            role = CourseRole.objects.filter(user=django_user, course_key=str(course_key)).values_list(
                "role", flat=True).first() or "student"
            user.opt_attrs.update({
                "edx-platform.user_id": django_user.id,
                "edx-platform.username": django_user.username,
                "edx-platform.anonymous_user_id": anonymous_id_for(django_user.id, course_key),
                "edx-platform.user_is_staff": django_user.is_staff,
                "edx-platform.user_role": role,
                "edx-platform.user_preferences": {"pref-lang": translation.get_language()},
            })
        super().__init__(user=user)

    def get_current_user(self):
        return self._user

    def get_anonymous_user_id(self, username, course_id):
        from django.contrib.auth import get_user_model
        user = get_user_model().objects.filter(username=username).first()
        return anonymous_id_for(user.id, course_id) if user else None


class SettingsService:
    """XBLOCK_SETTINGS[<block class name>], as the LMS's settings service answers."""

    def get_settings_bucket(self, block, default=None):
        name = getattr(block, "block_settings_key", type(block).unmixed_class.__name__)
        return getattr(settings, "XBLOCK_SETTINGS", {}).get(name, default if default is not None else {})


class DemoRuntime(Runtime):
    """One runtime per request: who is asking, in which course, with LMS-shaped services."""

    def __init__(self, django_user=None, course_key=None):
        self.course_key = CourseLocator.from_string(str(course_key)) if course_key else None
        self.kvs = DatabaseKeyValueStore()
        self.django_user = django_user
        ids = CourseKeys(self.course_key)
        services = {
            "field-data": KvsFieldData(self.kvs),
            "user": LmsUserService(django_user, self.course_key),
            "settings": SettingsService(),
        }
        super().__init__(ids, ids, services=services)
        authenticated = bool(django_user and django_user.is_authenticated)
        self.django_user_id = django_user.id if authenticated else None
        self.anonymous_student_id = anonymous_id_for(self.django_user_id, self.course_key) if authenticated else None

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
        keys = ScopeIds(self.django_user_id, block_type, usage_id, usage_id)
        block = self.construct_xblock(block_type, keys, for_parent=for_parent)
        block.location = UsageKey.from_string(usage_id)
        block.course_id = block.location.course_key
        return block

    def wrap_xblock(self, block, view, frag, context):
        """Wrap a view as the LMS does: its init arguments go into the page escaped for a <script>
        element (the LMS's wrap_xblock renders them through js_utils.dump_js_escaped_json), never as
        XBlock's bare json.dumps, where a stored "</script>" ends the element."""
        args, frag.json_init_args = frag.json_init_args, None
        try:
            wrapped = super().wrap_xblock(block, view, frag, context)
        finally:
            frag.json_init_args = args
        if args is None:
            return wrapped
        script = f'<script type="json/xblock-args" class="xblock_json_init_args">{script_json(args)}</script>'
        wrapped.content = wrapped.content[: -len("</div>")] + script + "</div>"
        return wrapped

    def handler_url(self, block, handler_name, suffix="", query="", thirdparty=False):
        url = reverse("demo:handler", args=(str(block.scope_ids.usage_id), handler_name, suffix))
        return f"{url}?{query}" if query else url

    def local_resource_url(self, block, uri):
        return reverse("demo:resource", args=(block.scope_ids.block_type, uri))

    def resource_url(self, resource):
        return settings.STATIC_URL + resource

    def publish(self, block, event_type, event_data):
        # The LMS's grades app and tracking log listen here; the demo keeps the events it can show.
        from .events import record_event
        record_event(self, block, event_type, event_data)
