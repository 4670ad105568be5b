"""Progress tells time apart (issue 15): overdue is now missed, and no_evidence splits by
deadline into unverified (passed) and open (ahead). Curators' overrides move with it."""
import datetime

from django.db import migrations, models
from django.db.models import Q

CHOICES = [
    ("achieved", "已达成"), ("on_track", "推进中"), ("missed", "逾期未达成"),
    ("unverified", "到期未核实"), ("open", "未到期"),
]


def overrides_forward(apps, schema_editor):
    Target = apps.get_model("targets", "Target")
    today = datetime.date.today()
    past = Q(deadline_date__lt=today) | Q(deadline_date__isnull=True, deadline_year__lt=today.year)
    Target.objects.filter(progress_override="overdue").update(progress_override="missed")
    Target.objects.filter(past, progress_override="no_evidence").update(progress_override="unverified")
    Target.objects.filter(progress_override="no_evidence").update(progress_override="open")


def overrides_backward(apps, schema_editor):
    Target = apps.get_model("targets", "Target")
    Target.objects.filter(progress_override="missed").update(progress_override="overdue")
    Target.objects.filter(progress_override__in=["unverified", "open"]).update(progress_override="no_evidence")


class Migration(migrations.Migration):

    dependencies = [
        ("targets", "0007_indicator_status_indexes"),
    ]

    operations = [
        migrations.AlterField(
            model_name="historicaltarget",
            name="progress_override",
            field=models.CharField(
                blank=True, choices=CHOICES, help_text="留空则按截止期和最新观测值自动判断", max_length=16,
                verbose_name="人工认定进展",
            ),
        ),
        migrations.AlterField(
            model_name="target",
            name="progress_override",
            field=models.CharField(
                blank=True, choices=CHOICES, help_text="留空则按截止期和最新观测值自动判断", max_length=16,
                verbose_name="人工认定进展",
            ),
        ),
        migrations.RunPython(overrides_forward, overrides_backward),
    ]
