from django.apps import AppConfig


class PuentesDemoConfig(AppConfig):
    name = "puentes_demo"
    verbose_name = "Puentes demo site"
    default_auto_field = "django.db.models.BigAutoField"
