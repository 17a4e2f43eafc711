"""The small-cell rule: a figure drawn from fewer than `minimum` municipalities is not shown.

Primary suppression hides the small cells; when a row shows its total, one hidden cell could be worked
out from the others, so the next smallest cell is hidden too (secondary suppression).
"""


def too_few(municipalities, minimum):
    return municipalities < minimum


def hidden_cells(municipalities_per_cell, minimum, total_shown=True):
    """Indexes of the cells of one row to hide: [3, 8, 1, 6] with minimum 5 -> {0, 2} ... and more if needed."""
    hidden = {i for i, count in enumerate(municipalities_per_cell) if 0 < count < minimum}
    if total_shown and len(hidden) == 1:
        rest = [(count, i) for i, count in enumerate(municipalities_per_cell) if i not in hidden and count > 0]
        if rest:
            hidden.add(min(rest)[1])
    return hidden
