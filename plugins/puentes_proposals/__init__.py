"""Proposals and their reviews: the Django plugin app behind the proposal and tutor-review blocks."""
