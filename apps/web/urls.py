from django.urls import path

from apps.web import views
from apps.web.feeds import DocumentFeed

app_name = "web"

urlpatterns = [
    path("", views.home, name="home"),
    path("search/", views.search, name="search"),
    # Beside the documents list it follows; kept here with the other pages that span apps.
    path("documents/feed/", DocumentFeed(), name="documents_feed"),
]
