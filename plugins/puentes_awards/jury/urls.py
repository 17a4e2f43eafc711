from django.urls import path

from . import views

urlpatterns = [
    path("jury/<slug:slug>/", views.workspace, name="jury_workspace"),
    path("jury/<slug:slug>/entries/<uuid:entry_uuid>/", views.score_entry, name="jury_score"),
    path("jury/<slug:slug>/entries/<uuid:entry_uuid>/conflict/", views.declare_conflict, name="jury_conflict"),
    path("jury/<slug:slug>/final/", views.ballot, name="jury_ballot"),
    path("organise/<slug:slug>/", views.dashboard, name="jury_dashboard"),
    path("organise/<slug:slug>/criteria/", views.edit_criteria, name="jury_criteria"),
    path("organise/<slug:slug>/settings/", views.edit_settings, name="jury_settings"),
    path("organise/<slug:slug>/scores.csv", views.export_csv, name="jury_export_csv"),
    path("organise/<slug:slug>/scores.json", views.export_json, name="jury_export_json"),
    path("organise/<slug:slug>/results/", views.results_preview, name="jury_results_preview"),
    path("results/<slug:slug>/", views.results, name="results"),
]
