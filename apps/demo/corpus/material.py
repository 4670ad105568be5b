"""What the synthetic corpus is made of: the seed pages' paragraphs, shapes and vocabulary.

Pure data, no database. Each generated document is modelled on one seed page, its
*template*: it takes the template's type, shape (how many regions, targets,
observations, citations, initiatives; whether it answers a proposal) and figures, and a
text made of the template's paragraphs (those holding a figure's quote always kept)
with a few paragraphs of the other seeds mixed in.
"""
import datetime
import functools
from dataclasses import dataclass

from apps.demo.seeds import SEEDS
from apps.demo.seeds.schema import InitiativeSpec, SeedPage

FIRST_YEAR, LAST_YEAR = 2015, 2025

# Curation status of a generated document and everything drawn from it. The seeds are all
# published; a real install holds a share of work in progress, which visibility filters skip.
STATUS_WEIGHTS = {"published": 85, "draft": 10, "reviewed": 5}

# Two seed replies (one blank, one B) cannot give a distribution of result letters, and a
# corpus with only B would make the result filter meaningless: this spread is assumed.
RESULT_CODE_WEIGHTS = {"A": 45, "B": 30, "C": 12, "D": 5, "": 8}

# Share of citations that name a document already in the corpus (linked on import).
LINKED_CITATION_SHARE = 0.1
# A cited document is at least this many documents older than the one citing it, so that it
# is committed before the citation is, however many batches are being written at once.
CITED_MIN_DISTANCE = 5000

# A proposal's title and subject; every query the benchmarks ask is among them.
PROPOSAL_TOPICS = (
    ("推进城乡教育优质均衡发展进而留住人才", "城乡教育优质均衡发展"),
    ("以集团化办学推动城乡教育资源均衡配置", "集团化办学"),
    ("深化县管校聘管理改革激发教师队伍活力", "县管校聘"),
    ("落实双减政策切实减轻学生过重课业负担", "双减"),
    ("扩大普惠性幼儿园覆盖面缓解入园难", "普惠性幼儿园"),
    ("推进义务教育教师交流轮岗常态化", "教师交流"),
    ("加快智慧校园建设促进教育信息化", "智慧校园"),
    ("加强儿童青少年近视防控工作", "近视防控"),
    ("规范校外培训机构管理", "校外培训"),
    ("推进名校办分校扩大优质教育资源", "名校办分校"),
    ("均衡城乡教育资源组建全市大教育集团网", "教育集团"),
    ("加强乡村教师队伍建设", "乡村教师"),
)

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎"
GIVEN_NAMES = "晶强伟芳娜敏静丽军磊洋勇艳杰涛明超秀霞平刚桂英华玉萍红娟建国文斌辉宁鹏飞海燕志宏春梅东林"
CHINESE_DIGITS = "〇一二三四五六七八九十"


def chinese_number(n: int) -> str:
    """1-99 in Chinese numerals, as session ordinals print them (十三, 二十一)."""
    tens, ones = divmod(n, 10)
    if tens == 0:
        return CHINESE_DIGITS[ones]
    head = "" if tens == 1 else CHINESE_DIGITS[tens]
    return head + "十" + (CHINESE_DIGITS[ones] if ones else "")


@dataclass(frozen=True)
class Template:
    seed: SeedPage
    paragraphs: tuple[str, ...]
    # Paragraphs holding a target's, observation's or commitment's quote: always kept, so quotes stay in the text.
    figure_paragraphs: frozenset[int]
    # The year the seed's dates are relative to (publish date, else its first observation).
    year: int

    @property
    def seed_regions(self) -> tuple[str, ...]:
        return self.seed.document.regions


def _paragraphs(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.splitlines() if line.strip())


def _template(seed: SeedPage) -> Template:
    paragraphs = _paragraphs(seed.clean_text())
    quotes = [record.quote for record in (*seed.targets, *seed.observations, *seed.commitments)]
    figure_paragraphs = frozenset(i for i, p in enumerate(paragraphs) if any(q in p for q in quotes))
    dated = seed.document.publish_date or min(o.observed_on for o in seed.observations)
    return Template(seed=seed, paragraphs=paragraphs, figure_paragraphs=figure_paragraphs, year=dated.year)


@functools.cache
def templates() -> tuple[Template, ...]:
    return tuple(_template(seed) for seed in SEEDS)


def initiative_specs() -> list[InitiativeSpec]:
    """Every initiative the seeds name, parents before children, each once."""
    ordered: dict[InitiativeSpec, None] = {}

    def add(spec: InitiativeSpec) -> None:
        if spec.parent is not None:
            add(spec.parent)
        ordered.setdefault(spec)

    for seed in SEEDS:
        for spec in seed.initiatives:
            add(spec)
        for target in seed.targets:
            if target.initiative:
                add(target.initiative)
    return list(ordered)


def indicator_specs() -> dict:
    """Indicator name → spec, over every seed's targets and observations."""
    return {
        figure.indicator.name: figure.indicator
        for seed in SEEDS
        for figure in (*seed.targets, *seed.observations)
    }


def random_date(rng, year: int) -> datetime.date:
    start = datetime.date(year, 1, 1).toordinal()
    return datetime.date.fromordinal(start + rng.randrange(365))
