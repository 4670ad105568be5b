"""An Atom feed of documents for any document filter: ``/documents/feed/?doc_type=reply&region=13``.

The same FilterSet and selector as the documents list, so a reader follows exactly what
the list shows, newest first.
"""
import datetime
import re

from django.contrib.syndication.views import Feed
from django.http import HttpResponseBadRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext as _

from apps.curation.selectors import InvalidFilters
from apps.documents.selectors import document_list

FEED_SIZE = 50
# XML 1.0 has no place for these; one in a title would make the whole feed a server error.
XML_INVALID = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


class DocumentFeed(Feed):
    feed_type = Atom1Feed

    def author_name(self):
        # Atom asks for an author on the feed when entries have none.
        return _("教育政策追踪")

    def __call__(self, request, *args, **kwargs):
        try:
            return super().__call__(request, *args, **kwargs)
        except InvalidFilters as invalid:
            problems = "; ".join(f"{name}: {' '.join(errors)}" for name, errors in invalid.errors.items())
            return HttpResponseBadRequest(problems, content_type="text/plain; charset=utf-8")

    def get_object(self, request, *args, **kwargs):
        filters = request.GET.copy()
        for key in ("ordering", "page", "format"):
            filters.pop(key, None)  # a feed is newest first, whole
        return {"request": request, "filters": filters, "documents": document_list(filters=filters, user=request.user)}

    def title(self, obj):
        return _("教育政策追踪：文件")

    def subtitle(self, obj):
        return _("按筛选条件列出的最新文件") if obj["filters"] else _("最新文件")

    def link(self, obj):
        query = obj["filters"].urlencode()
        return reverse("documents:list") + (f"?{query}" if query else "")

    def feed_url(self, obj):
        return obj["request"].get_full_path()

    def items(self, obj):
        return obj["documents"][:FEED_SIZE]

    def item_title(self, item):
        return XML_INVALID.sub("", item.title)

    def item_description(self, item):
        """Plain facts; escaped, because Atom's summary is ``type="html"`` and readers render it."""
        facts = [item.get_doc_type_display(), ", ".join(region.name for region in item.regions.all())]
        if item.doc_number:
            facts.append(item.doc_number)
        return escape(XML_INVALID.sub("", " · ".join(fact for fact in facts if fact)))

    def item_link(self, item):
        return reverse("documents:detail", args=[item.pk])

    def item_pubdate(self, item):
        if item.publish_date is None:
            return item.created_at
        return timezone.make_aware(datetime.datetime.combine(item.publish_date, datetime.time()))

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [item.get_doc_type_display()]
