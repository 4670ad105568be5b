"""The importer against the curated reading of the five seeds (apps.demo.seeds, DOMAIN.md's reading).

The aims of the issue: every metadata field right, at least 90% of the reading's targets
found with the right value, comparator and year, and no past figure filed as a target.
``bench/import_quality.py`` prints the full per-field table.
"""
import pytest

from apps.demo.seeds import SEEDS
from apps.ingest.quality.seeds import Report, page_compare, seeds_compare

METADATA_PREFIXES = ("document.", "proposal", "reply.")
TARGET_RECALL_AIM = 0.9


@pytest.fixture(scope="module")
def report(seed_drafts) -> Report:
    return seeds_compare(seed_drafts, SEEDS)


@pytest.mark.parametrize("seed", SEEDS, ids=lambda s: s.file_name[:3])
def test_every_metadata_field_of_each_seed_matches_the_reading(seed_drafts, seed):
    report = Report()
    page_compare(report, seed_drafts[seed.file_name], seed)
    wrong = [m for m in report.mistakes if m.split(" ", 2)[1].startswith(METADATA_PREFIXES)]
    assert wrong == []


def test_targets_are_found_with_the_right_value_comparator_and_year(report):
    tally = report.fields["target.value+comparator+year"]
    assert tally.recall >= TARGET_RECALL_AIM, report.mistakes
    assert report.fields["target.found"].precision >= TARGET_RECALL_AIM, report.mistakes


def test_no_past_figure_is_filed_as_a_target(report, seed_drafts):
    assert report.fields["target.past_figure_as_target"].fp == 0
    observed = {(seed.file_name, o.quote) for seed in SEEDS for o in seed.observations}
    for name, draft in seed_drafts.items():
        for target in draft.targets:
            assert not any(
                quote in target.quote or target.quote in quote for file, quote in observed if file == name
            ), target.quote


def test_observations_are_found_and_valued_as_read(report):
    assert report.fields["observation.value"].recall >= TARGET_RECALL_AIM, report.mistakes


def test_initiatives_mostly_match_the_reading(report):
    tally = report.fields["initiatives"]
    assert tally.recall >= 0.85 and tally.precision >= 0.8, report.mistakes
