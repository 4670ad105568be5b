import factory

from apps.commitments.models import Commitment, CommitmentKind
from apps.curation.models import CurationStatus
from apps.documents.tests.factories import DocumentFactory
from apps.proposals.tests.factories import ReplyFactory
from apps.regions.tests.factories import CountyFactory


class CommitmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Commitment

    source_document = factory.SubFactory(DocumentFactory)
    reply = factory.SubFactory(ReplyFactory, document=factory.SelfAttribute("..source_document"))
    region = factory.SubFactory(CountyFactory)
    quote = "下一步,我们将规范有序推进义务教育集团化办学"
    summary = "规范有序推进义务教育集团化办学"
    kind = CommitmentKind.STRENGTHEN
    status = CurationStatus.PUBLISHED
