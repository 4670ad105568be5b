"""The five seed pages of shared/corpus, read by hand as DOMAIN.md reads them.

Each page has its raw copy in ``raw/``, its article cut by hand in ``clean/`` (for 004:
converted to simplified characters with OpenCC ``t2s`` once, pinyin artefacts and page
markers removed, 著 → 着 fixed in 3 places), and a module holding the curated reading.
"""
from . import changzhou_goals, city_report, hailing_tasks, handan_reply, jiangning_reply
from .schema import SeedPage

SEEDS: tuple[SeedPage, ...] = (
    jiangning_reply.SEED,
    changzhou_goals.SEED,
    hailing_tasks.SEED,
    handan_reply.SEED,
    city_report.SEED,
)
