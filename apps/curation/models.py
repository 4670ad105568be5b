"""The review workflow shared by every curated record: draft → reviewed → published."""
from django.db import models
from django.utils.translation import gettext_lazy as _


class CurationStatus(models.TextChoices):
    DRAFT = "draft", _("草稿")
    REVIEWED = "reviewed", _("已审核")
    PUBLISHED = "published", _("已发布")


def sees_drafts(user) -> bool:
    """Curators (staff) see every record; everyone else sees published ones only."""
    return user is not None and user.is_authenticated and user.is_staff


class CuratedQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=CurationStatus.PUBLISHED)

    def visible_to(self, user):
        """The records ``user`` may see (``sees_drafts``)."""
        if sees_drafts(user):
            return self
        return self.published()


class CuratedModel(models.Model):
    """Abstract base: a review status and the timestamps API consumers sync on."""

    status = models.CharField(
        _("状态"), max_length=16, choices=CurationStatus.choices, default=CurationStatus.DRAFT, db_index=True
    )
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True, db_index=True)

    objects = CuratedQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_published(self) -> bool:
        return self.status == CurationStatus.PUBLISHED


class CurationRights(models.Model):
    """No table: holds the permissions of the workflow itself, which belong to no one model.

    ``curation.review_records`` lets a user run "mark reviewed" and "publish" on every
    curated model without the right to change anything else (the ``reviewers`` group).
    """

    class Meta:
        managed = False
        default_permissions = ()
        permissions = [("review_records", _("可将记录标记为已审核并发布"))]
        verbose_name = _("审核权限")
