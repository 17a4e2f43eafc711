"""Puentes awards: finished proposals handed to the regional competition, exactly once (part 1: the hand-off)."""
