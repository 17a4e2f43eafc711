"""The jury settings' defaults come from the rulebook (puentes_core/rulebook.toml): blind scoring, jurors per entry."""

from django.db import migrations, models

import puentes_awards.jury.models


class Migration(migrations.Migration):

    dependencies = [
        ('puentes_awards', '0003_outbox_lease_token'),
    ]

    operations = [
        migrations.AlterField(
            model_name='jurysettings',
            name='jurors_per_entry',
            field=models.PositiveSmallIntegerField(default=puentes_awards.jury.models.default_jurors_per_entry),
        ),
        migrations.AlterField(
            model_name='jurysettings',
            name='show_municipality',
            field=models.BooleanField(default=puentes_awards.jury.models.default_show_municipality,
                                      help_text="Jurors see the entry's municipality"),
        ),
    ]
