"""Who is asking: the LMS `user` service's answer as a plain record.

The LMS fills `opt_attrs` with `edx-platform.*` keys; Studio preview and bare runtimes may leave
them out, so every field has a safe fallback and nothing here imports platform code.
"""
from dataclasses import dataclass

from opaque_keys.edx.keys import UsageKey

STAFF_ROLES = frozenset({"staff", "instructor", "administrator"})


@dataclass(frozen=True)
class CurrentUser:
    user_id: int | None
    username: str
    anonymous_id: str
    role: str
    is_staff: bool
    language: str

    @property
    def is_authenticated(self):
        return self.user_id is not None

    @property
    def is_course_staff(self):
        """Course staff and instructors, plus global staff, as the LMS means it."""
        return self.is_staff or self.role in STAFF_ROLES


def current_user(block):
    """The user the runtime is rendering for or handling a request from."""
    service = block.runtime.service(block, "user")
    user = service.get_current_user()
    attrs = user.opt_attrs
    user_id = attrs.get("edx-platform.user_id")
    anonymous_id = (
        attrs.get("edx-platform.anonymous_user_id")
        or getattr(block.runtime, "anonymous_student_id", None)
        or str(block.scope_ids.user_id or "")
    )
    preferences = attrs.get("edx-platform.user_preferences") or {}
    return CurrentUser(
        user_id=int(user_id) if user_id not in (None, "") else None,
        username=attrs.get("edx-platform.username") or "",
        anonymous_id=anonymous_id,
        role=attrs.get("edx-platform.user_role") or "student",
        is_staff=bool(attrs.get("edx-platform.user_is_staff")),
        language=preferences.get("pref-lang") or "",
    )


def may_author(block):
    """May the current user save the block's content from Studio's editor?

    Studio runs a block's handler for any signed-in user and hands the block a user service that
    says `student` for everyone, course authors included (cms/djangoapps/contentstore/views/
    component.py component_handler, view_handlers.load_services_for_studio). It also hands over its
    permission service, `studio_user_permissions`, whose `can_write` is the course-author check
    Studio itself applies; that is the one answer to trust. Outside Studio there is no such service
    and no one edits content.
    """
    permissions = block.runtime.service(block, "studio_user_permissions")
    if permissions is None:
        return False
    return bool(permissions.can_write(UsageKey.from_string(str(block.scope_ids.usage_id)).course_key))
