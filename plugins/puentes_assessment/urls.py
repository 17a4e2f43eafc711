from django.urls import path, re_path

from . import views

app_name = "puentes_assessment"
INSTRUMENT = r"(?P<instrument>[a-z0-9][a-z0-9-]{2,63})"
urlpatterns = [
    path("", views.index, name="index"),
    re_path(rf"^{INSTRUMENT}/$", views.analysis_page, name="analysis"),
    re_path(rf"^{INSTRUMENT}/export/(?P<name>figures\.csv|codebook\.csv|figures\.json)$", views.export,
            name="export"),
    re_path(rf"^{INSTRUMENT}/reports/$", views.request_report, name="request_report"),
    re_path(rf"^{INSTRUMENT}/reports/(?P<report_id>\d+)/status$", views.report_status, name="report_status"),
    re_path(rf"^{INSTRUMENT}/reports/(?P<report_id>\d+)/(?P<language>en|es|pt)\.(?P<file_format>html|pdf)$",
            views.report_file, name="report_file"),
]
