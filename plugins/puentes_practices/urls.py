from django.urls import path

from . import views
from .feeds import LatestPractices

urlpatterns = [
    path("puentes_practices/", views.library, name="library"),
    path("puentes_practices/<int:practice_id>/", views.practice_page, name="practice"),
    path("puentes_practices/feed.atom", LatestPractices(), name="feed"),
    path("puentes_practices/network/", views.network_page, name="network"),
    path("puentes_practices/share/<int:proposal_id>/", views.share, name="share"),
    path("puentes_practices/<int:practice_id>/withdraw/", views.withdraw, name="withdraw"),
    path("puentes_practices/moderate/", views.moderate, name="moderate"),
    path("puentes_practices/editions/<slug:slug>/", views.edition_entries, name="edition_entries"),
    path("api/puentes_practices/v1/practices/", views.api_practices, name="api_practices"),
    path("api/puentes_practices/v1/practices/<int:practice_id>/", views.api_practice, name="api_practice"),
]
