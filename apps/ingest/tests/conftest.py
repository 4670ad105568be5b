"""Fixtures for the importer's tests: the seed pages as captured, and a reader that needs no database."""
import pytest
from django.conf import settings

from apps.demo.seeds import SEEDS
from apps.demo.seeds.schema import RAW_DIR
from apps.ingest.extract.initiatives import DEFAULT_VOCABULARY
from apps.ingest.extract.regions import Place
from apps.ingest.pipeline import page_read, reader_build
from apps.regions.services import region_table

SEED_FILES = [seed.file_name for seed in SEEDS]


@pytest.fixture(scope="session")
def page_reader():
    """Region table and vocabulary as a fresh install has them, without touching the database."""
    places = [Place(r.code, r.name, r.parent_id) for r in region_table()]
    return reader_build(places, DEFAULT_VOCABULARY, max_bytes=settings.IMPORT_MAX_BYTES)


@pytest.fixture(scope="session")
def seed_bytes():
    return {name: (RAW_DIR / name).read_bytes() for name in SEED_FILES}


@pytest.fixture(scope="session")
def seed_drafts(page_reader, seed_bytes):
    return {name: page_read(raw, filename=name, reader=page_reader) for name, raw in seed_bytes.items()}
