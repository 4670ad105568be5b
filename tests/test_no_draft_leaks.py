"""Nothing unpublished shows anywhere public: pages imported as drafts beside the published demo
records, then every public page, export, feed and API answer reachable from the site's entry
points is visited as an anonymous visitor and as a signed-in reader.

The draft pages are written here, around a place that does not exist (琥珀湾), so any of their
titles, quotes or names (LEAK_WORDS) or their records' addresses in an answer is a leak. (A
search for 琥珀湾 itself may echo the query.)
"""
import csv
import io
import re
from collections import deque
from urllib.parse import urljoin, urlsplit

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import Client

from apps.commitments.models import Commitment
from apps.curation.models import CurationStatus
from apps.curation.tests.api_support import fresh_throttle_history  # noqa: F401 (autouse fixture)
from apps.documents.models import Document
from apps.ingest.services import document_import, import_reader
from apps.initiatives.models import Initiative
from apps.proposals.models import Proposal, Reply
from apps.targets.models import Indicator, Observation, Target

pytestmark = pytest.mark.django_db

MARK = "琥珀湾"
REPLY_LETTER = f"""关于在{MARK}增设寄宿制学校的建议的答复
发布时间:2024-06-20
徐州市教育局
李某代表:
您在市十七届人大三次会议上提出的《关于在{MARK}增设寄宿制学校的建议》(第58号)收悉,现答复如下:
近年来,我局高度重视{MARK}片区学校布局,已完成学位需求调查,{MARK}片区寄宿生床位占比达到41%。
下一步,我局将实施“{MARK}星火寄宿”工程,新建{MARK}寄宿制学校7所,新增学位4321个。
感谢您对教育工作的关心和支持。
徐州市教育局
2024年6月18日
"""
GOALS_PAGE = f"""沛县教育局2024年{MARK}工作要点
发布时间:2024-02-01
今年全县教育工作坚持稳中求进,以办好人民满意的教育为目标,统筹推进{MARK}片区各级各类教育发展。
到2024年底,{MARK}学前三年毛入园率达到97.3%以上,{MARK}寄宿生午休床位数达到2468个。
2023年,{MARK}新建学校3所,新增学位1357个。
"""
LEAK_WORDS = ["增设寄宿制学校", "星火寄宿", "午休床位", "学位4321", "2468个", "学位1357", "寄宿生床位占比", f"2024年{MARK}工作要点"]
START = [
    "/", "/documents/", "/proposals/", "/targets/", "/regions/", "/initiatives/", "/search/?q=寄宿",
    f"/search/?q={MARK}", "/search/?q=学位", "/documents/feed/", "/documents/?format=csv", "/targets/?format=csv",
    "/proposals/?format=csv", "/targets/?q=床位", "/api/v1/", "/api/v1/documents/", "/api/v1/proposals/",
    "/api/v1/replies/", "/api/v1/targets/", "/api/v1/observations/", "/api/v1/indicators/", "/api/v1/initiatives/",
    "/api/v1/regions/", "/api/v1/organizations/", f"/api/v1/documents/?q={MARK}", "/api/v1/targets/?format=csv",
    "/api/v1/indicators/?q=床位", "/api/v1/targets/?q=床位",
    "/targets/scorecard/", "/targets/scorecard/?region=32", "/targets/scorecard/?region=3203&deadline_year=2024",
    "/targets/scorecard/?format=csv", "/indicators/", "/indicators/?q=床位", "/indicators/?format=csv",
    "/indicators/?q=入园率&format=csv",
    "/commitments/", "/commitments/?q=寄宿", "/commitments/scorecard/", "/commitments/?format=csv",
    "/commitments/feed/",
    "/api/v1/commitments/", "/api/v1/commitments/?q=寄宿",
]
SKIP = re.compile(r"^/(admin|i18n|static|media)/|[?&]format=xlsx")
LINK = re.compile(r"""(?:href|src)="([^"#]+)"|"(https?://testserver/[^"]+)\"""")
MAX_VISITS = 600


@pytest.fixture(scope="module")
def drafts(django_db_setup, django_db_blocker):
    """The demo records, published, and the two pages above imported beside them as drafts."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", stdout=open("/dev/null", "w"))
        reader = import_reader()
        documents = [
            document_import(raw=text.encode(), filename=f"{name}.txt", reader=reader).document
            for name, text in (("reply", REPLY_LETTER), ("goals", GOALS_PAGE))
        ]
        yield documents
        transaction.set_rollback(True)


def hidden_addresses() -> list[str]:
    """The API and page addresses of every record the public may not see."""
    addresses = []
    for model, basename, page in (
        (Document, "documents", "documents"), (Proposal, "proposals", "proposals"), (Reply, "replies", None),
        (Target, "targets", None), (Observation, "observations", None), (Initiative, "initiatives", "initiatives"),
        (Commitment, "commitments", None),
    ):
        for pk in model.objects.exclude(status=CurationStatus.PUBLISHED).values_list("pk", flat=True):
            addresses.append(f"/api/v1/{basename}/{pk}/")
            if page:
                addresses.append(f"/{page}/{pk}/")
    public = Indicator.objects.visible_to(None)
    for pk in Indicator.objects.exclude(pk__in=public).values_list("pk", flat=True):
        addresses += [f"/api/v1/indicators/{pk}/", f"/indicators/{pk}/"]
    return addresses


def crawl(client: Client) -> dict[str, str]:
    """Every same-site answer reachable from START, at most MAX_VISITS: address → text."""
    seen, queue, answers = set(START), deque(START), {}
    while queue and len(answers) < MAX_VISITS:
        address = queue.popleft()
        response = client.get(address)
        text = response.content.decode("utf-8", errors="replace")
        answers[address] = text
        if response.status_code != 200:
            continue
        for match in LINK.finditer(text):
            parts = urlsplit(urljoin("http://testserver" + address, match.group(1) or match.group(2)))
            found = parts.path + (f"?{parts.query}" if parts.query else "")
            if parts.netloc == "testserver" and found not in seen and not SKIP.search(found):
                seen.add(found)
                queue.append(found)
    return answers


@pytest.mark.parametrize("who", ["anonymous", "reader"])
def test_no_public_answer_shows_a_draft(drafts, reader, who):
    assert all(document.status == CurationStatus.DRAFT for document in drafts)
    assert Target.objects.filter(source_document__in=drafts).exists()
    assert Commitment.objects.filter(source_document__in=drafts).exists()
    client = Client()
    if who == "reader":
        client.force_login(reader)
    answers = crawl(client)
    assert len(answers) >= 100
    hidden = hidden_addresses()
    leaks = [
        (address, word) for address, text in answers.items() for word in LEAK_WORDS if word in text
    ] + [
        (address, target) for address, text in answers.items() for target in hidden
        if re.search(re.escape(target) + r"(?![\d])", text)
    ]
    assert leaks == []


@pytest.mark.parametrize("who", ["anonymous", "reader"])
def test_scorecards_count_no_draft_target(drafts, reader, who):
    """Counts leak too: the drafts' targets (in 徐州市) are in no scorecard's figures."""
    client = Client()
    if who == "reader":
        client.force_login(reader)
    assert Target.objects.filter(source_document__in=drafts, region__code__startswith="3203").exists()
    rows = client.get("/targets/scorecard/?region=32&format=csv").content.decode("utf-8-sig").splitlines()
    by_code = {row.split(",")[1]: row.split(",")[2:] for row in rows[1:]}
    assert by_code["320300"] == ["0"] * 6
    published_in_jiangsu = Target.objects.published().filter(region__code__startswith="32").count()
    assert rows[-1].split(",")[-1] == str(published_in_jiangsu)
    home = client.get("/").content.decode()
    assert f'<span class="scorecard__number">{Target.objects.published().count()}</span> ' \
           f'<span class="scorecard__label">全部目标</span>' in home


def test_the_indicator_catalogue_counts_no_draft_target(drafts, client):
    """The drafts set a 学前三年毛入园率 target (a catalogue indicator): the catalogue counts only published ones."""
    enrolment = Indicator.objects.get(code="preschool_gross_enrolment")
    assert Target.objects.filter(source_document__in=drafts, indicator=enrolment).exists()
    text = client.get("/indicators/?q=学前教育毛入园率&format=csv").content.decode("utf-8-sig")
    header, *rows = csv.reader(io.StringIO(text))
    record = dict(zip(header, next(row for row in rows if row[0] == "学前教育毛入园率")))
    assert record["目标数"] == str(Target.objects.published().filter(indicator=enrolment).count())


def test_the_comparison_of_an_indicator_shows_no_draft_figure(drafts, client):
    """The drafts' 97.3% enrolment target in 徐州's 沛县 stays out of the comparison, its chart and its export."""
    enrolment = Indicator.objects.get(code="preschool_gross_enrolment")
    for query in ("region=32", "region=3203", "regions=320322", "region=32&format=csv"):
        text = client.get(f"/indicators/{enrolment.pk}/?{query}").content.decode("utf-8-sig")
        assert "97.3" not in text and not any(word in text for word in LEAK_WORDS), query
