"""What surrounds the article on a captured page: the rules that recognise it, line by line.

Rules work on normalised, simplified lines. Three kinds:
- a misleading line is dropped even from the text metadata is read from ("today is" headers
  carry the date the page was captured, not published; gambling breadcrumbs);
- a junk line is dropped wherever it stands (hotlines, breadcrumbs, download-site notices);
- a footer line ends the article: it and everything after it go (related reading, disclaimers).
Spam link lists are recognised by shape rather than words, since their words change.
"""
import re

from apps.ingest.extract.text import find_dates

MISLEADING = [
    re.compile(r"(今天是|现在时间是)[:]?\s*\d{4}\s*年"),
    re.compile(r"(?i)(365bet|bet365|娱乐场|娱乐城|博彩|赌场|百家乐|葡京|威尼斯人|澳门.{0,4}(娱乐|赌))"),
]

JUNK = [
    re.compile(r"热线\s*[:]?\s*[\d(]"),
    re.compile(r"^(欢迎(访问|来到|光临)|(当前|您的|您现在的|您目前的|所在)位置[:])"),
    re.compile(r"^(全文预览已结束|下载本文档|文档简介|版权说明[:]|举报|认领|收藏|分享到)"),
    re.compile(r"^\d{4}-\d{1,2}-\d{1,2}\s+\d{1,2}:\d{2}(:\d{2})?\s*重新编辑"),
    re.compile(r"^【?(打印|关闭|返回顶部|返回列表)】?(\s*【?(打印|关闭|返回顶部|返回列表)】?)*$"),
    re.compile(r"^(标题和内容已经清空|0/150|提交评论)"),
]

FOOTER = [
    re.compile(
        r"^(相关(阅读|文章|新闻|链接|推荐)|延伸阅读|推荐阅读|热门(文章|推荐|阅读)|猜你喜欢|最新(文档|文章)"
        r"|温馨提示|版权与免责声明|免责声明|上一篇|下一篇|上一条|下一条|评论$)"
    ),
    re.compile(r"本文(章)?内容来源于网络|仅供参考!?不对文章内容"),
    re.compile(r"ICP备\d+|版权所有|Copyright|©"),
    re.compile(r"责任编辑[:]"),
    re.compile(r"打印】|【打印"),
    re.compile(r"^关于我们\s"),
]

# Lines with nothing but numbering, bullets and punctuation: the husk of stripped HTML lists.
HUSK = re.compile(r"^[\s\d.、,:;•·\-–—*#/|>()\[\]]*$")
# A link list printed as one line: four or more short items separated by wide gaps.
WIDE_GAP = re.compile(r"\s{3,}")
LIST_ITEM = re.compile(r"^(\d{1,3}[.、]|[•·\-])\s*")
SENTENCE_PUNCTUATION = re.compile(r"[。,;:!?]")
# A run of this many short unpunctuated list items is a link list, not an article's list.
LINK_LIST_RUN = 5
LINK_LIST_ITEM_CHARS = 60


def is_misleading(line: str) -> bool:
    return any(rule.search(line) for rule in MISLEADING)


def is_junk(line: str) -> bool:
    if HUSK.match(line):
        return not find_dates(line)  # `26.05.2020 18:52` is a byline, not a husk
    if any(rule.search(line) for rule in JUNK):
        return True
    segments = [s for s in WIDE_GAP.split(line) if s]
    if len(segments) >= 4 and not SENTENCE_PUNCTUATION.search(line):
        return True
    return _is_title_list(line)


def _is_title_list(line: str) -> bool:
    """Spam headlines run together with | or _ (`…在线观看|…视频|…`): words, no figures, no sentences."""
    segments = [s for s in re.split(r"[|_]", line) if s.strip()]
    return (
        len(segments) >= 4 and not SENTENCE_PUNCTUATION.search(line)
        and len(re.findall(r"\d", line)) < 3 and all(len(s) <= 30 for s in segments)
    )


def is_footer(line: str) -> bool:
    return any(rule.search(line) for rule in FOOTER)


def _is_link_item(line: str) -> bool:
    return bool(LIST_ITEM.match(line)) and len(line) <= LINK_LIST_ITEM_CHARS and not SENTENCE_PUNCTUATION.search(
        LIST_ITEM.sub("", line)
    )


def link_list_lines(lines: list[str]) -> set[int]:
    """Indexes of lines that belong to runs of short numbered or bulleted headlines."""
    found, run = set(), []
    for index, line in enumerate([*lines, ""]):
        if _is_link_item(line):
            run.append(index)
            continue
        if len(run) >= LINK_LIST_RUN:
            found.update(run)
        run = []
    return found
