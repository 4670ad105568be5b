"""An Atom feed of commitments' findings for any commitment filter: ``/commitments/feed/?region=32``.
Each entry is a promise whose state a curator set (kept, partly kept, not kept, withdrawn, or
back to open), newest finding first."""
from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import gettext as _

from apps.commitments.selectors import commitment_list
from apps.web.feeds import FEED_SIZE, XML_INVALID, DocumentFeed


class CommitmentFeed(DocumentFeed):
    def get_object(self, request, *args, **kwargs):
        filters = request.GET.copy()
        for key in ("ordering", "page", "format"):
            filters.pop(key, None)
        found = commitment_list(filters=filters, user=request.user).exclude(fulfilment_set_at=None)
        return {"request": request, "filters": filters, "documents": found.order_by("-fulfilment_set_at", "-pk")}

    def title(self, obj):
        return _("教育政策追踪：承诺兑现情况")

    def subtitle(self, obj):
        return _("按筛选条件列出的承诺兑现认定，最新的在前")

    def link(self, obj):
        query = obj["filters"].urlencode()
        return reverse("commitments:list") + (f"?{query}" if query else "")

    def item_title(self, item):
        return XML_INVALID.sub("", f"{item.state_label}:{item.summary}")

    def item_description(self, item):
        facts = [item.organization.name if item.organization else "", item.evidence_quote]
        return escape(XML_INVALID.sub("", " · ".join(fact for fact in facts if fact)))

    def item_link(self, item):
        proposal = item.reply.proposal_id if item.reply else None
        if proposal:
            return reverse("proposals:detail", args=[proposal]) + f"#commitment-{item.pk}"
        return reverse("commitments:list") + f"?q={item.summary[:20]}"

    def item_pubdate(self, item):
        return item.fulfilment_set_at

    def item_categories(self, item):
        return [item.get_kind_display()]
