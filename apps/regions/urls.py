from django.urls import path

from apps.regions import views

app_name = "regions"

urlpatterns = [
    path("regions/", views.region_index, name="index"),
    path("regions/<str:code>/", views.region_detail, name="detail"),
]
