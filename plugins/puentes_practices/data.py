"""Plain records that cross the app's boundary (OEP-49): what api.py returns."""
from datetime import datetime

import attr


@attr.s(frozen=True)
class PracticeRecord:
    practice_id = attr.ib(type=int)
    status = attr.ib(type=str)              # pending, published, withdrawn
    source = attr.ib(type=str)              # proposal, entry
    proposal_id = attr.ib(type=int)
    course_key = attr.ib(type=str)
    course_run = attr.ib(type=str)          # "PUENTES-ES 2027": how a reader names the course run
    language = attr.ib(type=str)            # en, es, pt: the language the practice's own text is in
    title = attr.ib(type=str)
    summary = attr.ib(type=str)
    problem = attr.ib(type=str)
    actions = attr.ib(type=str)
    partners = attr.ib(type=str)
    indicators = attr.ib(type=list)         # [{"indicator", "baseline", "target"}]
    municipality = attr.ib(type=str)
    country = attr.ib(type=str)
    areas = attr.ib(type=list)              # thematic area codes
    groups = attr.ib(type=list)             # group-served codes
    budget_total = attr.ib()                # Decimal or None
    currency = attr.ib(type=str)
    budget_band = attr.ib(type=str)
    award = attr.ib(type=str)               # "", winner, mention
    award_place = attr.ib()                 # 1-3 or None
    edition_name = attr.ib(type=str)
    contact_email = attr.ib(type=str)       # "" unless the team opted in
    in_network = attr.ib(type=bool)
    published_at = attr.ib()                # datetime or None
    updated_at = attr.ib(type=datetime)


@attr.s(frozen=True)
class PracticePage:
    practices = attr.ib(type=list)          # [PracticeRecord]
    total = attr.ib(type=int)
    page = attr.ib(type=int)
    pages = attr.ib(type=int)
    words = attr.ib(type=list)              # the query words searched for
    ignored = attr.ib(type=list)            # query words left out (too short or too common)


@attr.s(frozen=True)
class NetworkMember:
    """A municipality in the network directory, with its published practices and the course runs it took part in."""

    municipality = attr.ib(type=str)
    country = attr.ib(type=str)
    practices = attr.ib(type=list)          # [(practice_id, title)]
    course_runs = attr.ib(type=list)        # ["PUENTES-ES 2027", ...]
