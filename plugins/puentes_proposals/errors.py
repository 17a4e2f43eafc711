"""What the proposals app refuses with: each failure has a `code` the caller turns into a sentence
in the user's language.
"""



class ProposalError(Exception):
    code = "error"

    def __init__(self, code=None, **details):
        super().__init__(code or self.code)
        self.code = code or self.code
        self.details = details


class NotFound(ProposalError):
    code = "not_found"


class NotAllowed(ProposalError):
    """The rules say no (locked, past due, team full, …); `code` is the rule's reason."""


class InvalidAnswer(ProposalError):
    code = "invalid_answer"


class StaleDraft(ProposalError):
    """Someone saved these sections after the editor read them: `conflicts` has both texts."""

    code = "conflict"
