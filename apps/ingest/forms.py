"""The admin's "Import pages" form: several files in one upload, and addresses of pages to fetch."""
from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """A FileField whose cleaned value is the list of every file chosen (Django's documented recipe)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".txt,.html,.htm,.docx,.pdf,.zip"}))
        # An empty file is reported by the importer beside the others, not refused with the whole upload.
        kwargs.setdefault("allow_empty_file", True)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single_file_clean = super().clean
        if isinstance(data, (list, tuple)) and data:
            return [single_file_clean(item, initial) for item in data]
        # No file chosen: the single-file clean raises "required" (the documented recipe lets [] through).
        return [single_file_clean(data or None, initial)]


class ImportPagesForm(forms.Form):
    files = MultipleFileField(
        label=_("页面文件"), required=False,
        help_text=_("可一次选择多个 .txt、.html、.htm、.docx 或 .pdf 文件（PDF 须有文字层），或它们的 .zip 压缩包；网页编码自动识别（UTF-8、GBK、Big5）。"),
    )
    urls = forms.CharField(
        label=_("网页地址"), required=False, widget=forms.Textarea(attrs={"rows": 5, "cols": 80}),
        help_text=_("每行一个 http:// 或 https:// 网址：后台 worker 抓取网页（HTML、纯文本、PDF 或 .docx），网址记为文件的来源。"),
    )
    dry_run = forms.BooleanField(label=_("只预览，不保存"), required=False)

    def __init__(self, *args, too_many_files: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.too_many_files = too_many_files

    def clean_files(self):
        if self.too_many_files:
            raise forms.ValidationError(
                _("一次最多上传 %(limit)s 个文件，这次选了更多，一个也没有导入：请分几次上传，或打包成 .zip 压缩包后上传。"),
                code="too_many_files", params={"limit": f"{settings.IMPORT_MAX_FILES:,}"},
            )
        return [upload for upload in self.cleaned_data["files"] if upload is not None]

    def clean_urls(self) -> list[str]:
        """One address a line; blank lines are skipped."""
        return [line.strip() for line in self.cleaned_data["urls"].splitlines() if line.strip()]

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not cleaned.get("files") and not cleaned.get("urls"):
            raise forms.ValidationError(_("请选择要导入的文件，或填写网页地址。"), code="required")
        if cleaned.get("dry_run") and cleaned.get("urls"):
            self.add_error("urls", _("预览只读上传的文件：网址由后台抓取，请取消“只预览，不保存”后导入。"))
        return cleaned
