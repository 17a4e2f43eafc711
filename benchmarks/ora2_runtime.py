"""One runtime for ORA2's block and the pack's: the demo runtime plus what the LMS's runtime gives every
block and ORA2 still reads, for benchmarks/ora2_comparison.py.

ORA2 7.1.2 reads the runtime through `block.xmodule_runtime` (course_id, anonymous_student_id,
user_is_staff, get_real_user) and needs a `user_state` service. In the LMS these come from XModuleMixin
(`xmodule_runtime` is the runtime; `course_id`, `location` are properties on the block) and from
_ModuleSystemShim, whose deprecated attributes answer from the user service (openedx-platform
xmodule/x_module.py). Every block, ORA2's and ours, is built through this same class.
"""
import json

from django.core.serializers.json import DjangoJSONEncoder
from xblock.core import XBlockMixin
from xblock.exceptions import NoSuchUsage
from xblock.fields import ScopeIds
from xblock.runtime import Mixologist

from puentes_demo.lms_mixin import LmsBlockMixin
from puentes_demo.runtime import DemoRuntime


class XModuleShim(XBlockMixin):
    """xmodule/x_module.py XModuleMixin: the block's course and location as properties, the runtime twice."""

    @property
    def xmodule_runtime(self):
        return self.runtime

    @property
    def course_id(self):
        return self.scope_ids.usage_id.context_key

    @property
    def location(self):
        return self.scope_ids.usage_id


class UserStateService:
    """The LMS's `user_state` service (common/djangoapps/xblock_django UserStateService) over the demo's
    field store: another learner's state in a block, for staff tools."""

    def get_state_as_dict(self, username_or_email, block_id):
        from django.contrib.auth import get_user_model
        from django.db.models import Q

        from puentes_demo.models import FieldState
        user = get_user_model().objects.filter(Q(username=username_or_email) | Q(email=username_or_email)).first()
        row = user and FieldState.objects.filter(scope="user_state", scope_id=str(block_id),
                                                 user_id=str(user.id)).first()
        return dict(row.state) if row else {}


class SharedRuntime(DemoRuntime):
    def __init__(self, django_user=None, course_key=None, kvs=None):
        super().__init__(django_user, course_key, kvs)
        self.mixologist = Mixologist((LmsBlockMixin, XModuleShim))
        self._services["user_state"] = UserStateService()

    # _ModuleSystemShim: deprecated runtime attributes, answered from the user service as the LMS does.
    @property
    def course_id(self):
        return self.course_key

    @property
    def user_is_staff(self):
        return self._services["user"].get_current_user().opt_attrs.get("edx-platform.user_is_staff")

    @property
    def get_real_user(self):
        return self._services["user"].get_user_by_anonymous_id

    def publish(self, block, event_type, event_data):
        """The demo's, with event data made JSON first: the LMS's tracking log writes datetimes (ORA2's
        submission events carry some), the demo's event table takes only JSON (every block's events alike)."""
        super().publish(block, event_type, json.loads(json.dumps(event_data, cls=DjangoJSONEncoder)))

    def get_block(self, usage_id, for_parent=None):
        """DemoRuntime's, without assigning `location` and `course_id`: here they are XModuleShim's properties
        (ORA2 defines its own read-only `course_id`, as the LMS's XModuleMixin does)."""
        from opaque_keys.edx.keys import UsageKey
        key = UsageKey.from_string(str(usage_id))
        if not self.block_exists(key):
            raise NoSuchUsage(str(usage_id))
        return self.construct_xblock(key.block_type, ScopeIds(self.django_user_id, key.block_type, key, key),
                                     for_parent=for_parent)
