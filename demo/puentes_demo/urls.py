from django.contrib import admin
from django.urls import include, path, re_path
from edx_django_utils.plugins import get_plugin_url_patterns

from . import teams_views, views
from .settings import PROJECT_TYPE

demo_patterns = [
    path("", views.index, name="index"),
    path("login-as/<str:username>/", views.quick_login, name="quick_login"),
    path("logout/", views.sign_out, name="logout"),
    re_path(r"^unit/(?P<usage_id>[^/]+)/$", views.unit_view, name="unit"),
    re_path(r"^courses/(?P<course_id>[^/]+)/jump_to_id/(?P<block_id>[^/]+)$", views.jump_to_id, name="jump_to_id"),
    re_path(r"^studio/(?P<usage_id>[^/]+)/$", views.studio_view, name="studio"),
    re_path(r"^view-as/(?P<usage_id>[^/]+)/$", views.view_as, name="view_as"),
    re_path(r"^handler/(?P<usage_id>[^/]+)/(?P<handler_name>[^/]+)/(?P<suffix>.*)$", views.handler, name="handler"),
    re_path(r"^studio/handler/(?P<usage_id>[^/]+)/(?P<handler_name>[^/]+)/(?P<suffix>.*)$", views.studio_handler,
            name="studio_handler"),
    re_path(r"^preview/handler/(?P<usage_id>[^/]+)/(?P<handler_name>[^/]+)/(?P<suffix>.*)$", views.preview_handler,
            name="preview_handler"),
    # Where the LMS has its Teams tab (reverse("teams_dashboard")), so the block's links work in both.
    re_path(r"^courses/(?P<course_id>[^/]+)/teams/$", teams_views.teams_tab, name="teams"),
    re_path(r"^courses/(?P<course_id>[^/]+)/teams/(?P<team_id>[^/]+)/$", teams_views.change_team,
            name="change_team"),
    re_path(r"^resource/(?P<block_type>[^/]+)/(?P<resource>.+)$", views.package_resource, name="resource"),
]

urlpatterns = [
    path("", include((demo_patterns, "demo"))),
    path("", include("django.contrib.auth.urls")),  # /login/, password change…; the demo's own /logout/ comes first
    path("admin/", admin.site.urls),
] + get_plugin_url_patterns(PROJECT_TYPE)
