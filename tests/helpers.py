"""Call blocks the way the LMS does: parse OLX into the database, build a runtime per user, post to handlers."""
import json
import time

from webob import Request

from tests import shared_connection


class BlockLoader:
    def __init__(self, course_key):
        self.course_key = course_key

    def parse(self, xml):
        """Store the block(s) in `xml`; return the root usage id."""
        from puentes_demo.runtime import ImportRuntime
        return str(ImportRuntime(None, self.course_key).parse_xml_string(xml))

    def block(self, usage_id, user=None):
        """The block as `user` (a Django user or None for anonymous) sees it in the LMS."""
        from puentes_demo.runtime import DemoRuntime
        return DemoRuntime(user, self.course_key).get_block(usage_id)

    def studio(self, usage_id, user):
        """The block in Studio's editor (component_handler's runtime), for `user`."""
        from puentes_demo.runtime import StudioRuntime
        return StudioRuntime(user, self.course_key).get_block(usage_id)

    def preview(self, usage_id, user, session=None):
        """The block in Studio's preview of its unit, for `user`; `session` keeps the preview's learner state."""
        from puentes_demo.runtime import PreviewRuntime
        return PreviewRuntime(user, self.course_key, session=session).get_block(usage_id)


def post_json(block, handler, payload=None, suffix="", raw=None):
    """POST JSON to a handler through the runtime; return (status, parsed body)."""
    body = raw if raw is not None else json.dumps(payload or {}).encode()
    request = Request.blank(f"/{handler}/{suffix}", method="POST", body=body,
                            headers={"Content-Type": "application/json"})
    response = block.runtime.handle(block, handler, request, suffix)
    try:
        parsed = json.loads(response.body.decode("utf-8"))
    except ValueError:
        parsed = response.body
    return response.status_code, parsed


def get(block, handler, suffix="", query=""):
    request = Request.blank(f"/{handler}/{suffix}?{query}", method="GET")
    response = block.runtime.handle(block, handler, request, suffix)
    return response


def wait_for(condition, timeout=15, what="the server"):
    """Poll `condition()` until it returns something true (the browser acts; the server catches up)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        shared_connection.pause(0.2)  # the server's requests take the shared connection meanwhile
    raise AssertionError(f"timed out waiting for {what}")


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def attach_required_files(proposal_id, user, template):
    """A small PDF in every required attachments section (the rulebook requires the mayor's letter of support)."""
    from puentes_proposals import api
    for section in template:
        if section["type"] == "attachments" and section.get("required"):
            api.add_attachment(proposal_id, user.id, section["id"], template, "carta.pdf", PDF, 10 * 1024 * 1024,
                               ["pdf"])



def scrolls_sideways(page):
    """Whether the page is wider than the screen (a phone user would have to scroll sideways).

    Measured against the screen the test asked for: under phone emulation Chromium widens
    window.innerWidth to the content, so comparing with innerWidth hides the overflow."""
    screen = page.viewport_size["width"]
    return page.evaluate("document.scrollingElement.scrollWidth") > screen + 1


def set_status(proposal_id, status):
    """Put a proposal in `status` as the app's writers do, through Proposal.save (which keeps the queue's counts)."""
    from puentes_proposals.models import Proposal
    proposal = Proposal.objects.get(pk=proposal_id)
    proposal.status = status
    proposal.save(update_fields=["status"])
