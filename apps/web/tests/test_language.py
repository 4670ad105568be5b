"""Chinese at every address, English under /en/: the language is part of the link, so a shared link keeps it."""
import pytest
from django.conf import settings

from apps.web.tests.support import page

pytestmark = pytest.mark.django_db


def test_the_pages_are_chinese_by_default_even_for_an_english_browser(client):
    html = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert '<html lang="zh-Hans">' in html and ">文件</a>" in html


def test_a_shared_english_link_is_english_without_a_cookie(client):
    assert not client.cookies
    html = page(client, "/en/targets/?deadline_year=2022")
    assert '<html lang="en">' in html
    assert ">Documents</a>" in html and ">Targets</h1>" in html
    assert '<label for="id_region">Region</label>' in html and "Download CSV" in html
    # Its links stay in English: the menu, the sort headers' page, the exports.
    assert 'href="/en/documents/"' in html and 'href="/en/"' in html


def test_an_address_without_prefix_is_chinese_whatever_cookie_the_reader_has(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    html = page(client, "/targets/?deadline_year=2022")
    assert '<html lang="zh-Hans">' in html and ">目标</h1>" in html


def test_the_switch_links_to_the_same_page_and_query_in_the_other_language(client):
    html = page(client, "/targets/?deadline_year=2022&ordering=-value")
    assert ('<a href="/en/targets/?deadline_year=2022&amp;ordering=-value" hreflang="en" lang="en">English</a>'
            in html)
    assert '<link rel="alternate" hreflang="en" href="/en/targets/?deadline_year=2022&amp;ordering=-value">' in html
    html = page(client, "/en/targets/?deadline_year=2022&ordering=-value")
    assert ('<a href="/targets/?deadline_year=2022&amp;ordering=-value" hreflang="zh-hans" lang="zh-hans">简体中文</a>'
            in html)


def test_the_switch_keeps_a_record_page_and_the_home_page(client):
    from apps.regions.tests.factories import CountyFactory

    CountyFactory()
    html = page(client, "/en/regions/320115/")
    assert 'href="/regions/320115/" hreflang="zh-hans"' in html
    assert 'href="/en/" hreflang="en"' in page(client, "/")


def test_a_missing_page_offers_the_other_language_too(client):
    html = page(client, "/en/nowhere/", status=404)
    assert 'href="/nowhere/" hreflang="zh-hans"' in html


def test_the_api_and_the_admin_keep_their_addresses(client, admin_client):
    assert client.get("/api/v1/regions/").status_code == 200
    assert client.get("/en/api/v1/regions/").status_code == 404
    assert admin_client.get("/admin/").status_code == 200
    assert admin_client.get("/en/admin/").status_code == 404
