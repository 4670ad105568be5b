from django.core.management.base import BaseCommand, CommandError

from apps.demo.corpus import CorpusNotEmpty, corpus_generate


class Command(BaseCommand):
    help = (
        "Generate a synthetic corpus for benchmarks: documents recombined from the seed pages, with "
        "proposals, replies, initiatives, targets and observations in the seeds' proportions. "
        "Deterministic for a seed; refuses a database that already holds documents."
    )

    def add_arguments(self, parser):
        parser.add_argument("--documents", type=int, required=True, help="How many documents to generate.")
        parser.add_argument("--seed", type=int, default=0, help="Random seed (default 0): same seed, same corpus.")

    def handle(self, *args, documents, seed, **options):
        if documents < 1:
            raise CommandError("--documents must be at least 1.")
        step = max(documents // 10, 1)

        def progress(written: int) -> None:
            if written % step < 1000 or written == documents:
                self.stdout.write(f"  {written:,} documents written")

        try:
            summary = corpus_generate(documents=documents, seed=seed, progress=progress)
        except CorpusNotEmpty as error:
            raise CommandError(f"{error} generate_corpus fills an empty database only.") from None
        for line in summary.lines():
            self.stdout.write(line)
        total = sum(summary.timings.values())
        self.stdout.write(f"Generated {documents:,} documents (seed {seed}) in {total:.1f} s.")
