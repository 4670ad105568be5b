"""Towns and townships (镇, 乡, 街道) a page is about: places below the county that carry no GB/T 2260 code.

Chinese sets no space before a name, so where a town's name starts is read from the page
itself: `新建香坪镇中心幼儿园` names 香坪镇, not 建香坪镇, because 香坪 also stands alone
elsewhere on the page (`香坪和七星两个村委`), or because a word that starts names comes
before it (`用于黄沙街镇`), or the name of the county it lies in (`丘北县新店乡`).
"""
import re

SUFFIX = re.compile(r"(镇|乡|街道)")
CJK = re.compile(r"[\u4e00-\u9fff]")
# Two characters that make a word with the suffix: 城乡, 乡镇, 城镇 are not towns.
NOT_A_TOWN = re.compile(r"^(乡镇|集镇|重镇|小镇|下乡|返乡|还乡|回乡|家乡|故乡|老乡|本乡|异乡|全乡|各乡|该乡|全镇|各镇|该镇|本镇|我镇|我乡)")
AFTER = re.compile(r"^(镇|乡)(村|镇|土|贤|愁|亲|间|里|下|情)")
BEFORE_A_NAME = set("对于在和与及、的将把从到向为是至经由给以处县市区州旗")
GENERIC_WORDS = {"城乡", "城镇", "村镇", "村乡"}
INSTITUTION = re.compile(r"[小中学幼政一二三四五六七八九实第]")
# Words that end where a town's name would: 部分街道, 所有乡镇.
GENERIC_STEMS = {"部分", "所有", "其他", "各个", "全部", "相关", "周边", "农村", "城区", "偏远", "贫困", "边远", "山区",
                 "少数", "多个", "一些", "个别", "各地", "当地", "沿海", "城市", "主要", "重点", "特色", "中心"}
STEM_CHARS = re.compile(r"^[\u4e00-\u9fff]{2,3}$")
NOT_IN_A_NAME = set("的在对和与及了是将把从到向为等各全该本我你他其县市区省州")


def _candidates(text: str, start: int) -> list[str]:
    """The 2- and 3-character stems before a suffix at ``start``, longest first."""
    return [text[start - size: start] for size in (3, 2) if start - size >= 0]


def _bounded(text: str, stem: str, suffix: str) -> bool:
    """Whether ``stem`` stands as a name on the page: alone elsewhere, or after a word that starts names.

    A stem that ends a common word with the suffix (进城 + 乡 = 城乡, 泗城 + 镇 = 城镇) must stand
    alone before a school or office (`泗城四小`, `泗城镇政府`): 进城务工 is not a place.
    """
    generic = stem[-1] + suffix in GENERIC_WORDS
    for match in re.finditer(re.escape(stem), text):
        before = text[match.start() - 1] if match.start() else ""
        after = text[match.end(): match.end() + len(suffix)]
        if generic:
            if after != suffix and INSTITUTION.match(text[match.end(): match.end() + 2]):
                return True
        elif after != suffix or not CJK.match(before) or before in BEFORE_A_NAME:
            return True
    return False


def localities_find(text: str) -> list[str]:
    """Town and township names in order of first mention, each once."""
    found: list[str] = []
    for match in SUFFIX.finditer(text):
        suffix = match.group()
        if NOT_A_TOWN.match(text[match.start() - 1: match.end() + 1]) or AFTER.match(text[match.start(): match.end() + 1]):
            continue
        for stem in _candidates(text, match.start()):
            if (not STEM_CHARS.match(stem) or set(stem) & NOT_IN_A_NAME or stem[-2:] in GENERIC_STEMS
                    or NOT_A_TOWN.match(stem[-1] + suffix)):
                continue
            if _bounded(text, stem, suffix):
                name = stem + suffix
                if name not in found:
                    found.append(name)
                break
    return found
