"""Where a block is running, asked the way the platform lets a block ask.

- Studio preview: the preview runtime sets `is_author_mode` (cms/djangoapps/contentstore/views/
  preview.py); its user is the author with the anonymous id `student`, and nothing done there
  should be stored.
- Masquerade: when staff "view as a specific learner", the LMS binds the runtime to that learner
  (lms/djangoapps/courseware/block_render.py get_block_by_usage_id → setup_masquerade) while the
  request still belongs to the staff member; the platform keeps field writes in the session
  (MasqueradingKeyValueStore) and drops grade events, but what a block stores itself would land
  under the learner's name. The request's user is read through django-crum's middleware, which
  the LMS installs.
"""
from .users import current_user


def in_studio_preview(block):
    return bool(getattr(block.runtime, "is_author_mode", False))


def masquerading(block):
    """True when the runtime acts for another user than the one who sent the request."""
    try:
        from crum import get_current_user  # noqa: PLC0415 - only where a request is being served
    except ImportError:
        return False
    requester = get_current_user()
    if requester is None or not requester.is_authenticated:
        return False
    acting = current_user(block).user_id
    return acting is not None and acting != requester.id


def read_only_reason(block):
    """Why this block must not store anything now ("preview", "masquerade"), or None."""
    if in_studio_preview(block):
        return "preview"
    if masquerading(block):
        return "masquerade"
    return None
