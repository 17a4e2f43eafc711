"""The competition's decision and statistics core: pure functions, no models, no requests.

criteria      the scoring grid: weights, level descriptions, weighted totals, minimums
conflicts     who may not judge which entry, and why
assignment    each entry to k jurors: balanced, conflict-free, seeded, connected
severity      entry quality and juror severity fitted together; bootstrap top-3 odds, tie zones
bootstrap     the severity model's residual bootstrap in blocks: score and rank intervals, top-k counts
reliability   Krippendorff's alpha per criterion
schulze       the final round's ranked ballots combined by strongest paths
tiebreak      the published tie-break order applied to what Schulze leaves tied
"""
