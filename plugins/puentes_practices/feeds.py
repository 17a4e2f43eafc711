"""The Atom feed of newly published practices, for partner sites and feed readers."""
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from . import api
from .templatetags.practices import country_name


class LatestPractices(Feed):
    feed_type = Atom1Feed

    def title(self):
        return _("Puentes: the library of good practices")

    def subtitle(self):
        return _("Municipal projects for the reception and integration of migrants and refugees, "
                 "designed and reviewed in the Puentes course.")

    def link(self):
        return reverse("puentes_practices:library")

    def items(self):
        return api.latest()

    def item_title(self, practice):
        return f"{practice.title} ({practice.municipality}, {country_name(practice.country)})"

    def item_description(self, practice):
        return practice.summary

    def item_link(self, practice):
        return reverse("puentes_practices:practice", args=[practice.practice_id])

    def item_pubdate(self, practice):
        return practice.published_at

    def item_updateddate(self, practice):
        return practice.updated_at

    def item_categories(self, practice):
        return practice.areas
