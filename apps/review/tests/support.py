"""Importing the test pages and posting the review page back as a browser would."""
from apps.documents.models import Document
from apps.ingest.services import document_import, import_reader


def imported(text: str, name: str, user=None) -> Document:
    return document_import(raw=text.encode(), filename=f"{name}.txt", reader=import_reader(), user=user).document


def posted_back(response, action: str = "save", **changes) -> dict:
    """The review page's forms as they were shown, with ``changes`` (field's html name → value)."""
    context = response.context
    forms = [context["document_form"], *(row["form"] for section in context["sections"] for row in section["rows"])]
    data = {}
    for form in forms:
        for field in form:
            value = field.value()
            if value is not None and not field.field.disabled:
                data[field.html_name] = value
    data.update(changes, action=action)
    return data
