"""plugin_settings(settings) per environment, as edx-django-utils add_plugins calls them."""
