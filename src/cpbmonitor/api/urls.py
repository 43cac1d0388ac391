from django.urls import path

from cpbmonitor.api.v1 import api

urlpatterns = [path("", api.urls)]
