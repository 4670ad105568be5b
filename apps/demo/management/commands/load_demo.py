from django.core.management.base import BaseCommand

from apps.demo.services import demo_load


class Command(BaseCommand):
    help = "Load the five seed pages as curated, published records (regions first). Running it twice changes nothing."

    def handle(self, *args, **options):
        summary = demo_load()
        for line in summary.lines():
            self.stdout.write(line)
        self.stdout.write("Demo data loaded." if summary.changed else "Demo data already up to date.")
