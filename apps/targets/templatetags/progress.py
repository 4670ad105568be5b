"""A target's progress as a badge, written in Python: the comparison table shows hundreds of them."""
from django import template
from django.utils.html import format_html

from apps.targets.models import TargetProgress

register = template.Library()


@register.filter
def progress_badge(progress) -> str:
    """The badge of a ``TargetProgress`` value (已达成, 推进中 ...); nothing for any other value."""
    if progress not in TargetProgress.values:
        return ""
    return format_html('<span class="badge badge--{}">{}</span>', progress.replace("_", "-"), TargetProgress(progress).label)
