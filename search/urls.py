from django.urls import path

from search import feeds, views

app_name = "search"
urlpatterns = [
    path("", views.search_page, name="search"),
    path("api/", views.search_api, name="api"),
    path("feed/", feeds.SearchResultsFeed(), name="feed"),
    path("feed/rss/", feeds.SearchResultsRssFeed(), name="feed_rss"),
]
