"""The admin reads in the project's language: its header, the login-protection section, filter titles."""
import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_admin_index_is_in_chinese_with_the_import_link(admin_client):
    page = admin_client.get(reverse("admin:index")).content.decode()
    assert "教育政策追踪 · 管理" in page and "Django" not in page.split("<body")[1].split("<footer")[0]
    assert "登录防护" in page and "登录尝试" in page and "Axes" not in page
    assert reverse("ingest_import_pages") in page


def test_the_admin_index_in_english(admin_client, settings):
    admin_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = admin_client.get(reverse("admin:index")).content.decode()
    assert "Education policy tracker · administration" in page and "Login protection" in page


def test_the_documents_filters_have_titles_of_their_own(admin_client):
    page = admin_client.get(reverse("admin:documents_document_changelist")).content.decode()
    assert "以 机构类型" in page and page.count("以 类型") == 1


def test_a_reader_sees_no_import_link(reader_client):
    assert reverse("ingest_import_pages") not in reader_client.get(reverse("admin:index")).content.decode()


def test_wide_inlines_scroll_inside_their_box(admin_client):
    from django.contrib.staticfiles import finders

    page = admin_client.get(reverse("admin:index")).content.decode()
    assert "curation/admin.css" in page
    assert ".inline-group .tabular" in open(finders.find("curation/admin.css"), encoding="utf-8").read()


def test_the_admin_switches_its_language_with_its_own_control_and_keeps_its_address(admin_client):
    page = admin_client.get(reverse("admin:documents_document_changelist")).content.decode()
    assert '<button type="submit" name="language" value="en" lang="en">English</button>' in page
    response = admin_client.post("/i18n/setlang/", {"language": "en", "next": "/admin/documents/document/"})
    assert response["Location"] == "/admin/documents/document/"
    page = admin_client.get(response["Location"]).content.decode()
    assert "Education policy tracker · administration" in page and 'value="zh-hans" lang="zh-Hans">简体中文' in page
