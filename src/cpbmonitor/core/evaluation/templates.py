"""Sentence templates: named format strings whose fields are numbers (``Number``) or
words (codes, names, ordinals), in English and French.

A template's own words hold no digit, so every digit of a generated sentence comes from
a field, and every number field keeps where it came from. ``say`` fills a template in,
in the document's language (``numbers.in_language``)::

    say("reporting.cycle", deadline=..., parties=..., ordinal="fifth")

Several templates say the same kind of thing; the section builders choose among them
by the data (a change that is large or small, a share that is all, most, few or none),
so the prose follows the figures rather than repeating one sentence.
"""

from __future__ import annotations

import re
import string

from cpbmonitor.core.evaluation.model import Number, Sentence
from cpbmonitor.core.evaluation.numbers import is_french

TEMPLATES: dict[str, str] = {}
"""Name -> the English text."""
FRENCH: dict[str, str] = {}
"""Name -> the French text."""
_FORMATTER = string.Formatter()


class TemplateError(ValueError):
    """A template is malformed, or filled in with missing or unknown fields."""


def fields_of(text: str) -> list[str]:
    return [name for _lit, name, _spec, _conv in _FORMATTER.parse(text) if name is not None]


def _check(name: str, text: str) -> None:
    literal = "".join(lit for lit, *_ in _FORMATTER.parse(text))
    if re.search(r"\d", literal):
        raise TemplateError(f"template {name!r} has a digit in its own words: {text!r}")
    if any(not f.isidentifier() for f in fields_of(text)):
        raise TemplateError(f"template {name!r} has a field that is not a plain name")


def template(name: str, text: str, french: str | None = None) -> None:
    """Register ``text`` (and its French ``french``, with the same fields) under
    ``name``; their literal words must hold no digit."""
    _check(name, text)
    if french is not None:
        _check(name, french)
        if set(fields_of(french)) != set(fields_of(text)):
            raise TemplateError(f"template {name!r}: the French text has other fields")
    if name in TEMPLATES:
        raise TemplateError(f"template {name!r} is registered twice")
    TEMPLATES[name] = text
    if french is not None:
        FRENCH[name] = french


def say(name: str, **fields: Number | str) -> Sentence:
    """The sentence of template ``name`` with ``fields`` filled in."""
    try:
        text = TEMPLATES[name]
    except KeyError:
        raise TemplateError(f"no sentence template {name!r}") from None
    if is_french():
        text = FRENCH.get(name, text)
    wanted = fields_of(text)
    if set(wanted) != set(fields):
        raise TemplateError(
            f"template {name!r} takes fields {sorted(set(wanted))}, got {sorted(fields)}"
        )
    words = {k: v.text if isinstance(v, Number) else v for k, v in fields.items()}
    numbers = tuple(n for k in wanted if isinstance(n := fields[k], Number))
    sentence = text.format(**words)
    return Sentence(name, sentence[:1].upper() + sentence[1:], numbers)


# -- the templates: name -> (English, French) ----------------------------------------------

for _name, (_en, _fr) in {
    # introduction
    "intro.purpose": (
        "This document measures each indicator of the plan in the {ordinal} national "
        "reports and compares it with the baseline of the {baseline} national reports, for "
        "the world and for each of the five regional groups.",
        "Le présent document mesure chaque indicateur du plan dans les {ordinal} rapports "
        "nationaux et le compare à la base de référence des {baseline} rapports nationaux, "
        "pour le monde et pour chacun des cinq groupes régionaux.",
    ),
    "intro.purpose.nobaseline": (
        "This document measures each indicator of the plan in the {ordinal} national "
        "reports, for the world and for each of the five regional groups.",
        "Le présent document mesure chaque indicateur du plan dans les {ordinal} rapports "
        "nationaux, pour le monde et pour chacun des cinq groupes régionaux.",
    ),
    "plan.overview": (
        "Of the {indicators} indicators of the plan, {measured} could be measured in the "
        "{ordinal} reporting cycle and {compared} compared with the baseline: {improved} "
        "improved, {no_change} showed no change and {declined} declined. The change of "
        "{not_comparable} more is not comparable (a stand-in question, or options that "
        "changed between the formats) and that of {insufficient} rests on too few data; "
        "neither counts as improved or declined.",
        "Sur les {indicators} indicateurs du plan, {measured} ont pu être mesurés lors du "
        "cycle des {ordinal} rapports et {compared} comparés à la base de référence : "
        "{improved} se sont améliorés, {no_change} sont restés stables et {declined} ont "
        "reculé. L'évolution de {not_comparable} autres n'est pas comparable (question de "
        "substitution, ou options modifiées entre les formats) et celle de {insufficient} "
        "repose sur trop peu de données ; aucune ne compte comme amélioration ou recul.",
    ),
    # data and method
    "method.threshold": (
        "A change since the baseline counts as an improvement or a decline when it reaches "
        "the threshold of {threshold} (percentage points, or units for counts); a smaller "
        "change counts as no change.",
        "Une évolution depuis la base de référence compte comme une amélioration ou un recul "
        "lorsqu'elle atteint le seuil de {threshold} (points de pourcentage, ou unités pour "
        "les dénombrements) ; une évolution moindre compte comme une stabilité.",
    ),
    "reporting.cycle": (
        "The {ordinal} national reports were due by {deadline}. Of the {parties} Parties "
        "to the Protocol on that date, {complete_on_time} ({share}) submitted a complete "
        "report by the deadline, and {submitted} have submitted one in all.",
        "Les {ordinal} rapports nationaux étaient attendus pour le {deadline}. Sur les "
        "{parties} Parties au Protocole à cette date, {complete_on_time} ({share}) ont "
        "présenté un rapport complet dans les délais, et {submitted} en ont présenté un au "
        "total.",
    ),
    "reporting.range": (
        "The share of complete reports submitted on time was lowest among the {low_groups} "
        "({low}) and highest among the {high_groups} ({high}).",
        "La part des rapports complets présentés dans les délais était la plus faible parmi "
        "les {low_groups} ({low}) et la plus élevée parmi les {high_groups} ({high}).",
    ),
    # goals
    "goal.overview": (
        "Of the {indicators} {noun} of this goal, {measured} could be measured in the "
        "{ordinal} cycle and {compared} compared with the baseline: {improved} improved, "
        "{no_change} showed no change and {declined} declined; {not_comparable} more "
        "changed between values that are not comparable and {insufficient} on too few data.",
        "Sur les {indicators} {noun} de cet objectif, {measured} ont pu être mesurés lors "
        "du cycle des {ordinal} rapports et {compared} comparés à la base de référence : "
        "{improved} se sont améliorés, {no_change} sont restés stables et {declined} ont "
        "reculé ; {not_comparable} autres ont évolué entre des valeurs non comparables et "
        "{insufficient} sur trop peu de données.",
    ),
    "goal.unmeasured": (
        "None of the {indicators} {noun} of this goal could be measured in the "
        "{ordinal} cycle; the table says why for each.",
        "Aucun des {indicators} {noun} de cet objectif n'a pu être mesuré lors du cycle des "
        "{ordinal} rapports ; le tableau en donne la raison pour chacun.",
    ),
    "goal.declined": (
        "Indicators that declined since the baseline: {codes}.",
        "Indicateurs en recul depuis la base de référence : {codes}.",
    ),
    "goal.widest": (
        "The widest regional difference in this goal is for {code}: from {low} among the "
        "{low_groups} to {high} among the {high_groups}.",
        "L'écart régional le plus large pour cet objectif concerne {code} : de {low} parmi "
        "les {low_groups} à {high} parmi les {high_groups}.",
    ),
    "goal.status": (
        "Progress towards this goal is assessed as {status}: {reasons}.",
        "Les progrès vers cet objectif sont jugés comme suit : {status} ({reasons}).",
    ),
    "goal.status.regions": (
        "By region, {behind} show no progress or regression on this goal.",
        "Par région, les {behind} ne montrent aucun progrès ou une régression pour cet objectif.",
    ),
    # indicators: the value (chosen by the share), then the change (by its size)
    "indicator.parties": (
        "{code}: of the {denominator} {population}, {numerator} ({value}) meet the indicator.",
        "{code} : sur les {denominator} {population}, {numerator} ({value}) satisfont à "
        "l'indicateur.",
    ),
    "indicator.parties.all": (
        "{code}: all {denominator} {population} meet the indicator ({value}).",
        "{code} : les {denominator} {population} satisfont toutes à l'indicateur ({value}).",
    ),
    "indicator.parties.none": (
        "{code}: none of the {denominator} {population} meets the indicator yet "
        "({numerator}, {value}).",
        "{code} : aucune des {denominator} {population} ne satisfait encore à l'indicateur "
        "({numerator}, {value}).",
    ),
    "indicator.parties.most": (
        "{code}: most of the {denominator} {population} meet the indicator: {numerator}, "
        "or {value}.",
        "{code} : la plupart des {denominator} {population} satisfont à l'indicateur : "
        "{numerator}, soit {value}.",
    ),
    "indicator.parties.few": (
        "{code}: only {numerator} of the {denominator} {population} ({value}) meet the indicator.",
        "{code} : seules {numerator} des {denominator} {population} ({value}) satisfont à "
        "l'indicateur.",
    ),
    "indicator.records": (
        "{code}: of the {denominator} records concerned, {numerator} ({value}) meet the indicator.",
        "{code} : sur les {denominator} enregistrements concernés, {numerator} ({value}) "
        "satisfont à l'indicateur.",
    ),
    "indicator.count": (
        "{code}: {value} in the {ordinal} cycle.",
        "{code} : {value} lors du cycle des {ordinal} rapports.",
    ),
    "indicator.up": (
        "This is up from {baseline} at the baseline ({change} points).",
        "C'est une hausse par rapport aux {baseline} de la base de référence ({change} points).",
    ),
    "indicator.up.sharp": (
        "This is a marked rise from {baseline} at the baseline ({change} points).",
        "C'est une nette hausse par rapport aux {baseline} de la base de référence "
        "({change} points).",
    ),
    "indicator.down": (
        "This is down from {baseline} at the baseline ({change} points).",
        "C'est une baisse par rapport aux {baseline} de la base de référence ({change} points).",
    ),
    "indicator.down.sharp": (
        "This is a marked fall from {baseline} at the baseline ({change} points).",
        "C'est une nette baisse par rapport aux {baseline} de la base de référence "
        "({change} points).",
    ),
    "indicator.same": (
        "This is close to the baseline of {baseline} ({change} points).",
        "C'est proche de la base de référence de {baseline} ({change} points).",
    ),
    "indicator.count.up": (
        "This is up from {baseline} at the baseline ({change}).",
        "C'est une hausse par rapport à {baseline} à la base de référence ({change}).",
    ),
    "indicator.count.up.sharp": (
        "This is well up from {baseline} at the baseline ({change}).",
        "C'est une nette hausse par rapport à {baseline} à la base de référence ({change}).",
    ),
    "indicator.count.down": (
        "This is down from {baseline} at the baseline ({change}).",
        "C'est une baisse par rapport à {baseline} à la base de référence ({change}).",
    ),
    "indicator.count.down.sharp": (
        "This is well down from {baseline} at the baseline ({change}).",
        "C'est une nette baisse par rapport à {baseline} à la base de référence ({change}).",
    ),
    "indicator.count.same": (
        "This is close to the baseline of {baseline} ({change}).",
        "C'est proche de la base de référence de {baseline} ({change}).",
    ),
    "indicator.nobaseline": (
        "There is no baseline value to compare it with.",
        "Il n'existe pas de valeur de référence à laquelle la comparer.",
    ),
    "indicator.notcomparable": (
        "The baseline value was {baseline}, but the change is not comparable ({label}: "
        "{reason}) and is not counted.",
        "La valeur de référence était de {baseline}, mais l'évolution n'est pas comparable "
        "({label} : {reason}) et n'est pas comptée.",
    ),
    "indicator.fewdata": (
        "The baseline value was {baseline}; with fewer than {minimum} Parties or records "
        "in the denominator the change is not counted (insufficient data).",
        "La valeur de référence était de {baseline} ; avec moins de {minimum} Parties ou "
        "enregistrements au dénominateur, l'évolution n'est pas comptée (données "
        "insuffisantes).",
    ),
    "indicator.region.up": (
        "The largest increase was among the {groups} ({change} points).",
        "La plus forte hausse a été observée parmi les {groups} ({change} points).",
    ),
    "indicator.region.down": (
        "The largest decrease was among the {groups} ({change} points).",
        "La plus forte baisse a été observée parmi les {groups} ({change} points).",
    ),
    "indicator.region.against": (
        "The {groups} moved against the world's trend ({change} points).",
        "Les {groups} ont évolué à contre-courant de la tendance mondiale ({change} points).",
    ),
    # challenges in Parties' own words
    "challenges.goal": (
        "Of the {writing} Parties that described their challenges and needs in their "
        "{ordinal} national report, {naming} name one that concerns this goal, most often "
        "{topic} ({parties}).",
        "Sur les {writing} Parties qui ont décrit leurs difficultés et besoins dans leurs "
        "{ordinal} rapports nationaux, {naming} en citent une qui concerne cet objectif, le "
        "plus souvent : {topic} ({parties}).",
    ),
    "challenges.goal.few": (
        "Few Parties name a challenge that concerns this goal in their {ordinal} national "
        "report: {naming} of the {writing} that described their challenges and needs.",
        "Peu de Parties citent une difficulté qui concerne cet objectif dans leurs {ordinal} "
        "rapports nationaux : {naming} des {writing} qui ont décrit leurs difficultés et "
        "besoins.",
    ),
    "challenges.goal.none": (
        "None of the {writing} Parties that described their challenges and needs names one "
        "that concerns this goal.",
        "Aucune des {writing} Parties qui ont décrit leurs difficultés et besoins n'en cite "
        "une qui concerne cet objectif.",
    ),
    # capacity-building
    "capacity.top": (
        "Of the {reporting} Parties with a {ordinal} national report, {parties} ({share}) "
        "named {area} as an area in which they still need capacity-building, the area named "
        "most often.",
        "Sur les {reporting} Parties ayant présenté leurs {ordinal} rapports nationaux, "
        "{parties} ({share}) citent le domaine suivant comme celui où elles ont encore "
        "besoin de renforcement des capacités, le plus souvent cité : {area}.",
    ),
    "capacity.gaps": (
        "No key area of the Capacity-Building Action Plan is linked to these areas of "
        "need: {areas}.",
        "Aucun domaine clé du Plan d'action pour le renforcement des capacités n'est lié à "
        "ces domaines de besoins : {areas}.",
    ),
    "capacity.covered": (
        "Every area of need is linked to at least one key area of the Capacity-Building "
        "Action Plan.",
        "Chaque domaine de besoins est lié à au moins un domaine clé du Plan d'action pour "
        "le renforcement des capacités.",
    ),
    "capacity.unreached": (
        "In these areas, some Parties in need are reached by no capacity-building activity "
        "registered for the period: {areas}.",
        "Dans ces domaines, certaines Parties dans le besoin ne sont atteintes par aucune "
        "activité de renforcement des capacités enregistrée pour la période : {areas}.",
    ),
    "capacity.reached": (
        "In every area, the capacity-building activities registered for the period reach "
        "each Party in need.",
        "Dans chaque domaine, les activités de renforcement des capacités enregistrées pour "
        "la période atteignent chaque Partie dans le besoin.",
    ),
    "capacity.goal": (
        "The needs linked to this goal's key areas: {areas}.",
        "Les besoins liés aux domaines clés de cet objectif : {areas}.",
    ),
    "capacity.goal.need": (
        "{area}: {parties} Parties in need, {unreached} of them reached by no registered activity.",
        "{area} : {parties} Parties dans le besoin, dont {unreached} ne sont atteintes par "
        "aucune activité enregistrée.",
    ),
    "capacity.goal.need.met": (
        "{area}: {parties} Parties in need, each reached by a registered activity.",
        "{area} : {parties} Parties dans le besoin, chacune atteinte par une activité enregistrée.",
    ),
    "capacity.region.worst": (
        "Among the {region}, the largest unmet need is {area}: {unreached} of the "
        "{reporting} reporting Parties are in need and reached by no registered activity.",
        "Parmi les {region}, le besoin non satisfait le plus important est : {area} ; "
        "{unreached} des {reporting} Parties ayant fait rapport sont dans le besoin sans "
        "être atteintes par aucune activité enregistrée.",
    ),
    "capacity.region.met": (
        "Among the {region}, every reported need is reached by a registered activity.",
        "Parmi les {region}, chaque besoin signalé est atteint par une activité enregistrée.",
    ),
    # contribution of capacity-building
    "contribution.more": (
        "Among the {reached} Parties reached by targeted activities serving this goal, "
        "{code} changed by {reached_change} points, against {other_change} among the "
        "{others} Parties not reached.",
        "Parmi les {reached} Parties atteintes par des activités ciblées servant cet "
        "objectif, {code} a évolué de {reached_change} points, contre {other_change} parmi "
        "les {others} Parties non atteintes.",
    ),
    # milestones
    "milestone.reached": (
        "{code} ({group}) has reached its milestone of {target}, with {latest}.",
        "{code} ({group}) a atteint son jalon de {target}, avec {latest}.",
    ),
    "milestone.on-track": (
        "{code} ({group}) is on track: the trend since the baseline reaches {projected} by "
        "{due}, against a milestone of {target}.",
        "{code} ({group}) est en bonne voie : la tendance depuis la base de référence atteint "
        "{projected} au {due}, pour un jalon de {target}.",
    ),
    "milestone.off-track": (
        "{code} ({group}) is off track: the trend since the baseline reaches {projected} by "
        "{due}, short of the milestone of {target}.",
        "{code} ({group}) n'est pas en bonne voie : la tendance depuis la base de référence "
        "atteint {projected} au {due}, en deçà du jalon de {target}.",
    ),
    "milestone.passed": (
        "{code} ({group}) is off track: the date of its milestone of {target}, {due}, had "
        "passed by the latest cycle, at {latest}.",
        "{code} ({group}) n'est pas en bonne voie : la date de son jalon de {target}, le "
        "{due}, était passée au dernier cycle, à {latest}.",
    ),
    "milestone.unassessed": (
        "{code} ({group}) cannot be assessed yet against its milestone of {target} by {due}.",
        "{code} ({group}) ne peut pas encore être évalué au regard de son jalon de {target} "
        "au {due}.",
    ),
    # key messages
    "summary.reporting": (
        "{complete_on_time} of the {parties} Parties ({share}) submitted a complete "
        "{ordinal} national report on time.",
        "{complete_on_time} des {parties} Parties ({share}) ont présenté à temps des "
        "{ordinal} rapports nationaux complets.",
    ),
    "summary.on-track": (
        "{count} of the {goals} goals are on track on their comparable indicators: {codes}.",
        "{count} des {goals} objectifs sont en bonne voie d'après leurs indicateurs "
        "comparables : {codes}.",
    ),
    "summary.on-track.one": (
        "Only goal {codes} is on track on its comparable indicators, one of {goals} goals "
        "({count}).",
        "Seul l'objectif {codes} est en bonne voie d'après ses indicateurs comparables, sur "
        "{goals} objectifs ({count}).",
    ),
    "summary.on-track.none": (
        "None of the {goals} goals is on track yet on its comparable indicators ({count}).",
        "Aucun des {goals} objectifs n'est encore en bonne voie d'après ses indicateurs "
        "comparables ({count}).",
    ),
    "summary.acceleration": (
        "For {count} goals progress is under way but must speed up: {codes}.",
        "Pour {count} objectifs, les progrès sont engagés mais doivent s'accélérer : {codes}.",
    ),
    "summary.off-track": (
        "{count} goals show no progress or regression: {codes}.",
        "{count} objectifs ne montrent aucun progrès ou une régression : {codes}.",
    ),
    "summary.acceleration.one": (
        "For goal {codes} progress is under way but must speed up ({count}).",
        "Pour l'objectif {codes}, les progrès sont engagés mais doivent s'accélérer ({count}).",
    ),
    "summary.off-track.one": (
        "Goal {codes} shows no progress or regression ({count}).",
        "L'objectif {codes} ne montre aucun progrès ou une régression ({count}).",
    ),
    "summary.insufficient.one": (
        "For goal {codes} the comparable data are too few to judge progress ({count}).",
        "Pour l'objectif {codes}, les données comparables sont trop peu nombreuses pour juger "
        "des progrès ({count}).",
    ),
    "summary.off-track.none": (
        "No goal shows regression on its comparable indicators ({count}).",
        "Aucun objectif ne montre de régression d'après ses indicateurs comparables ({count}).",
    ),
    "summary.insufficient": (
        "For {count} goals the comparable data are too few to judge progress: {codes}.",
        "Pour {count} objectifs, les données comparables sont trop peu nombreuses pour juger "
        "des progrès : {codes}.",
    ),
    "summary.region-behind": (
        "The {region} lag furthest behind: {count} goals show no progress or regression "
        "there, the most of any regional group.",
        "Les {region} accusent le plus de retard : {count} objectifs n'y montrent aucun "
        "progrès ou une régression, le plus grand nombre parmi les groupes régionaux.",
    ),
    "summary.improved": (
        "The largest comparable improvement is in {code}: {change} points, to {value}.",
        "La plus forte amélioration comparable concerne {code} : {change} points, pour "
        "atteindre {value}.",
    ),
    "summary.declined": (
        "The largest comparable decline is in {code}: {change} points, to {value}.",
        "Le plus fort recul comparable concerne {code} : {change} points, pour s'établir à "
        "{value}.",
    ),
    "summary.unmet-need": (
        "The largest unmet capacity-building need is {area}: {unreached} of the {parties} "
        "Parties that named it are reached by no registered activity.",
        "Le besoin de renforcement des capacités non satisfait le plus important est : "
        "{area} ; {unreached} des {parties} Parties qui l'ont cité ne sont atteintes par "
        "aucune activité enregistrée.",
    ),
    "summary.challenge": (
        "In their own words, Parties most often name {topic} as a challenge ({parties} Parties).",
        "Dans leurs propres termes, les Parties citent le plus souvent la difficulté "
        "suivante : {topic} ({parties} Parties).",
    ),
    # conclusions
    "conclusion.progress": (
        "Of the {goals} goals assessed, {on_track} are on track, {acceleration} need faster "
        "progress, {off_track} show no progress or regression and {insufficient} lack "
        "comparable data.",
        "Sur les {goals} objectifs évalués, {on_track} sont en bonne voie, {acceleration} "
        "exigent des progrès plus rapides, {off_track} ne montrent aucun progrès ou une "
        "régression et {insufficient} manquent de données comparables.",
    ),
    "conclusion.needs": (
        "Capacity-building has not yet reached every Party in need; the gap is widest in "
        "{area}, where {unreached} of the {parties} Parties in need are reached by no "
        "registered activity.",
        "Le renforcement des capacités n'atteint pas encore chaque Partie dans le besoin ; "
        "l'écart est le plus grand dans le domaine suivant : {area}, où {unreached} des "
        "{parties} Parties dans le besoin ne sont atteintes par aucune activité enregistrée.",
    ),
    "conclusion.needs.met": (
        "The registered capacity-building activities reach every Party in need.",
        "Les activités de renforcement des capacités enregistrées atteignent chaque Partie "
        "dans le besoin.",
    ),
    "conclusion.comparability": (
        "The changes of {not_comparable} indicators rest on a stand-in or a changed question "
        "and those of {insufficient} on too few data; they are left out of every judgement "
        "above, and a comparable baseline for them would sharpen the next evaluation.",
        "Les évolutions de {not_comparable} indicateurs reposent sur une question de "
        "substitution ou modifiée et celles de {insufficient} sur trop peu de données ; elles "
        "sont exclues de tous les jugements ci-dessus, et une base de référence comparable "
        "affinerait la prochaine évaluation.",
    ),
    "conclusion.challenges": (
        "In their own words, Parties point most often to {topics}.",
        "Dans leurs propres termes, les Parties évoquent le plus souvent : {topics}.",
    ),
}.items():
    template(_name, _en, _fr)
