from django.urls import path

from apps.proposals import views

app_name = "proposals"

urlpatterns = [
    path("proposals/", views.ProposalListView.as_view(), name="list"),
    path("proposals/grades/", views.proposal_grades, name="grades"),
    path("proposals/<int:pk>/", views.proposal_detail, name="detail"),
]
