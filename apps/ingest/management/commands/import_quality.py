"""``manage.py import_quality [--mistakes] [--seeds-detail]``: the importer against the hand reading.

Reads the seed pages and, when it is there, the dev corpus (``../shared/corpus/dev``, or
``IMPORT_QUALITY_CORPUS``) through the dry run of ``import_documents`` (nothing is written)
and prints, per field, how many pages have it in the reading and how many the importer got
right. ``make import-quality`` runs it.
"""
from django.core.management.base import BaseCommand

from apps.demo.seeds import SEEDS
from apps.ingest.quality.commitments import CommitmentScore, commitment_lines
from apps.ingest.quality.fields import Scorecard, scorecard_lines
from apps.ingest.quality.figures import FigureScore, compared_indicators, comparison_lines, figure_lines
from apps.ingest.quality.key import dev_corpus_dir, dev_keys, seed_keys
from apps.ingest.quality.seeds import report_lines, seeds_compare
from apps.ingest.services import document_import, import_reader


class Command(BaseCommand):
    help = "Per-field share of pages the importer reads as the hand reading has them (seeds and dev corpus)."

    def add_arguments(self, parser):
        parser.add_argument("--mistakes", action="store_true", help="list each wrong field: page → expected → got")
        parser.add_argument(
            "--seeds-detail", action="store_true",
            help="also the seeds' full reading (targets, observations, citations …) as precision and recall",
        )

    def handle(self, *args, mistakes, seeds_detail, **options):
        reader = import_reader()
        corpus = dev_corpus_dir()
        sets = [("seed pages", seed_keys())]
        dev = dev_keys(corpus)
        if dev:
            sets.append((f"dev corpus ({corpus})", dev))
        else:
            self.stdout.write(f"no dev corpus at {corpus}: the seed pages alone")
        region_names = {code: place.name for code, place in reader.matcher.places.items()}
        drafts = {}
        for title, keys in sets:
            card, figures, promises = Scorecard(), FigureScore(), CommitmentScore()
            for key in keys:
                draft = document_import(raw=key.path.read_bytes(), filename=key.path.name, dry_run=True, reader=reader).draft
                drafts[key.path.name] = draft
                card.add(key, draft)
                figures.add(key, draft, region_names)
                promises.add(key, draft)
            self.stdout.write("\n".join(scorecard_lines(f"{title}: {len(keys)} pages", card)))
            for line in card.refused:
                self.stdout.write(f"  refused {line}")
            if mistakes:
                self.stdout.write("\n".join(f"    {line}" for line in card.mistakes))
            self.stdout.write("\n".join(figure_lines("targets and observations", figures)))
            if mistakes:
                self.stdout.write("\n".join(f"    {line}" for line in figures.mistakes))
            self.stdout.write("\n".join(commitment_lines(promises)))
            if mistakes:
                self.stdout.write("\n".join(f"    {line}" for line in promises.mistakes))
            self.stdout.write("")
        self.stdout.write("the pages above, imported together")
        self.stdout.write("\n".join(comparison_lines(compared_indicators(list(drafts.values())), region_names)))
        self.stdout.write("")
        if seeds_detail:
            report = seeds_compare(drafts, SEEDS)
            self.stdout.write("\n".join(report_lines(report)))
            if mistakes:
                self.stdout.write("\n".join(f"    {line}" for line in report.mistakes))
