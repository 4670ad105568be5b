import datetime

import factory

from apps.curation.models import CurationStatus
from apps.organizations.tests.factories import OrganizationFactory
from apps.proposals.models import Proposal, ProposalKind, Proposer, ProposerRole, Reply, ResultCode
from apps.regions.tests.factories import CountyFactory


class ProposalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Proposal

    kind = ProposalKind.PROPOSAL
    session = "江宁区政协十三届一次会议"
    number = factory.Sequence(lambda n: f"JNZX1301{n:04d}")
    title = "推进城乡教育优质均衡发展进而留住人才"
    region = factory.SubFactory(CountyFactory)
    status = CurationStatus.PUBLISHED


class ProposerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Proposer

    proposal = factory.SubFactory(ProposalFactory)
    name = factory.Sequence(lambda n: f"委员{n}")
    role = ProposerRole.CPPCC_MEMBER
    is_lead = True


class ReplyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Reply

    proposal = factory.SubFactory(ProposalFactory)
    responding_organization = factory.SubFactory(OrganizationFactory)
    reply_date = datetime.date(2022, 10, 14)
    result_code = ResultCode.B
    status = CurationStatus.PUBLISHED
