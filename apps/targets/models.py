"""Quantitative commitments (目标) and the observed figures that tell whether they were met."""
import datetime
from decimal import Decimal

from django.db import models
from django.db.models import Case, Exists, F, OuterRef, Q, Subquery, Value, When
from django.db.models.lookups import Exact, In
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from apps.curation.models import CuratedModel, CuratedQuerySet, CurationStatus, sees_drafts
from apps.regions.models import code_prefix
from apps.targets.catalogue import alias_split
from apps.targets.evidence import APPROX_TOLERANCE
from apps.targets.progress import progress_today

VALUE_DIGITS = {"max_digits": 20, "decimal_places": 4}


class IndicatorDirection(models.TextChoices):
    HIGHER = "higher", _("越高越好")
    LOWER = "lower", _("越低越好")
    NONE = "none", _("无方向")


class IndicatorLevel(models.TextChoices):
    PRESCHOOL = "preschool", _("学前教育")
    COMPULSORY = "compulsory", _("义务教育")
    SENIOR_SECONDARY = "senior_secondary", _("高中阶段")
    VOCATIONAL = "vocational", _("职业教育")
    HIGHER = "higher", _("高等教育")
    SPECIAL = "special", _("特殊教育")
    LIFELONG = "lifelong", _("继续教育")
    TEACHERS = "teachers", _("教师")
    STUDENTS = "students", _("学生发展")
    GENERAL = "general", _("综合")


class IndicatorQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Curators see every indicator; the public the catalogue's and those a published target
        or observation is on, so a draft's words never show as a name or a filter option."""
        if sees_drafts(user):
            return self
        # EXISTS on (indicator, status) indexes: 2 ms at 558,000 targets, where IN (SELECT …) took 1.8 s.
        published = CurationStatus.PUBLISHED
        return self.filter(
            Q(code__isnull=False)
            | Exists(Target.objects.filter(indicator=OuterRef("pk"), status=published))
            | Exists(Observation.objects.filter(indicator=OuterRef("pk"), status=published))
        )


class Indicator(models.Model):
    """What a target or observation measures.

    Indicators with a ``code`` come from the shipped catalogue (apps/targets/catalogue) and
    are shared by every region; those without are made by the importer or by curators, to be
    merged into a catalogue indicator when one fits (``indicators_merge``).
    """

    name = models.CharField(_("指标"), max_length=200, unique=True)
    code = models.SlugField(
        _("目录编码"), max_length=64, unique=True, null=True, blank=True,
        help_text=_("指标目录中的编码；导入程序或人工新建的指标留空"),
    )
    name_en = models.CharField(_("英文名称"), max_length=200, blank=True)
    aliases = models.TextField(
        _("别名"), blank=True, help_text=_("页面称呼该指标的其他说法；每行一个，或用逗号分隔")
    )
    unit = models.CharField(_("单位"), max_length=32, blank=True)
    direction = models.CharField(
        _("方向"), max_length=8, choices=IndicatorDirection.choices, blank=True,
        help_text=_("数值越高越好、越低越好，或无所谓方向"),
    )
    level = models.CharField(_("学段"), max_length=20, choices=IndicatorLevel.choices, blank=True, db_index=True)
    definition = models.TextField(_("定义"), blank=True)
    description = models.TextField(_("说明"), blank=True)
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True, db_index=True)
    history = HistoricalRecords()

    objects = IndicatorQuerySet.as_manager()

    class Meta:
        verbose_name = _("指标")
        verbose_name_plural = _("指标")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def in_catalogue(self) -> bool:
        return self.code is not None

    def alias_list(self) -> list[str]:
        return alias_split(self.aliases)


class Comparator(models.TextChoices):
    GTE = "gte", _("≥ 达到/以上")
    LTE = "lte", _("≤ 以下")
    EQ = "eq", _("= 等于")
    APPROX = "approx", _("≈ 左右")
    RANGE = "range", _("区间")
    INCREASE_BY = "increase_by", _("提高")
    DECREASE_BY = "decrease_by", _("下降")
    MAINTAIN = "maintain", _("保持")


class TargetProgress(models.TextChoices):
    """Where a target stands at a date: by its deadline and the latest observation (DOMAIN.md, 进展)."""

    ACHIEVED = "achieved", _("已达成")
    ON_TRACK = "on_track", _("推进中")
    MISSED = "missed", _("逾期未达成")
    UNVERIFIED = "unverified", _("到期未核实")
    OPEN = "open", _("未到期")


class Observation(CuratedModel):
    """A figure a document reports as already reached (a past or current value, not a promise)."""

    indicator = models.ForeignKey(Indicator, verbose_name=_("指标"), on_delete=models.PROTECT, related_name="observations")
    # Null only when the page blanks its place (seed 004's 地区市): the figure is kept, unplaced.
    region = models.ForeignKey(
        "regions.Region", verbose_name=_("行政区划"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="observations",
    )
    value = models.DecimalField(_("数值"), **VALUE_DIGITS)
    unit = models.CharField(_("单位"), max_length=32, blank=True)
    observed_on = models.DateField(_("观测日期"), db_index=True)
    source_document = models.ForeignKey(
        "documents.Document", verbose_name=_("来源文件"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="observations",
    )
    quote = models.TextField(_("原文语句"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("观测值")
        verbose_name_plural = _("观测值")
        ordering = ["indicator", "region", "-observed_on"]
        indexes = [
            models.Index(fields=["indicator", "region", "-observed_on"], name="observation_latest_idx"),
            # Whether an indicator holds a published observation (Indicator.objects.visible_to).
            models.Index(fields=["indicator", "status"], name="observation_published_idx"),
        ]

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        # Where the targets this figure was evidence for are, should a save move it (apps.targets.signals).
        instance.stored_pair = (instance.__dict__.get("indicator_id"), instance.__dict__.get("region_id"))
        return instance

    def __str__(self):
        place = self.region.name if self.region else "—"
        return f"{self.indicator} {place} {self.observed_on:%Y-%m-%d}: {Decimal(self.value).normalize():f}{self.unit}"


class TargetQuerySet(CuratedQuerySet):
    def in_region(self, code: str):
        return self.filter(region__code__startswith=code_prefix(code))

    def with_latest_observation(self):
        """Annotate the latest observed value and date of the same indicator in the same region.

        Only published observations count: a figure still in review must not move a target.
        """
        latest = Observation.objects.published().filter(
            indicator=OuterRef("indicator"), region=OuterRef("region")
        ).order_by("-observed_on", "-id")
        return self.annotate(
            latest_observed_value=Subquery(latest.values("value")[:1]),
            latest_observed_on=Subquery(latest.values("observed_on")[:1]),
        )

    def with_progress(self, today: datetime.date | None = None):
        """Annotate ``progress_value``: the database's reading of ``Target.progress_on``, to filter on.

        Read from the stored ``evidence`` and ``deadline_on`` (apps.targets.evidence): no subquery.
        """
        return self.annotate(progress_value=progress_expression(today or progress_today()))

    def with_progress_in(self, states, today: datetime.date | None = None):
        """The targets whose progress at ``today`` is one of ``states``, in terms an index on
        (evidence, deadline_on) serves."""
        return self.filter(progress_condition(set(states), today or progress_today()))


class TargetEvidence(models.TextChoices):
    """What the latest published observation of a target's indicator in its region says of it."""

    MET = "met", _("最新观测值已达到")
    SHORT = "short", _("最新观测值未达到")
    NONE = "none", _("尚无观测值")


# The state a target is in before its deadline, and after it, by its evidence.
STATES_BY_EVIDENCE = {
    TargetEvidence.MET: (TargetProgress.ACHIEVED, TargetProgress.ACHIEVED),
    TargetEvidence.SHORT: (TargetProgress.ON_TRACK, TargetProgress.MISSED),
    TargetEvidence.NONE: (TargetProgress.OPEN, TargetProgress.UNVERIFIED),
}


def _past(today: datetime.date) -> Q:
    return Q(deadline_on__lt=today)


def _not_past(today: datetime.date) -> Q:
    # Spelled out rather than ~_past(): a target without a deadline is never past it.
    return Q(deadline_on__gte=today) | Q(deadline_on__isnull=True)


def progress_expression(today: datetime.date) -> Case:
    """A target's progress at ``today`` from its stored columns: a curator's override wins."""
    whens = [When(~Q(progress_override=""), then=F("progress_override"))]
    for evidence, (before, after) in STATES_BY_EVIDENCE.items():
        if before == after:
            whens.append(When(evidence=evidence, then=Value(before.value)))
        else:
            whens.append(When(Q(evidence=evidence) & _past(today), then=Value(after.value)))
            whens.append(When(evidence=evidence, then=Value(before.value)))
    return Case(*whens, output_field=models.CharField())


def due_progress() -> Case:
    """A target's progress once its deadline has passed, which no later day changes: a curator's
    override, else by its evidence (achieved on met, missed on short, unverified on none). Before the
    deadline, a target without an override is in its evidence's earlier state (``STATES_BY_EVIDENCE``)."""
    whens = [When(~Q(progress_override=""), then=F("progress_override"))]
    whens += [When(evidence=evidence, then=Value(after.value)) for evidence, (_, after) in STATES_BY_EVIDENCE.items()]
    return Case(*whens, output_field=models.CharField())


# The state a target without an override is in before its deadline, by the state it has once due.
EARLIER_STATE = {after.value: before.value for before, after in STATES_BY_EVIDENCE.values() if before != after}


def progress_condition(states: set[str], today: datetime.date) -> Q:
    """Targets whose progress at ``today`` is in ``states``: the filter ``progress_expression`` would give.

    One condition on ``due_progress`` per value it can take, which an index keeps in the lists' order
    (``target_due_order_idx``); where the deadline decides between two states and only one is asked
    for, the targets are also checked against ``deadline_on``. ?progress=missed walks the due-missed
    targets from the earliest year, all of whose deadlines have passed.
    """
    whole, condition = [], Q()
    for due in TargetProgress.values:
        earlier = EARLIER_STATE.get(due)
        if due in states and (earlier is None or earlier in states):
            whole.append(due)
        elif due in states:
            condition |= Q(Exact(due_progress(), due)) & (~Q(progress_override="") | _past(today))
        elif earlier in states:
            condition |= Q(Exact(due_progress(), due)) & Q(progress_override="") & _not_past(today)
    # `=` rather than `IN` for one value: only then does the index give the rows in the lists' order.
    if len(whole) == 1:
        condition |= Q(Exact(due_progress(), whole[0]))
    elif whole:
        condition |= Q(In(due_progress(), whole))
    return condition


class Target(CuratedModel):
    indicator = models.ForeignKey(Indicator, verbose_name=_("指标"), on_delete=models.PROTECT, related_name="targets")
    region = models.ForeignKey(
        "regions.Region", verbose_name=_("行政区划"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="targets", help_text=_("仅当页面隐去了地名时留空"),
    )
    initiative = models.ForeignKey(
        "initiatives.Initiative", verbose_name=_("举措"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="targets",
    )
    comparator = models.CharField(_("比较方式"), max_length=16, choices=Comparator.choices)
    value = models.DecimalField(_("数值"), null=True, blank=True, **VALUE_DIGITS)
    value_max = models.DecimalField(_("上限"), null=True, blank=True, **VALUE_DIGITS)
    unit = models.CharField(_("单位"), max_length=32, blank=True)
    baseline = models.DecimalField(_("基线值"), null=True, blank=True, **VALUE_DIGITS)
    deadline_year = models.PositiveSmallIntegerField(_("截止年份"), null=True, blank=True, db_index=True)
    deadline_date = models.DateField(_("截止日期"), null=True, blank=True)
    source_document = models.ForeignKey(
        "documents.Document", verbose_name=_("来源文件"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="targets",
    )
    quote = models.TextField(_("原文语句"), blank=True)
    confidence = models.DecimalField(
        _("提取置信度"), max_digits=3, decimal_places=2, null=True, blank=True,
        help_text=_("导入程序对该目标读取结果的把握（0-1）；人工录入留空"),
    )
    progress_override = models.CharField(
        _("人工认定进展"), max_length=16, choices=TargetProgress.choices, blank=True,
        help_text=_("留空则按截止期和最新观测值自动判断"),
    )
    progress_note = models.TextField(_("认定说明"), blank=True)
    # What progress rests on besides the date (apps.targets.evidence): kept by save(), the
    # observations' signals and target_evidence_refresh, never edited by hand.
    evidence = models.CharField(
        _("观测依据"), max_length=8, choices=TargetEvidence.choices, default=TargetEvidence.NONE, editable=False,
    )
    deadline_on = models.DateField(_("截止日"), null=True, blank=True, editable=False)
    history = HistoricalRecords()

    objects = TargetQuerySet.as_manager()

    class Meta:
        verbose_name = _("目标")
        verbose_name_plural = _("目标")
        ordering = ["deadline_year", "indicator", "region"]
        # "All 2025 targets on this indicator": one range instead of two bitmaps ANDed.
        indexes = [
            models.Index(fields=["indicator", "deadline_year"], name="target_indicator_year_idx"),
            # The lists' order (apps.targets.selectors.TARGET_ORDER), read from the index until a page is
            # full: at a million documents, ordering by the indicator's name instead sorted a whole year's
            # matches (75,000 targets for ?progress=missed: 0.7 s).
            models.Index(fields=["deadline_year", "indicator", "region", "id"], name="target_list_order_idx"),
            # Whether an indicator holds a published target (Indicator.objects.visible_to), and the first
            # places holding one in code order (the indicator page), read without the other places' targets.
            models.Index(fields=["indicator", "status", "region"], name="target_published_region_idx"),
            # Filtering and counting by progress: the evidence, then whether the deadline has passed.
            models.Index(
                fields=["evidence", "deadline_on"], condition=Q(progress_override=""), name="target_progress_idx",
            ),
            models.Index(fields=["progress_override"], condition=~Q(progress_override=""), name="target_override_idx"),
            # ?progress=achieved or missed (with a place or not) in the lists' order: such targets are not spread
            # evenly over the years, and walking target_list_order_idx read 200,000 targets for a page of a
            # place's achieved ones at a million documents, 36,000 for the first missed ones.
            models.Index(
                due_progress(), F("deadline_year"), F("indicator"), F("region"), F("id"),
                name="target_due_order_idx",
            ),
            # A region's targets in deadline order (its page, the list ?region=): the prefix is checked in the index.
            models.Index(
                fields=["deadline_year", "region"], opclasses=["int2_ops", "varchar_pattern_ops"],
                name="target_year_region_idx",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(value_max__isnull=True) | models.Q(value__isnull=True)
                | models.Q(value_max__gte=models.F("value")),
                name="target_upper_value_not_below_value",
            ),
            models.CheckConstraint(
                condition=~models.Q(comparator="range") | models.Q(value__isnull=False, value_max__isnull=False),
                name="target_range_has_both_bounds",
            ),
            models.CheckConstraint(
                condition=models.Q(comparator__in=[c.value for c in Comparator]), name="target_comparator_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(progress_override="") | ~models.Q(progress_note=""),
                name="target_override_has_note",
            ),
        ]

    def __str__(self):
        return f"{self.region.name if self.region else '—'} {self.indicator} {self.describe_value()}"

    def describe_value(self) -> str:
        def fmt(number):
            return f"{Decimal(number).normalize():f}" if number is not None else "?"

        symbol = {
            Comparator.GTE: "≥", Comparator.LTE: "≤", Comparator.EQ: "=", Comparator.APPROX: "≈",
            Comparator.INCREASE_BY: "+", Comparator.DECREASE_BY: "−", Comparator.MAINTAIN: "保持",
        }
        if self.comparator == Comparator.RANGE:
            return f"{fmt(self.value)}–{fmt(self.value_max)}{self.unit}"
        if self.value is None:
            # A direction without a figure (学科类校外培训机构数量明显减少): say the direction.
            return str(self.get_comparator_display()).split(" ")[-1]
        return f"{symbol.get(self.comparator, '')}{fmt(self.value)}{self.unit}"

    @property
    def deadline(self) -> datetime.date | None:
        if self.deadline_date:
            return self.deadline_date
        if self.deadline_year:
            return datetime.date(self.deadline_year, 12, 31)
        return None

    def is_met_by(self, observed: Decimal) -> bool:
        """Whether an observed value satisfies this target."""
        value = self.value
        if value is None:
            return False
        match self.comparator:
            case Comparator.GTE | Comparator.MAINTAIN | Comparator.RANGE:
                return observed >= value
            case Comparator.LTE:
                return observed <= value
            case Comparator.EQ:
                return observed == value
            case Comparator.APPROX:
                return abs(observed - value) <= abs(value) * APPROX_TOLERANCE
            case Comparator.INCREASE_BY:
                return self.baseline is not None and observed >= self.baseline + value
            case Comparator.DECREASE_BY:
                return self.baseline is not None and observed <= self.baseline - value
        return False

    def save(self, *args, **kwargs):
        self.deadline_on = self.deadline
        self.evidence = self.evidence_now()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "evidence", "deadline_on"}
        super().save(*args, **kwargs)

    def evidence_now(self) -> str:
        """What the latest published observation says of this target, read afresh (not from an annotation)."""
        if self.region_id is None or self.indicator_id is None:
            return TargetEvidence.NONE
        observed = (
            Observation.objects.published()
            .filter(indicator_id=self.indicator_id, region_id=self.region_id)
            .order_by("-observed_on", "-id")
            .values_list("value", flat=True)
            .first()
        )
        if observed is None:
            return TargetEvidence.NONE
        return TargetEvidence.MET if self.is_met_by(Decimal(observed)) else TargetEvidence.SHORT

    def latest_observation_value(self) -> tuple[Decimal | None, datetime.date | None]:
        if hasattr(self, "latest_observed_value"):
            return self.latest_observed_value, self.latest_observed_on
        if self.region_id is None:
            # As in the SQL subquery, an unplaced target matches no observation (NULL = NULL is unknown).
            return None, None
        latest = (
            Observation.objects.published()
            .filter(indicator_id=self.indicator_id, region_id=self.region_id)
            .order_by("-observed_on", "-id")
            .values_list("value", "observed_on")
            .first()
        )
        return latest or (None, None)

    def progress_on(self, today: datetime.date) -> str:
        """Achieved, on track, missed, unverified or open at ``today``; a curator's override wins."""
        if self.progress_override:
            return self.progress_override
        deadline = self.deadline
        past_deadline = deadline is not None and deadline < today
        observed, _observed_on = self.latest_observation_value()
        if observed is None:
            return TargetProgress.UNVERIFIED if past_deadline else TargetProgress.OPEN
        if self.is_met_by(Decimal(observed)):
            return TargetProgress.ACHIEVED
        return TargetProgress.MISSED if past_deadline else TargetProgress.ON_TRACK

    @property
    def progress(self) -> str:
        """Progress as of ``progress_today()``."""
        return self.progress_on(progress_today())

    def get_progress_display(self) -> str:
        return TargetProgress(self.progress).label
