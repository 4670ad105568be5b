"""The promises the importer finds in reply letters, against the hand reading's ``commitments``.

A labelled promise is found when an extracted quote overlaps it: the two share a run of at
least eight characters (the whole of the shorter, if it is shorter), compared after the
cleaner's own normalisation (simplified characters, no pinyin, no punctuation), since the
labels quote the page as printed.
"""
import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from apps.ingest.clean import to_simplified
from apps.ingest.draft import Draft
from apps.ingest.quality.key import PageKey

SHARED_RUN = 8
PINYIN = re.compile(r"[((][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+[))]")
PUNCTUATION = re.compile(r"[\s,,。;;::“”\"、()()!!??]")


def _plain(text: str) -> str:
    return PUNCTUATION.sub("", to_simplified(PINYIN.sub("", text or "")))


def overlaps(a: str, b: str) -> bool:
    a, b = _plain(a), _plain(b)
    if not a or not b:
        return False
    run = SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b)).size
    return run >= min(SHARED_RUN, len(a), len(b))


@dataclass
class CommitmentScore:
    labelled: int = 0
    extracted: int = 0
    found: int = 0  # labelled promises an extracted quote overlaps
    right: int = 0  # extracted quotes that overlap a labelled promise
    mistakes: list[str] = field(default_factory=list)

    def add(self, key: PageKey, draft: Draft) -> None:
        wanted = key.commitments
        if wanted is None:
            return  # the reading does not label this page's promises (the seeds, the g-pages)
        got = [commitment.quote for commitment in draft.commitments]
        self.labelled += len(wanted)
        self.extracted += len(got)
        for promise in wanted:
            if any(overlaps(promise, quote) for quote in got):
                self.found += 1
            else:
                self.mistakes.append(f"{key.name}: missed “{promise}”")
        for quote in got:
            if any(overlaps(promise, quote) for promise in wanted):
                self.right += 1
            else:
                self.mistakes.append(f"{key.name}: not a labelled promise “{quote}”")


def commitment_lines(score: CommitmentScore) -> list[str]:
    if not score.labelled and not score.extracted:
        return []
    recall = f"{score.found / score.labelled:6.0%}" if score.labelled else "     —"
    precision = f"{score.right / score.extracted:6.0%}" if score.extracted else "     —"
    return [
        f"  commitments   in reading {score.labelled:4d}  extracted {score.extracted:4d}  found {score.found:4d}"
        f"  recall {recall}  precision {precision}"
    ]
