from django.urls import include, path

from . import views

urlpatterns = [
    path("api/puentes_awards/v1/entries/", views.receive_entry, name="receive_entry"),
    path("puentes_awards/editions/", views.editions, name="editions"),
    path("puentes_awards/editions/<slug:slug>/entries/", views.edition_entries, name="edition_entries"),
    path("puentes_awards/", include("puentes_awards.jury.urls")),  # the jury (issue 6)
]
