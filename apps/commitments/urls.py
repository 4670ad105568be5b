from django.urls import path

from apps.commitments import views

app_name = "commitments"

urlpatterns = [
    path("commitments/", views.CommitmentListView.as_view(), name="list"),
    path("commitments/scorecard/", views.commitment_scorecard, name="scorecard"),
]
