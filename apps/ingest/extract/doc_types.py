"""What kind of page it is: a reply, annual goals, a plan, a work report, news, a policy or other."""
import re

from apps.ingest.extract.replies import greets_a_proposer

# A letter answering a proposal: it acknowledges receipt and answers, addressed to a member or deputy.
REPLY_OPENING = re.compile(r"收\s*悉|答复如下|现答复|作出答复|会办意见如下|答复意见如下")
REPLY_WORDS = re.compile(r"(提案|建议|议案|原案)")
# A headline that reports an act on a document (`贵州启动…行动计划`) rather than being its name.
NEWS_HEADLINE = re.compile(r"(启动|印发|出台|发布|召开|部署|举行|获悉|将新建|将新增|拟新增|新增|新建|怎么干|\?|!)")
DOCUMENT_NAME = re.compile(r"^《?(关于|转发)|的(通知|意见|决定|批复|函)》?$")
NEWS_OPENING = re.compile(r"本报讯|本网讯|记者\s*[\u4e00-\u9fff]{2,4}\s*[)】]|[((]记者|讯\s*[((]")
GOVERNMENT_REPORT = re.compile(r"政府工作报告|工作报告》")
SPEECH_OPENING = re.compile(r"^([\u4e00-\u9fff]{2,4}\n)?同志们[::]")
PROGRESS_TABLE = re.compile(r"(完成情况|进展情况|落实情况)\s*\|")
PROGRAMME = re.compile(
    r"专栏|重大工程|到(19|20)\d\d年|(19|20)\d\d年.{0,40}(达到|实现|建成)|十[一二三四五]五|(率|比例)达到\d+(\.\d+)?%以上"
)

# The kind a title names at its end, or anywhere for the unmistakable ones.
TYPE_RULES = [
    ("reply", re.compile(r"(提案|建议|议案|来信|原案).{0,30}(答复|回复|复函|会办意见)|(答复|回复).{0,4}(提案|建议)")),
    ("work_report", re.compile(r"汇报|工作报告|工作总结|自\s*查\s*报\s*告|述职|讲话|情况报告|落实情况|报告$")),
    ("annual_goals", re.compile(
        r"年度.{0,6}(目标|任务)|小目标|工作要点|工作计划|计划要点|年度计划|民生实事|(19|20)\d\d年.{0,24}(计划|目标|要点|任务)"
    )),
    ("plan", re.compile(r"规划|行动计划|方案(\(试行\))?$|行动方案|实施方案|[((](19|20)\d\d\s*[-—–至]\s*(19|20)\d\d年?[))]")),
    ("policy", re.compile(r"(通知|意见|办法|规定|细则)(\(试行\))?$")),
]


def doc_type_guess(title: str, text: str, has_byline: bool) -> str:
    """The page's kind from its title, its opening and how it is laid out, in that order of trust."""
    opening = text[:900]
    if REPLY_OPENING.search(opening) and (greets_a_proposer(opening.split("\n")) or REPLY_WORDS.search(opening)):
        return "reply"
    if NEWS_HEADLINE.search(title) and has_byline and not DOCUMENT_NAME.search(title):
        return "news"
    for doc_type, pattern in TYPE_RULES:
        if pattern.search(title):
            return doc_type
    if GOVERNMENT_REPORT.search(opening) or SPEECH_OPENING.match(text) or PROGRESS_TABLE.search(opening):
        return "work_report"
    if has_byline or NEWS_OPENING.search(opening[:200]):
        return "news"
    return "plan" if PROGRAMME.search(text) else "other"
