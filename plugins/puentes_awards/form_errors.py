"""What is wrong with a submitted awards form, field by field, for the pages to show all at once.

The pages render them as puentes_core's errors.js does in the blocks (the same markup and errors.css):
a summary at the top linking to each field, each message beside its field, focus on the first field.
"""


class FieldErrors:
    """Ordered (field id, message) pairs; a message without a field shows in the summary only."""

    def __init__(self, pairs=()):
        self.pairs = []
        for field, message in pairs:
            self.add(field, message)

    def add(self, field, message):
        self.pairs.append((field or "", str(message)))

    def __bool__(self):
        return bool(self.pairs)

    def __iter__(self):
        return iter(self.pairs)

    def __len__(self):
        return len(self.pairs)

    def message(self, field):
        return " ".join(message for name, message in self.pairs if name == field)

    @property
    def first_field(self):
        return next((name for name, _message in self.pairs if name), "")


def from_failure(failure):
    """FieldErrors for a refusal: every error it collected (`errors`), else its one field and message."""
    found = getattr(failure, "errors", None) or [failure]
    return FieldErrors((getattr(error, "field", None), str(error)) for error in found)
