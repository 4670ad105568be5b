from django.urls import path

from apps.initiatives import views

app_name = "initiatives"

urlpatterns = [
    path("initiatives/", views.InitiativeListView.as_view(), name="list"),
    path("initiatives/<int:pk>/", views.initiative_detail, name="detail"),
]
