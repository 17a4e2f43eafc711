from django.urls import re_path

from . import views

app_name = "puentes_proposals"
urlpatterns = [
    re_path(r"^v1/courses/(?P<course_id>[^/]+)/export\.(?P<file_format>csv|json)$", views.course_export,
            name="course_export"),
]
