"""The token page (``/reporting/tokens/``): a signed-in user's own API tokens, created
with a name and an expiry (the key shown once; only its digest is stored), listed with
their last use, and revoked. Tokens act with their user's roles (``Act.USE_API``)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from cpbmonitor.reporting import policy
from cpbmonitor.reporting.models import ApiToken
from cpbmonitor.reporting.policy import Act


class TokenForm(forms.Form):
    """A new API token: a name to recognise it by, and how long it stays valid."""

    DAYS = ((30, _("30 days")), (90, _("90 days")), (365, _("one year")))
    name = forms.CharField(label=_("Name"), max_length=100)
    days = forms.TypedChoiceField(label=_("Valid for"), choices=DAYS, coerce=int)


def _page(request: HttpRequest, form: TokenForm, status: int = 200, **extra: Any) -> HttpResponse:
    context = {"form": form, "tokens": ApiToken.objects.of_user(request.user), **extra}
    return render(request, "reporting/tokens.html", context, status=status)


@login_required
def tokens(request: HttpRequest) -> HttpResponse:
    """GET: the list and the form; POST ``name`` and ``days``: a new token, its key
    shown once; POST ``revoke``: revoke one of the user's own tokens."""
    policy.require(request.user, Act.USE_API)
    if request.method != "POST":
        return _page(request, TokenForm())
    if "revoke" in request.POST:
        if not ApiToken.objects.revoke(request.user, request.POST["revoke"] or 0):
            raise Http404("no such token of yours")
        return _page(request, TokenForm(), revoked=True)
    form = TokenForm(request.POST)
    if not form.is_valid():
        return _page(request, form, status=400)
    _, key = ApiToken.objects.issue(
        request.user, form.cleaned_data["name"], form.cleaned_data["days"]
    )
    return _page(request, TokenForm(), new_key=key)
