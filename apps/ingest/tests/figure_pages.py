"""A page's context for figure tests: its type, its date and the year it is for, no places."""
from apps.ingest.extract.figures import PageContext


def page(doc_type, day=None, page_year=None):
    return PageContext(doc_type=doc_type, page_year=page_year or (day.year if day else None), doc_date=day, regions=[])
