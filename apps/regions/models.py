"""Administrative divisions keyed by their six-digit GB/T 2260 code."""
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

CODE_PATTERN = r"^[0-9]{6}$"


def code_prefix(code: str) -> str:
    """The part of a code that everything under the region shares.

    320000 → "32" (the province), 320100 → "3201" (the city), 320115 → "320115".
    A shorter string is taken as a prefix already ("3201").
    """
    if len(code) < 6:
        return code
    if code.endswith("0000"):
        return code[:2]
    if code.endswith("00"):
        return code[:4]
    return code


def code_range(code: str) -> tuple[str, str]:
    """The codes under ``code`` as a half-open range [low, high): 32 → ("32", "33").

    Where a list is read in code order from an index, a range stops the walk at the end of the
    region; ``LIKE '32%'`` is only a filter on it, as the database's collation is not C. Codes
    are digits, so raising the prefix's last character by one ends the range ("39" → "3:").
    """
    prefix = code_prefix(code)
    return prefix, prefix[:-1] + chr(ord(prefix[-1]) + 1)


class RegionLevel(models.TextChoices):
    PROVINCE = "province", _("省级")
    PREFECTURE = "prefecture", _("地级")
    COUNTY = "county", _("县级")


class RegionQuerySet(models.QuerySet):
    def within(self, code: str):
        """This region and everything under it, by code prefix (``within("3201")``)."""
        return self.filter(code__startswith=code_prefix(code))


class Region(models.Model):
    code = models.CharField(_("行政区划代码"), max_length=6, primary_key=True)
    name = models.CharField(_("名称"), max_length=64, db_index=True)
    level = models.CharField(_("级别"), max_length=16, choices=RegionLevel.choices, db_index=True)
    parent = models.ForeignKey(
        "self", verbose_name=_("上级"), null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    # load_regions writes in bulk, which records no history; curators' edits are recorded.
    history = HistoricalRecords()

    objects = RegionQuerySet.as_manager()

    class Meta:
        verbose_name = _("行政区划")
        verbose_name_plural = _("行政区划")
        ordering = ["code"]
        constraints = [
            models.CheckConstraint(condition=models.Q(code__regex=CODE_PATTERN), name="region_code_six_digits"),
        ]

    def __str__(self):
        return f"{self.name} ({self.code})"

    @property
    def prefix(self) -> str:
        return code_prefix(self.code)

    def ancestors(self) -> list["Region"]:
        """Province first, then city: the breadcrumb above this region."""
        chain, node = [], self.parent
        while node is not None:
            chain.insert(0, node)
            node = node.parent
        return chain

    def full_name(self) -> str:
        return "".join(r.name for r in [*self.ancestors(), self])
