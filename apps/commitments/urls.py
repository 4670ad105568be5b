from django.urls import path

from apps.commitments import views
from apps.commitments.feeds import CommitmentFeed

app_name = "commitments"

urlpatterns = [
    path("commitments/", views.CommitmentListView.as_view(), name="list"),
    path("commitments/scorecard/", views.commitment_scorecard, name="scorecard"),
    path("commitments/feed/", CommitmentFeed(), name="feed"),
]
