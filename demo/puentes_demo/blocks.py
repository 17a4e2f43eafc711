"""Stand-ins for the LMS's own blocks, so a demo unit shows the pack's blocks in their context.

Only what a page needs: a vertical that renders its children, an HTML page, and a note where the
LMS would show a CAPA problem or a discussion (those are the LMS's, not ours).
"""
from web_fragments.fragment import Fragment
from xblock.core import XBlock
from xblock.fields import Scope, String


class VerticalBlock(XBlock):
    has_children = True
    display_name = String(default="", scope=Scope.settings)

    def student_view(self, context=None):
        fragment = Fragment()
        parts = []
        for child_id in self.children:
            child = self.runtime.get_block(child_id)
            if hasattr(self.runtime, "may_load") and not self.runtime.may_load(child):
                continue  # the LMS leaves out what the learner may not load (display_access_messages)
            child_fragment = child.render("student_view", context)
            fragment.add_fragment_resources(child_fragment)
            parts.append(f'<div class="demo-component">{child_fragment.body_html()}</div>')
        fragment.add_content("".join(parts))
        return fragment


class HtmlBlock(XBlock):
    display_name = String(default="", scope=Scope.settings)
    data = String(default="", scope=Scope.content)

    @classmethod
    def parse_xml(cls, node, runtime, keys):
        block = runtime.construct_xblock_from_class(cls, keys)
        block.display_name = node.get("display_name", "")
        block.data = node.text or ""
        return block

    def student_view(self, context=None):
        # Course pages come from the course team's OLX, trusted as the LMS trusts them.
        return Fragment(f'<div class="demo-html">{self.data}</div>')


class _LmsOnlyBlock(XBlock):
    display_name = String(default="", scope=Scope.settings)
    note = ""

    @classmethod
    def parse_xml(cls, node, runtime, keys):
        block = runtime.construct_xblock_from_class(cls, keys)
        block.display_name = node.get("display_name", "")
        return block

    def student_view(self, context=None):
        return Fragment(f'<p class="demo-lms-only">{self.note}: {self.display_name}</p>')


class ProblemBlock(_LmsOnlyBlock):
    note = "Knowledge check (a CAPA problem, shown by the LMS)"


class DiscussionBlock(_LmsOnlyBlock):
    note = "Discussion (the LMS's forum)"
