"""Free-text answers of the demonstration reports, in English, French or Spanish.

Each Party writes in one language (``language_of``): Spanish for the Spanish-speaking
Parties, French for the French-speaking ones, English otherwise. A text is put together
from phrase banks of this module (CPB Monitor's own wording, made up for the
demonstration; no Party wrote it): an opening, one to three *topics* (the challenges a
Party names, weighted towards its capacity-building needs and its implementation
level), and a closing. Topics are the project's own list (``TOPICS``); the words that
name each topic in each language are what ``core/analysis/data/challenge-topics.yaml``
looks for, so the document can count Parties per topic.

Texts come from their own random source (seed, Party, question), so adding them leaves
every other generated answer as it was.
"""

from __future__ import annotations

import random
from collections.abc import Collection, Mapping

from cpbmonitor.core.formats import Questionnaire, is_active
from cpbmonitor.core.formats.model import TEXT_TYPES
from cpbmonitor.core.reports import Answer

SPANISH = frozenset(
    [
        "ar",
        "bo",
        "cl",
        "co",
        "cr",
        "cu",
        "do",
        "ec",
        "es",
        "gq",
        "gt",
        "hn",
        "mx",
        "ni",
        "pa",
        "pe",
        "py",
        "sv",
        "uy",
        "ve",
    ]
)
FRENCH = frozenset(
    [
        "be",
        "bf",
        "bi",
        "bj",
        "cd",
        "cf",
        "cg",
        "ci",
        "cm",
        "dj",
        "dz",
        "fr",
        "ga",
        "gn",
        "ht",
        "km",
        "lu",
        "ma",
        "mc",
        "mg",
        "ml",
        "mr",
        "ne",
        "rw",
        "sc",
        "sn",
        "td",
        "tg",
        "tn",
    ]
)


def language_of(government: str) -> str:
    """The language of a Party's demonstration texts."""
    if government in SPANISH:
        return "es"
    if government in FRENCH:
        return "fr"
    return "en"


TOPICS: dict[str, dict[str, tuple[str, ...]]] = {
    "staff": {
        "en": (
            "the shortage of trained staff in the competent national authority",
            "the high turnover of trained staff",
        ),
        "fr": (
            "le manque de personnel formé au sein de l'autorité nationale compétente",
            "la forte rotation du personnel formé",
        ),
        "es": (
            "la falta de personal capacitado en la autoridad nacional competente",
            "la alta rotación del personal capacitado",
        ),
    },
    "legal": {
        "en": (
            "the national biosafety law, still awaiting adoption by parliament",
            "gaps in the regulatory framework for biosafety",
        ),
        "fr": (
            "la loi nationale sur la biosécurité, toujours en attente d'adoption",
            "les lacunes du cadre réglementaire de biosécurité",
        ),
        "es": (
            "la ley nacional de bioseguridad, todavía pendiente de aprobación",
            "los vacíos del marco regulatorio de bioseguridad",
        ),
    },
    "risk-assessment": {
        "en": (
            "limited expertise in risk assessment of living modified organisms",
            "the lack of scientific capacity for risk assessment and risk management",
        ),
        "fr": (
            "l'expertise limitée en évaluation des risques des organismes vivants modifiés",
            "le manque de capacités scientifiques pour l'évaluation des risques",
        ),
        "es": (
            "la escasa experiencia en evaluación de riesgos de organismos vivos modificados",
            "la falta de capacidad científica para la evaluación de riesgos",
        ),
    },
    "detection": {
        "en": (
            "the lack of a laboratory equipped for the detection of LMOs",
            "the cost of reagents and reference materials for detection and identification",
        ),
        "fr": (
            "l'absence d'un laboratoire équipé pour la détection des OVM",
            "le coût des réactifs et des matériaux de référence pour la détection",
        ),
        "es": (
            "la falta de un laboratorio equipado para la detección de OVM",
            "el costo de los reactivos y materiales de referencia para la detección",
        ),
    },
    "bch": {
        "en": (
            "unreliable internet access, which delays publishing records on the Biosafety "
            "Clearing-House",
            "the limited use of the Biosafety Clearing-House by national institutions",
        ),
        "fr": (
            "un accès à internet peu fiable, qui retarde la publication sur le Centre "
            "d'échange pour la prévention des risques biotechnologiques",
            "l'usage limité du Centre d'échange par les institutions nationales",
        ),
        "es": (
            "el acceso irregular a internet, que retrasa la publicación en el Centro de "
            "Intercambio de Información sobre Seguridad de la Biotecnología",
            "el uso limitado del Centro de Intercambio por las instituciones nacionales",
        ),
    },
    "awareness": {
        "en": (
            "low public awareness of biosafety",
            "the difficulty of involving the public in decisions on LMOs",
        ),
        "fr": (
            "la faible sensibilisation du public à la biosécurité",
            "la difficulté d'associer le public aux décisions sur les OVM",
        ),
        "es": (
            "la baja sensibilización del público sobre la seguridad de la biotecnología",
            "la dificultad de lograr la participación del público en las decisiones sobre OVM",
        ),
    },
    "funding": {
        "en": (
            "insufficient funding for biosafety activities",
            "the end of external funding for the national biosafety project",
        ),
        "fr": (
            "le financement insuffisant des activités de biosécurité",
            "la fin du financement extérieur du projet national de biosécurité",
        ),
        "es": (
            "el financiamiento insuficiente para las actividades de bioseguridad",
            "el fin del financiamiento externo del proyecto nacional de bioseguridad",
        ),
    },
    "border": {
        "en": (
            "the limited capacity of customs officers to identify illegal transboundary movements",
            "weak controls at border points against illegal transboundary movements",
        ),
        "fr": (
            "la capacité limitée des agents des douanes à repérer les mouvements "
            "transfrontières illicites",
            "les contrôles insuffisants aux frontières contre les mouvements "
            "transfrontières illicites",
        ),
        "es": (
            "la capacidad limitada de los funcionarios de aduanas para detectar movimientos "
            "transfronterizos ilícitos",
            "los controles débiles en las fronteras frente a movimientos transfronterizos ilícitos",
        ),
    },
    "socio-economic": {
        "en": (
            "the absence of a method to take socio-economic considerations into account",
            "little data on the socio-economic considerations of LMOs for farmers",
        ),
        "fr": (
            "l'absence de méthode pour prendre en compte les considérations socio-économiques",
            "le peu de données sur les considérations socio-économiques des OVM",
        ),
        "es": (
            "la ausencia de un método para tener en cuenta las consideraciones socioeconómicas",
            "los pocos datos sobre las consideraciones socioeconómicas de los OVM",
        ),
    },
    "handling": {
        "en": (
            "applying the documentation requirements for shipments of LMOs",
            "the identification of LMOs in shipments of commodities",
        ),
        "fr": (
            "l'application des exigences de documentation pour les expéditions d'OVM",
            "l'identification des OVM dans les expéditions de produits de base",
        ),
        "es": (
            "la aplicación de los requisitos de documentación para los envíos de OVM",
            "la identificación de los OVM en los envíos de productos básicos",
        ),
    },
    "liability": {
        "en": (
            "the slow progress towards ratifying the Supplementary Protocol on liability "
            "and redress",
        ),
        "fr": (
            "la lenteur de la ratification du Protocole additionnel sur la responsabilité "
            "et la réparation",
        ),
        "es": (
            "el lento avance hacia la ratificación del Protocolo Suplementario sobre "
            "responsabilidad y compensación",
        ),
    },
    "coordination": {
        "en": (
            "weak coordination between the ministries concerned with biosafety",
            "limited cooperation with neighbouring countries on biosafety",
        ),
        "fr": (
            "la faible coordination entre les ministères concernés par la biosécurité",
            "la coopération limitée avec les pays voisins en matière de biosécurité",
        ),
        "es": (
            "la débil coordinación entre los ministerios relacionados con la bioseguridad",
            "la cooperación limitada con los países vecinos en materia de bioseguridad",
        ),
    },
}
"""Topic -> language -> ways of naming the challenge (a noun phrase)."""

NEEDS_TOPICS: tuple[str, ...] = (
    "staff",  # (a) institutional capacity and human resources
    "legal",  # (b) mainstreaming
    "risk-assessment",  # (c)
    "risk-assessment",  # (d) risk management
    "awareness",  # (e)
    "bch",  # (f)
    "coordination",  # (g)
    "detection",  # (h) technology transfer
    "detection",  # (i)
    "socio-economic",  # (j)
    "handling",  # (k)
    "bch",  # (l) confidential information
    "border",  # (m)
    "risk-assessment",  # (n) research
    "risk-assessment",  # (o) human health
    "liability",  # (p)
    "funding",  # (q) other
)
"""The topic a Party in need of each capacity-building area (a)-(q) tends to write about."""

OPENINGS: dict[str, tuple[str, ...]] = {
    "en": (
        "The main challenge remains {topic}.",
        "Implementation is held back by {topic}.",
        "Our greatest difficulty is {topic}.",
        "Progress has been slowed by {topic}.",
    ),
    "fr": (
        "La principale difficulté reste {topic}.",
        "La mise en œuvre est freinée par {topic}.",
        "Notre plus grande difficulté est {topic}.",
        "Les progrès sont ralentis par {topic}.",
    ),
    "es": (
        "El principal desafío sigue siendo {topic}.",
        "La aplicación se ve frenada por {topic}.",
        "Nuestra mayor dificultad es {topic}.",
        "El avance se ha visto retrasado por {topic}.",
    ),
}
MORE: dict[str, tuple[str, ...]] = {
    "en": ("We also face {topic}.", "Another difficulty is {topic}.", "{Topic} is a concern too."),
    "fr": (
        "S'y ajoute {topic}.",
        "Une autre difficulté est {topic}.",
        "{Topic} pose également problème.",
    ),
    "es": (
        "También enfrentamos {topic}.",
        "Otra dificultad es {topic}.",
        "{Topic} también es motivo de preocupación.",
    ),
}
CLOSINGS: dict[str, tuple[str, ...]] = {
    "en": (
        "Support from regional projects would help.",
        "Training for officials is requested.",
        "A national workshop is planned to address this.",
        "",
    ),
    "fr": (
        "Un appui des projets régionaux serait utile.",
        "Une formation des agents est demandée.",
        "Un atelier national est prévu pour y remédier.",
        "",
    ),
    "es": (
        "El apoyo de proyectos regionales sería útil.",
        "Se solicita capacitación para los funcionarios.",
        "Se prevé un taller nacional para abordarlo.",
        "",
    ),
}
DETAILS: dict[str, tuple[str, ...]] = {
    "en": (
        "Measures are described in the national biosafety framework.",
        "The competent national authority is reviewing the procedure.",
        "This was addressed through a regional project.",
        "Details are available from the national focal point.",
    ),
    "fr": (
        "Les mesures sont décrites dans le cadre national de biosécurité.",
        "L'autorité nationale compétente révise la procédure.",
        "Cette question a été traitée dans un projet régional.",
        "Les détails sont disponibles auprès du correspondant national.",
    ),
    "es": (
        "Las medidas se describen en el marco nacional de bioseguridad.",
        "La autoridad nacional competente está revisando el procedimiento.",
        "Este tema se abordó mediante un proyecto regional.",
        "Los detalles están disponibles en el punto focal nacional.",
    ),
}
"""Short additional information given with an option (``takes_text``)."""


ANSWER_RATE = 0.55
FOCUS: dict[str, str] = {"Article23": "awareness"}
"""Format section -> the topic its free-text question is about (others: any challenge)."""


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


class TextWriter:
    """Writes the free-text answers of one demonstration report."""

    def __init__(
        self, seed: int, tag: str, government: str, level: float, needs: Collection[int] | None
    ) -> None:
        self.seed, self.tag, self.government = seed, tag, government
        self.language = language_of(government)
        self.level = level
        self.needs = needs or ()

    def _rng(self, *parts: str) -> random.Random:
        return random.Random(
            ":".join(["cpb-demo-text", str(self.seed), self.tag, self.government, *parts])
        )

    def text_answers(
        self, questionnaire: Questionnaire, answers: Mapping[str, Answer]
    ) -> dict[str, Answer]:
        """An answer to the active free-text questions: every mandatory one, and each
        other with a chance of ``ANSWER_RATE`` (more often by Parties further from full
        implementation, who have more to say about their difficulties)."""
        rng = self._rng("answered")
        written = {}
        for question in questionnaire.all_questions():
            if question.type not in TEXT_TYPES or question.key in answers:
                continue
            if not is_active(questionnaire, question.key, answers):
                continue
            drawn = rng.random()  # drawn for every question, so each keeps its draw
            if question.mandatory or drawn < ANSWER_RATE + 0.2 * (1.0 - self.level):
                focus = FOCUS.get(question.section)
                written[question.key] = Answer(
                    question.key, text=self.challenges(question.key, focus)
                )
        return written

    def topics(self, rng: random.Random) -> list[str]:
        """One to three topics: a Party further from full implementation names more, and
        names the topics of its capacity-building needs more often."""
        weights: dict[str, float] = dict.fromkeys(TOPICS, 1.0)
        for index in self.needs:
            if 0 <= index < len(NEEDS_TOPICS):
                weights[NEEDS_TOPICS[index]] += 2.0
        count = 1 + (rng.random() < 1.1 - self.level) + (rng.random() < 0.6 - self.level)
        keyed = sorted(weights, key=lambda k: rng.random() ** (1.0 / weights[k]), reverse=True)
        return keyed[:count]

    def challenges(self, key: str, focus: str | None = None) -> dict[str, str]:
        """A text naming the Party's challenges (difficulties, needs, further details);
        ``focus`` is named first when given."""
        rng = self._rng(key)
        language = self.language
        sentences = []
        topics = self.topics(rng)
        if focus is not None:
            topics = [focus, *(t for t in topics if t != focus)][: len(topics)]
        for index, topic in enumerate(topics):
            phrase = rng.choice(TOPICS[topic][language])
            bank = OPENINGS if index == 0 else MORE
            sentences.append(
                rng.choice(bank[language]).format(topic=phrase, Topic=_capital(phrase))
            )
        closing = rng.choice(CLOSINGS[language])
        if closing:
            sentences.append(closing)
        return {language: " ".join(sentences)}

    def detail(self, key: str, value: str, pick: int) -> dict[str, str]:
        """The additional information given with option ``value`` of question ``key``."""
        bank = DETAILS[self.language]
        return {self.language: bank[(pick + len(key) + len(value)) % len(bank)]}
