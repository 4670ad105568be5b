"""The document admin: search and filters, and the citations, targets and observations inline."""
import datetime

import pytest
from django.urls import reverse

from apps.curation.models import CurationStatus
from apps.documents.models import Citation, DocumentType
from apps.documents.tests.factories import DocumentFactory
from apps.regions.models import Region, RegionLevel
from apps.regions.tests.factories import CountyFactory, PrefectureFactory, ProvinceFactory
from apps.targets.models import Comparator, Target
from apps.targets.tests.factories import IndicatorFactory, ObservationFactory, TargetFactory

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:documents_document_changelist")
TARGET_QUOTE = "到2025年,全区义务教育紧密型集团化办学覆盖率将达到60%以上"
OBSERVATION_QUOTE = "每年交流比例均超过15%"


def change_url(document):
    return reverse("admin:documents_document_change", args=[document.pk])


def change_form_data(response) -> dict:
    """POST data that resubmits an admin form page unchanged: main form, inline rows, management forms."""
    forms = [response.context["adminform"].form]
    for inline in response.context.get("inline_admin_formsets", []):
        forms += [inline.formset.management_form, *inline.formset.forms]
    data = {}
    for form in forms:
        for field in form:
            value = field.value()
            if value is None or value is False:
                continue
            if value is True:
                data[field.html_name] = "on"
            elif isinstance(value, (list, tuple)):
                data[field.html_name] = [str(item) for item in value]
            else:
                data[field.html_name] = str(value)
    return data


@pytest.fixture
def reply_document():
    """Seed 000: the Jiangning bureau's reply, with the target and an observation drawn from it."""
    document = DocumentFactory(
        title="对区政协十三届一次会议第JNZX13010181号提案的答复", doc_number="江宁教复〔2022〕18号",
        regions=[CountyFactory()],
    )
    TargetFactory(source_document=document, quote=TARGET_QUOTE)
    ObservationFactory(
        indicator=IndicatorFactory(name="骨干教师交流比例"), source_document=document, value=15, quote=OBSERVATION_QUOTE
    )
    Citation.objects.create(document=document, cited_title="教育资源布局优化提升三年行动计划")
    return document


def listed_titles(response):
    assert response.status_code == 200
    return [document.title for document in response.context["cl"].result_list]


def test_search_by_doc_number(curator_client, reply_document):
    DocumentFactory(doc_number="邯教办〔2018〕57号")
    assert listed_titles(curator_client.get(CHANGELIST, {"q": "江宁教复"})) == [reply_document.title]


def test_filter_by_type(curator_client, reply_document):
    news = DocumentFactory(doc_type=DocumentType.NEWS)
    assert listed_titles(curator_client.get(CHANGELIST, {"doc_type__exact": "news"})) == [news.title]


def test_filter_by_province_lists_a_document_once_however_many_regions_match(curator_client, reply_document):
    reply_document.regions.add(PrefectureFactory())
    hebei = ProvinceFactory(code="130000", name="河北省")
    handan = Region.objects.create(code="130400", name="邯郸市", level=RegionLevel.PREFECTURE, parent=hebei)
    DocumentFactory(regions=[handan])

    assert listed_titles(curator_client.get(CHANGELIST, {"province": "320000"})) == [reply_document.title]


def test_filter_by_publish_year(curator_client, reply_document):
    older = DocumentFactory(publish_date=datetime.date(2018, 7, 26))
    assert listed_titles(curator_client.get(CHANGELIST, {"publish_date__year": "2018"})) == [older.title]
    sidebar = curator_client.get(CHANGELIST).content.decode()
    # Every year from the earliest document to the latest, a year without documents included.
    years = range(2018, reply_document.publish_date.year + 1)
    assert all(f"?publish_date__year={year}" in sidebar for year in years)
    assert f"?publish_date__year={years[-1] + 1}" not in sidebar and "?publish_date__year=2017" not in sidebar


def test_a_year_that_is_not_a_number_is_refused_without_a_crash(curator_client, reply_document):
    response = curator_client.get(CHANGELIST, {"publish_date__year": "二〇一八"})
    assert response.status_code == 302 and "e=1" in response.url


def test_changelist_links_the_organization_and_the_source(curator_client, reply_document):
    reply_document.source_url = "https://www.jiangning.gov.cn/jnqjyj/202210/t20221014.html"
    reply_document.save()
    content = curator_client.get(CHANGELIST).content.decode()
    assert reverse("admin:organizations_organization_change", args=[reply_document.organization_id]) in content
    assert f'href="{reply_document.source_url}"' in content
    assert "江宁区" in content  # the region column


def test_change_form_shows_each_values_source_sentence(curator_client, reply_document):
    response = curator_client.get(change_url(reply_document))

    formsets = [inline.formset for inline in response.context["inline_admin_formsets"]]
    assert {formset.model._meta.model_name: len(formset.forms) for formset in formsets} == {
        "citation": 1, "target": 1, "observation": 1,
    }
    content = response.content.decode()
    assert TARGET_QUOTE in content
    assert OBSERVATION_QUOTE in content
    assert "教育资源布局优化提升三年行动计划" in content
    # Raw text and checksum sit in the collapsed source fieldset, not the main one.
    fieldsets = response.context["adminform"].model_admin.get_fieldsets(response.wsgi_request)
    assert "raw_text" not in fieldsets[0][1]["fields"]
    assert "collapse" in fieldsets[-1][1]["classes"]


def test_target_added_inline_is_drawn_from_this_document(curator, curator_client, reply_document):
    data = change_form_data(curator_client.get(change_url(reply_document)))
    indicator = IndicatorFactory(name="普惠性幼儿园覆盖率")
    data.update({
        "targets-TOTAL_FORMS": "2",
        "targets-1-indicator": str(indicator.pk),
        "targets-1-region": "320115",
        "targets-1-comparator": Comparator.MAINTAIN,
        "targets-1-value": "92",
        "targets-1-unit": "%",
        "targets-1-deadline_year": "2022",
        "targets-1-quote": "普惠性幼儿园覆盖率保持在92%以上",
        "targets-1-status": CurationStatus.DRAFT,
    })

    response = curator_client.post(change_url(reply_document), data)

    assert response.status_code == 302, response.context["errors"] if response.context else response
    target = Target.objects.get(indicator=indicator)
    assert (target.source_document, target.quote) == (reply_document, "普惠性幼儿园覆盖率保持在92%以上")
    assert target.history.get().history_user == curator


def test_saving_a_document_keeps_its_raw_text_and_its_line_ends(curator_client):
    document = DocumentFactory(raw_text="第一行\n第二行", clean_text="正文第一行\n正文第二行")
    url = reverse("admin:documents_document_change", args=[document.pk])
    data = change_form_data(curator_client.get(url))
    # A browser posts every text box with CRLF line ends, and may post a changed raw text.
    data["clean_text"] = "正文第一行\r\n正文第二行(已校对)"
    data["raw_text"] = "被改动的原文\r\n"
    response = curator_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""
    document.refresh_from_db()
    assert document.raw_text == "第一行\n第二行"
    assert document.clean_text == "正文第一行\n正文第二行(已校对)"
