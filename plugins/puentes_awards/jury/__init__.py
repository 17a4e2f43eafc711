"""The jury side of the competition (issue 6): jurors, scoring, ranking, final round, winners, audit.

models     jurors, per-edition jury settings and criteria, conflicts, assignments, score sheets,
           finalists, final-round ballots, winners, the append-only audit log
services   every change goes through here, each in one transaction with its audit row
access     who may see what: the single place conflicts hide entries from jurors
reading    an entry as a juror reads it: blind, numbers the reader's way, every choice as its label
views      the juror workspace, the organisers' dashboard, exports, the results preview and publication,
           the public results page
results_page  what the results page shows, the same for the organisers' preview and the public
charts     server-side SVG charts with legends and axis titles, readable at 360 px
"""
