"""The Atom feed of any document filter."""
import xml.etree.ElementTree as ET

import pytest

from apps.web.tests.support import demo  # noqa: F401

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def entries(response):
    assert response.status_code == 200, response.content[:500]
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    assert feed.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated", "author"):
        assert feed.find(f"{ATOM}{required}") is not None
    return feed.findall(f"{ATOM}entry")


@pytest.mark.usefixtures("demo")
class TestOverDemo:
    def test_the_feed_holds_every_published_document_newest_first(self, client):
        found = entries(client.get("/documents/feed/"))
        assert len(found) == 5
        assert found[0].find(f"{ATOM}title").text.startswith("对江宁区政协十三届一次会议")
        for entry in found:
            assert entry.find(f"{ATOM}link").get("href").startswith("http://testserver/documents/")
            assert entry.find(f"{ATOM}updated") is not None and entry.find(f"{ATOM}id") is not None

    def test_new_replies_in_one_province(self, client):
        (entry,) = entries(client.get("/documents/feed/?doc_type=reply&region=13"))
        assert entry.find(f"{ATOM}title").text == "对人大076号建议的答复"

    def test_the_list_links_to_the_feed_of_its_filters(self, client):
        html = client.get("/documents/?region=13&doc_type=reply").content.decode()
        assert 'href="/documents/feed/?region=13&amp;doc_type=reply"' in html
        assert 'type="application/atom+xml"' in html

    def test_a_malformed_filter_is_a_400_not_a_feed(self, client):
        response = client.get("/documents/feed/?region=abc")
        assert response.status_code == 400 and b"region" in response.content
