"""The proposal page answers "asked → promised → happened": what was asked, the grade, the targets (with
their progress) and figures read from the reply, the promises, the reply's text with those sentences
marked, and the dates in order."""
import datetime
import re
from decimal import Decimal

import pytest

from apps.commitments.models import Commitment
from apps.commitments.tests.factories import CommitmentFactory
from apps.curation.models import CurationStatus
from apps.documents.tests.factories import DocumentFactory
from apps.proposals.models import Proposal, ReplyKind
from apps.proposals.tests.factories import (
    ProposalFactory,
    ProposerFactory,
    ReplyFactory,
)
from apps.targets.models import Observation, Target
from apps.targets.tests.factories import (
    IndicatorFactory,
    ObservationFactory,
    TargetFactory,
)
from apps.web.tests.support import demo, page, text_of  # noqa: F401

pytestmark = pytest.mark.django_db

REPLY_TEXT = (
    "关于你提出的建议,答复如下:\n"
    "目前全区已组建教育集团12个,集团化办学覆盖率达到45%。\n"
    "到2020年,全区集团化办学覆盖率将达到60%以上。\n"
    "下一步,我局将积极争取专项资金支持新建学校。\n"
    "感谢您对教育工作的关心。"
)
TARGET_QUOTE = "到2020年,全区集团化办学覆盖率将达到60%以上。"
OBSERVATION_QUOTE = "目前全区已组建教育集团12个"
PROMISE_QUOTE = "下一步,我局将积极争取专项资金支持新建学校。"


@pytest.fixture(autouse=True)
def judged_in_december_2026(settings):
    settings.PROGRESS_TODAY = datetime.date(2026, 12, 2)


@pytest.fixture
def answered():
    """A proposal assigned in March 2020 and answered in three steps; its final reply holds a target
    (due 2020, never observed since: unverified), an observation and a promise."""
    proposal = ProposalFactory(title="关于推进集团化办学的提案", subject="集团化办学", number="105",
                               assigned_date=datetime.date(2020, 3, 2))
    ProposerFactory(proposal=proposal, name="王芳", is_lead=True)
    ProposerFactory(proposal=proposal, name="李明", is_lead=False)
    text = DocumentFactory(clean_text=REPLY_TEXT)
    final = ReplyFactory(proposal=proposal, document=text, result_code="B", reply_date=datetime.date(2020, 6, 20),
                         doc_number="宁教复〔2020〕5号")
    ReplyFactory(proposal=proposal, reply_kind=ReplyKind.INTERIM, result_code="", reply_date=datetime.date(2020, 5, 8))
    ReplyFactory(proposal=proposal, reply_kind=ReplyKind.FOLLOW_UP, result_code="A",
                 reply_date=datetime.date(2021, 12, 1))
    coverage = IndicatorFactory(name="集团化办学覆盖率")
    target = TargetFactory(indicator=coverage, region=proposal.region, deadline_year=2020, source_document=text,
                           quote=TARGET_QUOTE)
    groups = IndicatorFactory(name="教育集团数", unit="个")
    observation = ObservationFactory(indicator=groups, region=proposal.region, value=Decimal("12"), unit="个",
                                     source_document=text, quote=OBSERVATION_QUOTE,
                                     observed_on=datetime.date(2020, 6, 20))
    promise = CommitmentFactory(source_document=text, reply=final, quote=PROMISE_QUOTE, summary="争取专项资金支持新建学校")
    return {"proposal": proposal, "target": target, "observation": observation, "promise": promise, "text": text}


def detail(client, proposal) -> str:
    return page(client, f"/proposals/{proposal.pk}/")


def section(html: str, heading_id: str) -> str:
    """The text of the section labelled by ``heading_id``."""
    match = re.search(rf'<section[^>]*aria-labelledby="{heading_id}".*?</section>', html, re.S)
    assert match, heading_id
    return text_of(match.group(0))


def test_the_page_reads_asked_graded_figures_promised_then_the_text(client, answered):
    text = text_of(detail(client, answered["proposal"]))
    order = ["所提问题", "办理结果", "办理经过", "答复中的目标", "答复中的观测值", "承诺与兑现", "答复全文"]
    positions = [text.index(heading) for heading in order]
    assert positions == sorted(positions)


def test_what_was_asked_title_subject_and_proposers(client, answered):
    asked = section(detail(client, answered["proposal"]), "asked-heading")
    for expected in ["关于推进集团化办学的提案", "集团化办学", "王芳", "李明"]:
        assert expected in asked


def test_the_grade_of_each_reply_stands_beside_what_was_asked(client, answered):
    grade = section(detail(client, answered["proposal"]), "grade-heading")
    assert "B 列入计划拟解决" in grade and "A 所提问题已解决或基本解决" in grade
    assert "页面未注明办理结果" in grade  # the interim reply


def test_targets_read_from_the_reply_show_their_progress_and_link_to_their_sentence(client, answered):
    html = detail(client, answered["proposal"])
    targets = section(html, "targets-heading")
    assert "集团化办学覆盖率" in targets and "到期未核实" in targets
    observations = section(html, "observations-heading")
    assert "教育集团数" in observations and "12个" in observations
    for record in (answered["target"], answered["observation"]):
        kind = type(record).__name__.lower()
        assert f'href="#{kind}-{record.pk}"' in html


def test_an_observation_later_moves_the_targets_progress(client, answered):
    ObservationFactory(indicator=answered["target"].indicator, region=answered["target"].region,
                       value=Decimal("62"), observed_on=datetime.date(2021, 9, 1))
    assert "已达成" in section(detail(client, answered["proposal"]), "targets-heading")


def test_the_reply_text_marks_the_targets_figures_and_promises(client, answered):
    html = detail(client, answered["proposal"])
    target, observation, promise = answered["target"], answered["observation"], answered["promise"]
    assert f'<mark id="target-{target.pk}" class="quote quote--target"' in html
    assert f'<mark id="observation-{observation.pk}" class="quote quote--observation"' in html
    assert f'<mark id="promise-{promise.pk}" class="quote quote--commitment" title="争取专项资金支持新建学校">' in html
    assert f'href="#promise-{promise.pk}"' in html  # from the promise to its sentence
    assert "感谢您对教育工作的关心" in text_of(html)


def test_the_dates_stand_in_order_and_a_late_reply_says_so(client, answered):
    steps = section(detail(client, answered["proposal"]), "timeline-heading")
    expected = ["2020-03-02 交办", "2020-05-08 中期答复", "2020-06-02 答复期限", "2020-06-20 正式答复",
                "2021-12-01 跟踪办理答复"]
    positions = [steps.index(step) for step in expected]
    assert positions == sorted(positions)
    # Due three months after assignment: the final reply came late, the interim one did not.
    assert steps.count("晚于答复期限") == 2
    assert steps.index("晚于答复期限") > steps.index("2020-06-20 正式答复")


def test_unknown_dates_are_said_to_be_unknown(client):
    proposal = ProposalFactory()
    ReplyFactory(proposal=proposal, reply_date=None)
    steps = section(detail(client, proposal), "timeline-heading")
    assert steps.count("日期未注明") == 3


def test_nothing_unpublished_is_read_from_the_reply(client, curator_client, answered):
    Target.objects.filter(pk=answered["target"].pk).update(status=CurationStatus.DRAFT)
    Observation.objects.filter(pk=answered["observation"].pk).update(status=CurationStatus.DRAFT)
    Commitment.objects.filter(pk=answered["promise"].pk).update(status=CurationStatus.DRAFT)
    html = detail(client, answered["proposal"])
    assert "到期未核实" not in html and "教育集团数" not in html
    assert 'id="target-' not in html and 'id="observation-' not in html and 'id="promise-' not in html
    assert "没有从答复中读出目标" in html and "没有从答复中读出承诺" in html
    assert "到期未核实" in detail(curator_client, answered["proposal"])


def test_figures_read_from_an_unpublished_reply_text_stay_hidden(client, answered):
    answered["text"].status = CurationStatus.DRAFT
    answered["text"].save()
    html = detail(client, answered["proposal"])
    assert "集团化办学覆盖率" not in html and "教育集团数" not in html and "答复全文未收录" in html


@pytest.mark.usefixtures("demo")
class TestOverDemo:
    def test_suggestion_76_asked_graded_counted_and_promised(self, client):
        proposal = Proposal.objects.get(number="76")
        html = detail(client, proposal)
        assert "均衡城乡教育资源" in section(html, "asked-heading") and "赵强" in section(html, "asked-heading")
        assert "B 列入计划拟解决" in section(html, "grade-heading")
        assert proposal.replies.get().document.observations.count() == html.count("quote--observation") - 1
        assert "437" in section(html, "observations-heading")
        assert "未到期" in section(html, "targets-heading")
        assert "quote--commitment" in html and "承诺与兑现" in text_of(html)


def test_the_page_reads_in_english(client, answered):
    text = text_of(page(client, f"/en/proposals/{answered['proposal'].pk}/"))
    for heading in ["What was asked", "Dates", "Targets in the replies", "Observations in the replies"]:
        assert heading in text, heading
