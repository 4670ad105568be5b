"""The importer's notes grouped by what the curator does about them, for the review queue's
filter: each kind names the stored messages (``Note.message``) it covers."""
from django.utils.translation import gettext_lazy as _

from apps.ingest.extract.regions import AMBIGUOUS_PLACE_NOTE
from apps.ingest.pipeline import (
    CONVERTED_PAGE_NOTE, DAMAGED_FIGURE_NOTE, MASKED_NOTE, NO_DATE_NOTE, NO_PLACE_FOR_FIGURES_NOTE, NO_PLACE_NOTE,
    NO_TITLE_NOTE, PLACE_FROM_SITE_NOTE, TRUNCATED_NOTE, UNDATED_TARGETS_NOTE, UNREADABLE_FIGURE_NOTE,
)
from apps.ingest.proposal_match import PROPOSAL_HELD_NOTE, REPLY_HELD_NOTE
from apps.ingest.writer import UNDATED_OBSERVATION_NOTE, UNNAMED_INDICATOR_NOTE

NOTE_KINDS: dict[str, tuple[str, list[str]]] = {
    "no-date": (_("没有发布日期"), [NO_DATE_NOTE]),
    "no-title": (_("没有标题"), [NO_TITLE_NOTE]),
    "no-place": (_("没有写明地点"), [NO_PLACE_NOTE, NO_PLACE_FOR_FIGURES_NOTE]),
    "place-masked": (_("地名被隐去"), [MASKED_NOTE]),
    "place-ambiguous": (_("地名有多处同名"), [AMBIGUOUS_PLACE_NOTE]),
    "place-from-site": (_("地点取自网站页眉页脚"), [PLACE_FROM_SITE_NOTE]),
    "duplicate-reply": (_("与已收录的答复重复"), [REPLY_HELD_NOTE]),
    "proposal-held": (_("答复加在已收录的提案下"), [PROPOSAL_HELD_NOTE]),
    "figures-to-check": (_("数字需核对"), [CONVERTED_PAGE_NOTE, DAMAGED_FIGURE_NOTE, UNREADABLE_FIGURE_NOTE]),
    "undated-figures": (_("目标或观测值没有年份"), [UNDATED_TARGETS_NOTE, UNDATED_OBSERVATION_NOTE]),
    "unnamed-indicator": (_("指标没有名称"), [UNNAMED_INDICATOR_NOTE]),
    "truncated": (_("正文不完整"), [TRUNCATED_NOTE]),
}
