"""Deciding, without the database, everything one generated document holds.

``Planner.document(serial)`` draws from its own ``random.Random(seed)`` only, in a fixed
order, so the same seed plans the same corpus. Places come from the region table: a
document modelled on a county-level seed gets counties of one prefecture (or of one
municipality), one modelled on a prefecture-level seed gets the prefecture, and the
seed's place names in the text and quotes are replaced by the new ones.
"""
import datetime
import random
import re
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from apps.demo.corpus import material
from apps.demo.seeds.schema import InitiativeSpec
from apps.organizations.models import OrganizationKind
from apps.proposals.models import ProposalKind, ProposerRole


@dataclass(frozen=True)
class Place:
    code: str
    name: str
    level: str
    parent: str | None


class Places:
    """The region table as the planner needs it: names, parents, and counties grouped by their head."""

    def __init__(self, places: list[Place]):
        self.by_code = {place.code: place for place in places}
        groups: dict[str, list[str]] = {}
        for place in places:
            if place.level == "county" and place.parent:
                groups.setdefault(place.parent, []).append(place.code)
        # A head (prefecture, or a municipality for its districts) with at least two counties.
        self.groups = {head: sorted(codes) for head, codes in sorted(groups.items()) if len(codes) >= 2}
        self.heads = list(self.groups)

    def name(self, code: str) -> str:
        return self.by_code[code].name

    def province(self, code: str) -> str:
        place = self.by_code[code]
        while place.parent:
            place = self.by_code[place.parent]
        return place.code

    def full_name(self, code: str) -> str:
        """江宁区 → 南京市江宁区; 海淀区 → 北京市海淀区; a prefecture or province is its own name."""
        place = self.by_code[code]
        if place.level == "county" and place.parent:
            return self.name(place.parent) + place.name
        return place.name


@dataclass
class InitiativeNeed:
    name: str
    region: str | None
    theme: str
    start_year: int | None
    end_year: int | None
    description: str
    parent: "InitiativeNeed | None"

    @property
    def key(self) -> tuple:
        return (self.name, self.region)


@dataclass
class DocumentPlan:
    serial: int
    values: dict  # Document fields
    regions: list[str]
    organization: tuple | None  # (name, short_name, kind, region)
    proposal: dict | None = None  # Proposal fields, plus "proposer" and "reply"
    initiatives: list[InitiativeNeed] = field(default_factory=list)
    targets: list[dict] = field(default_factory=list)
    observations: list[dict] = field(default_factory=list)
    # Citation fields, plus "cited_serial": the serial of an earlier generated document it names, or None.
    citations: list[dict] = field(default_factory=list)
    # Commitment fields, plus "target": the index in ``targets`` of the target a numeric promise names, or None.
    commitments: list[dict] = field(default_factory=list)


def _shift_year(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


class Planner:
    def __init__(self, places: Places, *, seed: int):
        self.places = places
        self.rng = random.Random(seed)
        self.seed = seed
        self.templates = material.templates()
        self.numbers: Counter = Counter()
        self.target_indicators = sorted({t.indicator.name for tpl in self.templates for t in tpl.seed.targets})

    def _weighted(self, weights: dict) -> str:
        return self.rng.choices(list(weights), weights=list(weights.values()))[0]

    def _person(self) -> str:
        given = "".join(self.rng.choice(material.GIVEN_NAMES) for _ in range(self.rng.choice((1, 2))))
        return self.rng.choice(material.SURNAMES) + given

    def _mapping(self, template) -> dict[str, str]:
        """Seed region code → generated code, for the seed's regions and their parents."""
        seed_codes = list(template.seed_regions)
        if not seed_codes:
            return {}
        head = self.rng.choice(self.places.heads)
        counties = self.rng.sample(self.places.groups[head], k=min(2, len(self.places.groups[head])))
        mapping, picked = {}, iter(counties)
        for code in seed_codes:
            level = self.places.by_code[code].level
            mapping[code] = next(picked, counties[0]) if level == "county" else head
        first = mapping[seed_codes[0]]
        # Every seed's place names map onto this document's places, so mixed-in paragraphs fit too.
        for other in self.templates:
            for code in other.seed_regions:
                mapping.setdefault(code, first if self.places.by_code[code].level == "county" else head)
        pending = list(mapping)
        while pending:
            parent = self.places.by_code[pending.pop()].parent
            if parent and parent not in mapping:
                province_level = self.places.by_code[parent].level == "province"
                mapping[parent] = self.places.province(head) if province_level else head
                pending.append(parent)
        return mapping

    def _renamer(self, mapping: dict[str, str]):
        names = {self.places.name(old): self.places.name(new) for old, new in mapping.items()}
        names = {old: new for old, new in names.items() if old != new}
        if not names:
            return lambda text: text
        pattern = re.compile("|".join(map(re.escape, sorted(names, key=len, reverse=True))))
        return lambda text: pattern.sub(lambda m: names[m.group(0)], text)

    def _text(self, template, rename) -> str:
        keep = [
            p for i, p in enumerate(template.paragraphs)
            if i == 0 or i in template.figure_paragraphs or self.rng.random() < 0.6
        ]
        others = [t for t in self.templates if t is not template]
        for _ in range(self.rng.randint(1, 3)):
            other = self.rng.choice(others)
            keep.insert(self.rng.randint(1, len(keep)), self.rng.choice(other.paragraphs))
        return rename("\n\n".join(keep))

    def _initiative(self, spec: InitiativeSpec, mapping, offset: int) -> InitiativeNeed:
        return InitiativeNeed(
            name=spec.name,
            region=mapping.get(spec.region) if spec.region else None,
            theme=spec.theme,
            start_year=spec.start_year + offset if spec.start_year else None,
            end_year=spec.end_year + offset if spec.end_year else None,
            description=spec.description,
            parent=self._initiative(spec.parent, mapping, offset) if spec.parent else None,
        )

    def _organization(self, spec, mapping) -> tuple | None:
        if spec is None:
            return None
        code = mapping.get(spec.region, spec.region)
        suffix = {
            OrganizationKind.EDUCATION_BUREAU: "教育局", OrganizationKind.EDUCATION_DEPARTMENT: "教育厅",
            OrganizationKind.MEDIA: "日报社",
        }.get(spec.kind, "")
        return (self.places.full_name(code) + suffix, spec.short_name, spec.kind, code)

    def _proposal(self, template, region: str, year: int, day, status: str) -> tuple[dict, str]:
        spec = template.seed.proposal
        term, meeting = 13 + (year - 2021) // 5, (year - 2021) % 5 + 1
        place = self.places.name(region)
        if spec.kind == ProposalKind.PROPOSAL:
            session = f"{place}政协{material.chinese_number(term)}届{material.chinese_number(meeting)}次会议"
        else:
            session = (f"{place}第{material.chinese_number(term + 2)}届人民代表大会"
                       f"第{material.chinese_number(meeting)}次会议")
        self.numbers[session] += 1
        serial = self.numbers[session]
        number = f"ZX{term}{meeting:02d}{serial:04d}" if spec.kind == ProposalKind.PROPOSAL else str(serial)
        title, subject = self.rng.choice(material.PROPOSAL_TOPICS)
        role = ProposerRole.CPPCC_MEMBER if spec.kind == ProposalKind.PROPOSAL else ProposerRole.DEPUTY
        reply = spec.reply
        proposal = {
            "kind": spec.kind, "session": session, "number": number, "title": title, "subject": subject,
            "region_id": region, "status": status, "proposer": (self._person(), role),
            "reply": {
                "reply_date": day, "result_code": self._weighted(material.RESULT_CODE_WEIGHTS),
                "result_scheme": reply.result_scheme, "disclosure": reply.disclosure,
                "signer": self._person() if reply.signer else "", "contact": self._person() if reply.contact else "",
                "copy_to": list(reply.copy_to), "status": status,
            },
        }
        kind_word = "提案" if spec.kind == ProposalKind.PROPOSAL else "建议"
        return proposal, f"对{session}第{number}号{kind_word}的答复"

    def _title(self, template, mapping, year: int) -> str:
        seed_codes = template.seed_regions
        if not seed_codes:
            subtitle = self.rng.choice(["追求有质量公平 推进内涵式发展", "补齐短板 推动教育均衡发展", "深化改革 办好人民满意的教育"])
            return f"地区市教育局各县市区教育局长例会汇报材料:{subtitle}"
        first = mapping[seed_codes[0]]
        head = self.places.name(self.places.by_code[first].parent or first)
        if template.seed.document.doc_type == "annual_goals":
            return f"{head}辖市区{year}年度教育“小目标”"
        count = material.chinese_number(self.rng.randint(3, 6))
        return f"{head}{self.places.name(first)}:聚焦{count}大重点任务 推动教育高质量发展"

    def document(self, serial: int) -> DocumentPlan:
        rng, template = self.rng, self.rng.choice(self.templates)
        seed, spec = template.seed, template.seed.document
        mapping = self._mapping(template)
        rename = self._renamer(mapping)
        year = rng.randint(material.FIRST_YEAR, material.LAST_YEAR)
        offset = year - template.year
        day = material.random_date(rng, year) if spec.publish_date else None
        status = self._weighted(material.STATUS_WEIGHTS)
        regions = [mapping[code] for code in spec.regions]
        proposal, title = None, self._title(template, mapping, year)
        if seed.proposal is not None:
            proposal, title = self._proposal(template, regions[0], year, day, status)
        doc_number, abbr = "", ""
        if spec.doc_number:
            abbr = self.places.name(regions[0])[0] if regions else spec.doc_number[0]
            self.numbers[(abbr, year)] += 1
            doc_number = f"{abbr}教办〔{year}〕{self.numbers[(abbr, year)]}号"
        clean_text = self._text(template, rename)
        raw_text = (
            f"{title}\n发布时间:{day or ''}\n\n{clean_text}\n\n"
            f"来源:{spec.source_site or '网络'} 编号 {self.seed}-{serial}"
        )
        plan = DocumentPlan(
            serial=serial,
            values={
                "title": title[:300], "doc_type": spec.doc_type, "publish_date": day, "doc_number": doc_number,
                "source_site": spec.source_site, "raw_text": raw_text, "clean_text": clean_text, "status": status,
            },
            regions=regions,
            organization=self._organization(spec.organization, mapping),
            proposal=proposal,
            initiatives=[self._initiative(i, mapping, offset) for i in seed.initiatives],
        )
        if proposal is not None:
            proposal["reply"]["doc_number"] = doc_number
        for target in seed.targets:
            plan.targets.append({
                "indicator": target.indicator.name, "region_id": mapping.get(target.region),
                "comparator": target.comparator, "value": target.value, "value_max": target.value_max,
                "unit": target.indicator.unit if target.unit is None else target.unit,
                "deadline_year": target.deadline_year + offset if target.deadline_year else None,
                "initiative": self._initiative(target.initiative, mapping, offset) if target.initiative else None,
                "quote": rename(target.quote), "status": status,
            })
        own_target_indicators = [t.indicator.name for t in seed.targets] or self.target_indicators
        for observation in seed.observations:
            indicator = observation.indicator.name if rng.random() < 0.5 else rng.choice(own_target_indicators)
            observed_on = day if observation.observed_on == spec.publish_date else _shift_year(
                observation.observed_on, offset
            )
            plan.observations.append({
                "indicator": indicator, "region_id": mapping.get(observation.region),
                "value": (observation.value * Decimal(rng.randint(80, 120)) / 100).quantize(Decimal("0.01")),
                "unit": observation.indicator.unit, "observed_on": observed_on,
                "quote": rename(observation.quote), "status": status,
            })
        if proposal is not None:
            quotes = [target.quote for target in seed.targets]
            for commitment in seed.commitments:
                plan.commitments.append({
                    "summary": rename(commitment.summary)[:200], "quote": rename(commitment.quote),
                    "kind": commitment.kind, "status": status, "region_id": proposal["region_id"],
                    "deadline_year": commitment.deadline_year + offset if commitment.deadline_year else None,
                    "target": quotes.index(commitment.target.quote) if commitment.target else None,
                })
        for citation in spec.citations:
            number = citation.doc_number
            if number and abbr and spec.doc_number and number.startswith(spec.doc_number[0]):
                number = abbr + number[1:]
            linked = serial >= material.CITED_MIN_DISTANCE and rng.random() < material.LINKED_CITATION_SHARE
            plan.citations.append({
                "cited_title": rename(citation.title)[:300], "cited_doc_number": number,
                "cited_serial": rng.randrange(serial - material.CITED_MIN_DISTANCE + 1) if linked else None,
            })
        return plan
