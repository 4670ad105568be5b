"""The admin's "Import pages" form: several files in one upload."""
from django import forms
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
        label=_("页面文件"), help_text=_("可一次选择多个 .txt、.html、.htm、.docx 或 .pdf 文件（PDF 须有文字层），或它们的 .zip 压缩包；网页编码自动识别（UTF-8、GBK、Big5）。")
    )
    dry_run = forms.BooleanField(label=_("只预览，不保存"), required=False)
