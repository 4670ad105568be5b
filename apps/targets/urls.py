from django.urls import path

from apps.targets import views

app_name = "targets"

urlpatterns = [
    path("targets/", views.TargetListView.as_view(), name="list"),
    path("targets/scorecard/", views.target_scorecard, name="scorecard"),
    path("indicators/", views.IndicatorCatalogueView.as_view(), name="indicators"),
    path("indicators/<int:pk>/", views.indicator_detail, name="indicator"),
]
