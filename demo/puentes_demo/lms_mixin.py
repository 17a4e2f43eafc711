"""The fields the LMS and Studio add to every block (lms/djangoapps/lms_xblock/mixin.py LmsBlockMixin,
mixed in through settings.XBLOCK_MIXINS), so OLX that sets them round-trips and access rules see them."""
from xblock.core import XBlockMixin
from xblock.fields import Boolean, Dict, Scope


class GroupAccessDict(Dict):
    """Partition ids are ints in memory and strings in JSON, as the platform's GroupAccessDict."""

    def from_json(self, value):
        return None if value is None else {int(key): value[key] for key in value}

    def to_json(self, value):
        return None if value is None else {str(key): value[key] for key in value}


class LmsBlockMixin(XBlockMixin):
    visible_to_staff_only = Boolean(default=False, scope=Scope.settings,
                                    help="If true, can be seen only by course staff, regardless of start date.")
    group_access = GroupAccessDict(default={}, scope=Scope.settings,
                                   help="user partition id -> the group ids that may see this block")
