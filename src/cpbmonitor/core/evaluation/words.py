"""The fixed words of the document (headings, captions, column titles, notes) in the
document's language. ``tr(text)`` gives the French of an English text in a French
document; a text without a French entry is kept in English and remembered in
``UNTRANSLATED`` (a test builds the French document and expects none)."""

from __future__ import annotations

from cpbmonitor.core.evaluation.numbers import is_french

UNTRANSLATED: set[str] = set()

FRENCH: dict[str, str] = {
    # document and sections
    "Progress in implementing the Cartagena Protocol on Biosafety": (
        "Progrès accomplis dans la mise en œuvre du Protocole de Cartagena sur la prévention "
        "des risques biotechnologiques"
    ),
    "Contents": "Table des matières",
    "Executive summary": "Résumé",
    "Key messages": "Messages clés",
    "Introduction": "Introduction",
    "Linkages": "Liens",
    "Data and method": "Données et méthode",
    "Findings by goal": "Constatations par objectif",
    "Capacity-building needs and coverage gaps": (
        "Besoins de renforcement des capacités et lacunes de couverture"
    ),
    "Needs by region": "Besoins par région",
    "Challenges reported by Parties": "Difficultés signalées par les Parties",
    "Milestones": "Jalons",
    "Conclusions": "Conclusions",
    "Draft recommendations": "Projet de recommandations",
    "Annex: indicators and methodology": "Annexe : indicateurs et méthodologie",
    "Objectives": "Objectifs",
    "Outcomes": "Résultats escomptés",
    "Indicators": "Indicateurs",
    "Not measured": "Non mesurés",
    "Outcome": "Résultat escompté",
    "Status of the objectives": "État d'avancement des objectifs",
    "Findings": "Constatations",
    "Challenges": "Difficultés",
    "Capacity-building": "Renforcement des capacités",
    "Table": "Tableau",
    "Figure": "Figure",
    "see table": "voir le tableau",
    # title page
    "Plan version": "Version du plan",
    "Plan document": "Document du plan",
    "Cycle measured": "Cycle mesuré",
    "Baseline": "Base de référence",
    "Generated": "Produit le",
    "Language": "Langue",
    "English": "anglais",
    "French": "français",
    "Every table, chart and sentence that states a figure in this document is generated "
    "from the data; the key messages, conclusions and draft recommendations are computed "
    "from the comparable changes and the progress statuses by rules, and marked as drafts "
    "for the Secretariat to review.": (
        "Chaque tableau, graphique et phrase de ce document qui énonce un chiffre est "
        "produit à partir des données ; les messages clés, les conclusions et le projet de "
        "recommandations sont calculés par des règles à partir des évolutions comparables et "
        "des états d'avancement, et signalés comme projets à examiner par le Secrétariat."
    ),
    # statuses
    "on track": "en bonne voie",
    "progress, acceleration needed": "progrès, accélération nécessaire",
    "no progress or regression": "aucun progrès ou régression",
    "insufficient data": "données insuffisantes",
    "improved": "amélioration",
    "declined": "recul",
    "no change": "stabilité",
    "not comparable": "non comparable",
    "no comparable indicator": "aucun indicateur comparable",
    # column titles
    "Goal": "Objectif",
    "Title": "Titre",
    "Measured": "Mesurés",
    "Compared with baseline": "Comparés à la base de référence",
    "Improved": "Amélioration",
    "No change": "Stabilité",
    "Declined": "Recul",
    "Change not comparable": "Évolution non comparable",
    "Change on too few data": "Évolution sur trop peu de données",
    "Group": "Groupe",
    "Current": "Valeur actuelle",
    "Parties counted": "Parties comptées",
    "Change": "Évolution",
    "Status": "État",
    "Indicator": "Indicateur",
    "Objective": "Objectif opérationnel",
    "Reasons": "Raisons",
    "World": "Monde",
    "Parties": "Parties",
    "Reports submitted": "Rapports présentés",
    "Complete": "Complets",
    "Complete and on time": "Complets et dans les délais",
    "Share complete and on time": "Part complète et dans les délais",
    "Cycle": "Cycle",
    "Role": "Rôle",
    "Format": "Format",
    "Due by": "Échéance",
    "measured": "mesuré",
    "baseline": "base de référence",
    "Setting": "Paramètre",
    "Value": "Valeur",
    "Smallest change counted as an improvement or a decline": (
        "Plus petite évolution comptée comme amélioration ou recul"
    ),
    "Source": "Source",
    "Data as of": "Données au",
    "Baseline data as of": "Données de référence au",
    "Area": "Domaine",
    "Need": "Besoin",
    "Share of reporting Parties": "Part des Parties ayant fait rapport",
    "Key areas linked": "Domaines clés liés",
    "Activities registered": "Activités enregistrées",
    "Parties in need not reached": "Parties dans le besoin non atteintes",
    "Parties with a national report of the cycle": (
        "Parties ayant présenté un rapport national du cycle"
    ),
    "none (gap)": "aucun (lacune)",
    "Topic": "Thème",
    "Parties writing": "Parties ayant écrit",
    "Parties naming it": "Parties le citant",
    "Reached: Parties": "Atteintes : Parties",
    "Reached: change": "Atteintes : évolution",
    "Not reached: Parties": "Non atteintes : Parties",
    "Not reached: change": "Non atteintes : évolution",
    "Difference": "Différence",
    "Activities": "Activités",
    "Milestone": "Jalon",
    "Latest": "Dernière valeur",
    "Still needed": "Reste à accomplir",
    "Trend at the date": "Tendance à l'échéance",
    "Text": "Texte",
    "How it is measured": "Mode de mesure",
    "Unit, source and population": "Unité, source et population",
    "Notes": "Notes",
    "Recommendation": "Recommandation",
    "Rule": "Règle",
    "Goals assessed": "Objectifs évalués",
    "World and regions": "Monde et régions",
    "not measurable": "non mesurable",
    "pending": "en attente",
    "no data": "pas de données",
    "read": "lu",
    "no source": "pas de source",
}


def tr(text: str) -> str:
    """``text`` in the document's language."""
    if not is_french():
        return text
    found = FRENCH.get(text)
    if found is None:
        UNTRANSLATED.add(text)
        return text
    return found
