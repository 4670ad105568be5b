"""The review page's short forms: one per record drawn from the document, each with the
curator's decision (accept, leave for later, reject) and the version it was opened at."""
from decimal import Decimal

from django import forms
from django.forms.renderers import Jinja2
from django.utils.translation import gettext_lazy as _

from apps.commitments.models import Commitment
from apps.documents.models import Citation, Document
from apps.initiatives.models import Initiative
from apps.proposals.models import Proposal, Reply
from apps.targets.models import Indicator, Observation, Target

ACCEPT, LATER, REJECT = "accept", "later", "reject"
# A page of 30 targets renders some 300 widgets: Django's widget templates compiled by Jinja2
# render them several times faster than the template engine does (docs/performance.md).
FAST_WIDGETS = Jinja2()
DECISIONS = [(ACCEPT, _("接受")), (LATER, _("待定")), (REJECT, _("驳回"))]


class ReviewForm(forms.ModelForm):
    """A record's short form. ``editable`` False shows the fields read-only (reviewers, readers);
    ``can_reject`` False leaves out "reject" (it deletes, which needs the right to delete)."""

    default_renderer = FAST_WIDGETS
    decision = forms.ChoiceField(label=_("决定"), choices=DECISIONS, initial=ACCEPT, widget=forms.RadioSelect)
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0, required=False)

    def __init__(self, *args, editable: bool = True, can_reject: bool = True, version: int = 0, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"].initial = version
        for name, field in self.fields.items():
            value = self.initial.get(name)
            if isinstance(field, forms.DecimalField) and isinstance(value, Decimal):
                self.initial[name] = f"{value.normalize():f}"  # 2700, not 2700.0000
        if not can_reject:
            self.fields["decision"].choices = DECISIONS[:2]
        if not editable:
            for name in self._meta.fields:
                self.fields[name].disabled = True


class IndicatorByNameForm(ReviewForm):
    """A target's or observation's indicator, typed by its name instead of picked from thousands."""

    indicator_name = forms.CharField(label=_("指标"), max_length=200)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indicator_name"].initial = self.instance.indicator.name
        self.fields["indicator_name"].disabled = self.fields["unit"].disabled

    def clean_indicator_name(self):
        name = self.cleaned_data["indicator_name"].strip()
        if name == self.instance.indicator.name:
            return name
        indicator = Indicator.objects.filter(name=name).first()
        if indicator is None:
            raise forms.ValidationError(_("没有名为“%(name)s”的指标：请写指标的全名，或先在“指标”中添加。"), params={"name": name})
        self.instance.indicator = indicator
        return name


class DocumentReviewForm(forms.ModelForm):
    default_renderer = FAST_WIDGETS
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0, required=False)

    class Meta:
        model = Document
        fields = ["title", "doc_type", "publish_date", "doc_number"]

    def __init__(self, *args, editable: bool = True, version: int = 0, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"].initial = version
        for name in self._meta.fields:
            self.fields[name].disabled = not editable


class ProposalReviewForm(ReviewForm):
    class Meta:
        model = Proposal
        fields = ["kind", "session", "number", "title", "subject"]


class ReplyReviewForm(ReviewForm):
    class Meta:
        model = Reply
        fields = ["result_code", "reply_date", "doc_number"]


class TargetReviewForm(IndicatorByNameForm):
    field_order = ["indicator_name"]

    class Meta:
        model = Target
        fields = ["comparator", "value", "value_max", "unit", "deadline_year"]


class ObservationReviewForm(IndicatorByNameForm):
    field_order = ["indicator_name"]

    class Meta:
        model = Observation
        fields = ["value", "unit", "observed_on"]


class CommitmentReviewForm(ReviewForm):
    class Meta:
        model = Commitment
        fields = ["summary", "kind", "deadline_year"]


class InitiativeReviewForm(ReviewForm):
    class Meta:
        model = Initiative
        fields = ["name", "theme"]


class CitationReviewForm(ReviewForm):
    class Meta:
        model = Citation
        fields = ["cited_title", "cited_doc_number"]


FORMS = {
    "proposal": ProposalReviewForm,
    "reply": ReplyReviewForm,
    "target": TargetReviewForm,
    "observation": ObservationReviewForm,
    "commitment": CommitmentReviewForm,
    "initiative": InitiativeReviewForm,
    "citation": CitationReviewForm,
}
