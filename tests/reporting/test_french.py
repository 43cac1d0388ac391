"""Online reporting in French (``/fr/reporting/``): pages, form errors, workflow messages
and the draft's history all speak French; question texts stay as the format has them."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation

from cpbmonitor.reporting.models import DraftStatus
from tests.reporting.conftest import PASSWORD

LAWS = "instrument.nationalBiosafetyLaws"
SECTION1 = {"Q007": "implementation.partiallyInPlace", "Q008": [LAWS], "Q009": "false"}


def fr(name: str, *args: object) -> str:
    with translation.override("fr"):
        return reverse(name, args=args)


@pytest.fixture
def french(client, people):
    assert client.login(username="fp-br", password=PASSWORD)
    return client


def page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    text = response.content.decode()
    assert '<html lang="fr">' in text
    return text


def post(client, draft, step: int, data: dict, go: str = "stay"):
    draft.refresh_from_db()
    url = fr("reporting:section", draft.pk, step)
    return client.post(url, {"version": draft.version, "go": go, **data}, follow=True)


def test_sign_in_page(client, db):
    text = page(client, fr("reporting:login"))
    assert "Connexion aux rapports nationaux en ligne" in text
    assert "Nom d’utilisateur" in text and "Mot de passe" in text
    assert "Sign in" not in text


def test_dashboard(french, draft):
    assert fr("reporting:dashboard") == "/fr/reporting/"
    text = page(french, fr("reporting:dashboard"))
    assert "<h1>Rapports nationaux en ligne</h1>" in text
    assert "Commencer ou poursuivre un rapport" in text and "Ouvrir le rapport" in text
    assert "Connecté en tant que <strong>fp-br</strong>" in text
    assert "Se déconnecter" in text
    assert '<span class="badge status-draft">brouillon</span>' in text
    assert "Start or continue" not in text and "Last change" not in text


def test_section_page(french, draft):
    text = page(french, fr("reporting:section", draft.pk, 1))
    assert "Enregistrer le brouillon" in text and "Enregistrer et continuer" in text
    assert "Vérifier et soumettre" in text and "(exclut les autres)" in text
    assert 'title="obligatoire"' in text
    assert "État : " in text and "version 1" in text and "historique" in text
    assert "Save draft" not in text and "Review and submit" not in text


def test_messages_and_errors(french, draft):
    response = post(french, draft, 1, {**SECTION1, "Q008": [LAWS, "instrument.none"]})
    text = response.content.decode()
    assert "Rien n’a été enregistré : veuillez corriger les réponses signalées ci-dessous." in text
    assert "« None » ne peut pas être combiné avec d’autres réponses." in text
    text = post(french, draft, 1, SECTION1).content.decode()
    assert "Enregistré." in text
    text = post(french, draft, 2, {"Q122": "true"}, go="review").content.decode()
    assert "Ce qui manque" in text
    assert "2 questions obligatoires sans réponse :" in text
    assert "Répondez aux questions ci-dessus pour soumettre." in text


def test_workflow_messages_and_history(french, draft, client):
    post(french, draft, 1, SECTION1)
    post(french, draft, 2, {"Q122": "false"})
    draft.refresh_from_db()
    response = french.post(
        fr("reporting:submit", draft.pk), {"version": draft.version}, follow=True
    )
    assert "Le rapport a été soumis." in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == DraftStatus.SUBMITTED
    response = french.post(fr("reporting:submit", draft.pk), follow=True)
    assert (
        "Le rapport est à l’état « soumis » ; cette action n’est possible qu’à l’état "
        "« brouillon »."
    ) in response.content.decode()
    text = page(french, fr("reporting:history", draft.pk))
    assert "Historique du rapport" in text
    assert "soumis par fp-br, le " in text and "enregistré par fp-br, le " in text
    assert "pas de réponse" in text


def test_stale_save_in_french(french, draft):
    draft.refresh_from_db()
    url = fr("reporting:section", draft.pk, 1)
    french.post(url, {"version": draft.version, "go": "stay", **SECTION1})
    response = french.post(url, {"version": draft.version, "go": "stay", "Q009": "true"})
    assert response.status_code == 409
    assert "Vos modifications n’ont pas été enregistrées" in response.content.decode()
