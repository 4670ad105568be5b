"""Chinese by default, English through the switch."""
import pytest

from apps.web.tests.support import page

pytestmark = pytest.mark.django_db


def test_the_pages_are_chinese_by_default_even_for_an_english_browser(client):
    html = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert '<html lang="zh-Hans">' in html and ">文件</a>" in html


def test_the_switch_is_a_labelled_form(client):
    html = page(client, "/documents/")
    assert '<form class="language-switch" action="/i18n/setlang/" method="post">' in html
    assert '<label for="language-select">语言</label>' in html
    assert '<option value="en" lang="en">English</option>' in html


def test_switching_to_english_changes_the_labels_and_goes_back_to_the_page(client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/targets/?deadline_year=2022"})
    assert response.status_code == 302 and response["Location"] == "/targets/?deadline_year=2022"
    html = page(client, "/targets/?deadline_year=2022")
    assert '<html lang="en">' in html
    assert ">Documents</a>" in html and ">Targets</h1>" in html
    assert '<label for="id_region">Region</label>' in html and "Download CSV" in html
    client.post("/i18n/setlang/", {"language": "zh-hans", "next": "/"})
    assert ">文件</a>" in page(client, "/")
