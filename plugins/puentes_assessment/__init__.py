"""The needs assessment's data: pseudonymous responses, consent, aggregation with small-cell suppression, the report."""
