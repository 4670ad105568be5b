import datetime

import factory

from apps.curation.models import CurationStatus
from apps.documents.models import Document, DocumentType
from apps.organizations.tests.factories import OrganizationFactory


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Document
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"关于推进集团化办学的答复 {n}")
    doc_type = DocumentType.REPLY
    organization = factory.SubFactory(OrganizationFactory)
    publish_date = datetime.date(2022, 10, 14)
    raw_text = factory.Sequence(lambda n: f"原始页面 {n}:到2025年,覆盖率将达到60%以上。")
    clean_text = factory.LazyAttribute(lambda d: d.raw_text)
    status = CurationStatus.PUBLISHED

    @factory.post_generation
    def regions(self, create, extracted, **kwargs):
        if create and extracted:
            self.regions.set(extracted)
