from django.urls import path

from apps.documents import views

app_name = "documents"

urlpatterns = [
    path("documents/", views.DocumentListView.as_view(), name="list"),
    path("documents/<int:pk>/", views.document_detail, name="detail"),
]
