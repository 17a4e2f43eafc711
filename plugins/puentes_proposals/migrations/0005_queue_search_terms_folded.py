"""The queue's search terms without accents (queue.search_terms folds them now): written again from the facts."""
import re
import unicodedata

from django.db import migrations


def _terms(text):
    # queue.search_terms as of this migration: a later change there must not change what this one wrote.
    decomposed = unicodedata.normalize("NFKD", text or "")
    folded = "".join(char for char in decomposed if not unicodedata.combining(char)).lower()
    return dict.fromkeys(word[:64] for word in re.findall(r"\w+", folded))


def fold_terms(apps, schema_editor):
    QueueFacts = apps.get_model("puentes_proposals", "QueueFacts")
    QueueSearchTerm = apps.get_model("puentes_proposals", "QueueSearchTerm")
    after = 0
    while True:
        batch = list(QueueFacts.objects.filter(proposal_id__gt=after).order_by("proposal_id")
                     .values_list("proposal_id", "search_text")[:1000])
        if not batch:
            return
        ids = [proposal_id for proposal_id, _text in batch]
        QueueSearchTerm.objects.filter(proposal_id__in=ids).delete()
        QueueSearchTerm.objects.bulk_create([QueueSearchTerm(proposal_id=proposal_id, term=term)
                                             for proposal_id, text in batch for term in _terms(text)],
                                            batch_size=1000)
        after = ids[-1]


class Migration(migrations.Migration):

    dependencies = [
        ('puentes_proposals', '0004_queue_search_terms'),
    ]

    operations = [
        migrations.RunPython(fold_terms, migrations.RunPython.noop),
    ]
