"""Django system checks: a misconfigured delivery stops `manage.py check`, `migrate` and `runserver` at start."""
from django.core import checks


def delivery_settings(app_configs=None, **kwargs):
    from .delivery import configuration_problem
    problem = configuration_problem()
    return [checks.Error(problem, id="puentes_awards.E001")] if problem else []
