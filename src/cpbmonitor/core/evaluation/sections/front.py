"""The front of the document: title page, introduction, data and method."""

from __future__ import annotations

from cpbmonitor.core.evaluation.inputs import REPORTS, CycleReporting, ReportInputs
from cpbmonitor.core.evaluation.model import (
    Block,
    Cell,
    Item,
    ItemList,
    Notice,
    Number,
    Paragraph,
    Quote,
    Ref,
    Section,
    Sentence,
    Table,
)
from cpbmonitor.core.evaluation.numbers import (
    date_number,
    day,
    group_label,
    join_words,
    number,
    ordinal,
)
from cpbmonitor.core.evaluation.sections import section
from cpbmonitor.core.evaluation.sections.common import (
    labels_at,
    number_cell,
    percent_of,
)
from cpbmonitor.core.evaluation.templates import say
from cpbmonitor.core.evaluation.words import tr
from cpbmonitor.core.indicators import GLOBAL, REGIONS, Summary

SOURCE_LABELS: dict[str, str] = {
    "national-reports": "National reports (answers)",
    "reporting-status": "National reports (submission dates and completeness)",
    "treaty-status": "Treaty status (Parties to the Supplementary Protocol)",
    "bch-records": "Biosafety Clearing-House records",
    "compliance-committee": "Compliance Committee records",
    "usage-statistics": "Biosafety Clearing-House usage statistics",
    "gef-funding": "GEF funding for national reports (imported table)",
    "not-measurable": "No source (not measurable)",
}
LINKAGE_WORDS = ("biodiversity framework", "Sustainable Development Goals")
NO_LINKAGES = (
    "Plan version {plan} records no linkage of its goals to the Kunming-Montreal Global "
    "Biodiversity Framework or to the Sustainable Development Goals."
)


def document_title(inputs: ReportInputs) -> str:
    return tr("Progress in implementing the Cartagena Protocol on Biosafety")


def document_subtitle(inputs: ReportInputs) -> str:
    text = tr("{plan}: {ordinal} national reports").format(
        plan=inputs.plan.title, ordinal=ordinal(inputs.cycle)
    )
    if inputs.baseline is not None:
        text += tr(" against the baseline of the {ordinal} national reports").format(
            ordinal=ordinal(inputs.baseline)
        )
    return text


GENERATED_REPORTS = (
    "Every figure in this document is computed from generated reports that only look like "
    "national reports; none of them describes a real Party."
)


def demonstration_notice(inputs: ReportInputs) -> tuple[Block, ...]:
    """The notice that some inputs are made up, naming them."""
    if not inputs.demonstration:
        return ()
    made_up = inputs.demonstration_of or (REPORTS,)
    others = join_words(tr(name) for name in made_up if name != REPORTS)
    parts = [f"{tr(inputs.demonstration)}."]
    if REPORTS in made_up:
        parts.append(tr(GENERATED_REPORTS))
        if others:
            parts.append(tr("The {others} it uses are made up as well.").format(others=others))
    else:
        parts.append(
            tr(
                "The {others} this document uses are made up to show how CPB Monitor works; "
                "none of them is real."
            ).format(others=others)
        )
    return (Notice("demonstration", " ".join(parts)),)


def annex_source(inputs: ReportInputs, paragraph: int) -> str:
    return tr("Annex to {document}, paragraph {number}").format(
        document=inputs.plan.source.document, number=paragraph
    )


@section("title-page", 10)
def title_page(inputs: ReportInputs) -> Section:
    plan, evaluation = inputs.plan, inputs.evaluation
    due = tr("{ordinal} national reports, due by {day}")
    items = [
        Item(tr("Plan version"), f"{plan.id}: {plan.title}"),
        Item(
            tr("Plan document"),
            tr("{document} of {day}").format(
                document=plan.source.document, day=day(plan.source.date)
            ),
        ),
        Item(
            tr("Cycle measured"),
            due.format(ordinal=ordinal(inputs.cycle), day=day(evaluation.cycle.deadline)),
        ),
    ]
    if evaluation.baseline is not None:
        items.append(
            Item(
                tr("Baseline"),
                due.format(
                    ordinal=ordinal(evaluation.baseline.number),
                    day=day(evaluation.baseline.deadline),
                ),
            )
        )
    items.append(
        Item(tr("Generated"), tr("{day} by CPB Monitor").format(day=day(inputs.generated_on)))
    )
    blocks: tuple[Block, ...] = (
        *demonstration_notice(inputs),
        ItemList(tuple(items)),
        Paragraph(
            (
                tr(
                    "Every table, chart and sentence that states a figure in this document is "
                    "generated from the data; the key messages, conclusions and draft "
                    "recommendations are computed from the comparable changes and the progress "
                    "statuses by rules, and marked as drafts for the Secretariat to review."
                ),
            )
        ),
    )
    return Section("title-page", document_title(inputs), blocks, kind="title")


# -- introduction ---------------------------------------------------------------------------


def measured_count(inputs: ReportInputs, codes: tuple[str, ...]) -> int:
    evaluation = inputs.evaluation
    return sum(evaluation.result(code).overall.value is not None for code in codes)


def summary_numbers(inputs: ReportInputs, summary: Summary, subject: str) -> dict[str, Number]:
    """The numbers of one row of the goals table, as ``Number``s referring to it."""
    values = {
        "indicators": len(summary.indicators),
        "measured": measured_count(inputs, summary.indicators),
        "compared": summary.improved + summary.no_change + summary.declined,
        "improved": summary.improved,
        "no_change": summary.no_change,
        "declined": summary.declined,
        "not_comparable": summary.not_comparable,
        "insufficient": summary.insufficient_data,
    }
    return {k: number(v, "count", Ref("goals", subject, k)) for k, v in values.items()}


def total_summary(inputs: ReportInputs) -> Summary:
    goals = inputs.evaluation.goals
    return Summary(
        kind="goal",
        code="all",
        title="All goals",
        indicators=tuple(code for goal in goals for code in goal.indicators),
        improved=sum(g.improved for g in goals),
        no_change=sum(g.no_change for g in goals),
        declined=sum(g.declined for g in goals),
        not_compared=sum(g.not_compared for g in goals),
        not_comparable=sum(g.not_comparable for g in goals),
        insufficient_data=sum(g.insufficient_data for g in goals),
    )


GOALS_COLUMNS = (
    "Goal",
    "Title",
    "Indicators",
    "Measured",
    "Compared with baseline",
    "Improved",
    "No change",
    "Declined",
    "Change not comparable",
    "Change on too few data",
)


def goals_table(inputs: ReportInputs) -> Table:
    rows = []
    for summary in (*inputs.evaluation.goals, total_summary(inputs)):
        numbers = summary_numbers(inputs, summary, summary.code)
        code = "" if summary.code == "all" else summary.code
        rows.append(
            (
                Cell(code, "code"),
                Cell(tr(summary.title) if summary.code == "all" else summary.title),
                *(number_cell(n) for n in numbers.values()),
            )
        )
    return Table(
        "goals",
        tr("Indicators of each goal and their change since the baseline"),
        tuple(tr(c) for c in GOALS_COLUMNS),
        tuple(rows),
    )


def purpose_sentence(inputs: ReportInputs) -> Sentence:
    if inputs.baseline is None:
        return say("intro.purpose.nobaseline", ordinal=ordinal(inputs.cycle))
    return say("intro.purpose", ordinal=ordinal(inputs.cycle), baseline=ordinal(inputs.baseline))


def linkage_blocks(inputs: ReportInputs) -> tuple[Block, ...]:
    quotes = tuple(
        Quote(p.text, annex_source(inputs, p.number))
        for p in inputs.plan.narrative.linkages
        if any(words in p.text for words in LINKAGE_WORDS)
    )
    if inputs.linkages is None:
        return (
            *quotes,
            Notice(
                "not-available",
                tr(
                    "The linkages of each goal to the Kunming-Montreal Global Biodiversity "
                    "Framework and to the Sustainable Development Goals are not available in "
                    "this report."
                ),
            ),
        )
    if not inputs.linkages:
        return (*quotes, Notice("info", tr(NO_LINKAGES).format(plan=inputs.plan.id)))
    rows = tuple(
        (Cell(link.goal, "code"), Cell(link.framework), Cell(link.target), Cell(link.basis))
        for link in inputs.linkages
    )
    table = Table(
        "linkages",
        tr("Linkages of the goals"),
        tuple(tr(c) for c in ("Goal", "Framework", "Target or goal", "Basis")),
        rows,
    )
    return (*quotes, table)


@section("introduction", 20)
def introduction(inputs: ReportInputs) -> Section:
    plan = inputs.plan
    totals = summary_numbers(inputs, total_summary(inputs), "all")
    overview = say("plan.overview", ordinal=ordinal(inputs.cycle), **totals)
    blocks: tuple[Block, ...] = (
        Paragraph((purpose_sentence(inputs),)),
        *(
            Quote(p.text, annex_source(inputs, p.number))
            for p in plan.narrative.evaluation_and_review
        ),
        Paragraph((overview,)),
        goals_table(inputs),
    )
    linkages = Section("linkages", tr("Linkages"), linkage_blocks(inputs))
    return Section("introduction", tr("Introduction"), blocks, (linkages,))


# -- data and method ------------------------------------------------------------------------


def reporting_numbers(cycle: CycleReporting, group: str) -> dict[str, Number]:
    totals = cycle.totals[group]
    subject = f"reports-{cycle.number}"
    values = {
        "parties": totals.parties,
        "submitted": totals.submitted,
        "complete": totals.complete,
        "complete_on_time": totals.complete_on_time,
    }
    numbers = {k: number(v, "count", Ref(subject, group, k)) for k, v in values.items()}
    share = percent_of(totals.complete_on_time, totals.parties)
    if share is not None:
        numbers["share"] = number(share, "percent", Ref(subject, group, "share"))
    return numbers


REPORTING_COLUMNS_KEYS = ("parties", "submitted", "complete", "complete_on_time")
REPORTING_COLUMNS = (
    "Group",
    "Parties",
    "Reports submitted",
    "Complete",
    "Complete and on time",
    "Share complete and on time",
)


def reporting_table(cycle: CycleReporting) -> Table:
    rows = []
    for group in (GLOBAL, *REGIONS):
        if group not in cycle.totals:
            continue
        numbers = reporting_numbers(cycle, group)
        rows.append(
            (
                Cell(group_label(group)),
                *(number_cell(numbers[k]) for k in REPORTING_COLUMNS_KEYS),
                number_cell(numbers.get("share"), "percent"),
            )
        )
    caption = tr("Reporting in the {ordinal} cycle, by regional group").format(
        ordinal=ordinal(cycle.number)
    )
    columns = tuple(tr(c) for c in REPORTING_COLUMNS)
    return Table(f"reports-{cycle.number}", caption, columns, tuple(rows))


def reporting_sentences(cycle: CycleReporting) -> tuple[Sentence, ...]:
    world = reporting_numbers(cycle, GLOBAL)
    if "share" not in world:
        return ()
    deadline = date_number(cycle.deadline, Ref(f"reports-{cycle.number}", GLOBAL, "deadline"))
    fields = {k: world[k] for k in ("parties", "submitted", "complete_on_time", "share")}
    sentences = [say("reporting.cycle", ordinal=ordinal(cycle.number), deadline=deadline, **fields)]
    shares = {
        group: float(totals.complete_on_time) / totals.parties
        for group in REGIONS
        if (totals := cycle.totals.get(group)) is not None and totals.parties
    }
    if len(shares) >= 2 and min(shares.values()) != max(shares.values()):
        low = min(shares, key=lambda g: shares[g])
        high = max(shares, key=lambda g: shares[g])
        sentences.append(
            say(
                "reporting.range",
                low=reporting_numbers(cycle, low)["share"],
                low_groups=labels_at(shares, shares[low]),
                high=reporting_numbers(cycle, high)["share"],
                high_groups=labels_at(shares, shares[high]),
            )
        )
    return tuple(sentences)


def cycles_table(inputs: ReportInputs) -> Table:
    evaluation = inputs.evaluation
    rows = []
    roles = [("measured", evaluation.cycle)]
    if evaluation.baseline is not None:
        roles.append(("baseline", evaluation.baseline))
    for role, cycle in roles:
        due = date_number(cycle.deadline, Ref(f"reports-{cycle.number}", GLOBAL, "deadline"))
        rows.append(
            (
                Cell(tr("{ordinal} national reports").format(ordinal=ordinal(cycle.number))),
                Cell(tr(role)),
                Cell(cycle.schema, "code"),
                number_cell(due, "date"),
            )
        )
    return Table(
        "cycles",
        tr("Reporting cycles compared"),
        tuple(tr(c) for c in ("Cycle", "Role", "Format", "Due by")),
        tuple(rows),
    )


def settings_table(inputs: ReportInputs) -> tuple[Table, Sentence]:
    threshold = number(
        inputs.evaluation.settings.change_threshold,
        "decimal",
        Ref("settings", GLOBAL, "change_threshold"),
    )
    table = Table(
        "settings",
        tr("Settings of the comparison"),
        (tr("Setting"), tr("Value")),
        (
            (
                Cell(tr("Smallest change counted as an improvement or a decline")),
                number_cell(threshold),
            ),
        ),
    )
    return table, say("method.threshold", threshold=threshold)


def source_status(inputs: ReportInputs, codes: tuple[str, ...]) -> str:
    results = [inputs.evaluation.result(c) for c in codes]
    if any(r.overall.value is not None for r in results):
        return tr("read")
    entry = inputs.methodology.entry(codes[0]) if codes else None
    if entry is not None and entry.source == "not-measurable":
        return tr("no source")
    note = results[0].overall.note if results else None
    return tr((note or "no data").split(":")[0])


def sources_table(inputs: ReportInputs) -> Table:
    rows = []
    for source in inputs.sources:
        subject = f"source-{source.name}-{'-'.join(source.indicators)}"
        dates = [
            None if day_ is None else date_number(day_, Ref(subject, GLOBAL, field))
            for day_, field in (
                (source.snapshot, "snapshot"),
                (source.baseline_snapshot, "baseline_snapshot"),
            )
        ]
        rows.append(
            (
                Cell(tr(SOURCE_LABELS.get(source.name, source.name))),
                Cell(join_words(source.indicators), "code"),
                number_cell(dates[0], "date"),
                number_cell(dates[1], "date"),
                Cell(source.note or source_status(inputs, source.indicators)),
            )
        )
    return Table(
        "sources",
        tr("Sources of the data and the dates of the data used"),
        tuple(
            tr(c) for c in ("Source", "Indicators", "Data as of", "Baseline data as of", "Status")
        ),
        tuple(rows),
    )


METHOD_TEXT = (
    "Each indicator is computed from the data as its methodology (annex) says. Most are "
    "percentages of Parties: the Parties that meet the indicator's rule, out of the "
    "Parties of its population in the cycle, for the world and for each regional group; "
    "the European Union counts in the world figure only. A Party counts with its latest "
    "report of the cycle; reports of governments that were not Parties on the deadline "
    "are left out."
)


@section("data-and-method", 30)
def data_and_method(inputs: ReportInputs) -> Section:
    table, threshold_sentence = settings_table(inputs)
    blocks: list[Block] = [
        *demonstration_notice(inputs),
        Paragraph((tr(METHOD_TEXT), threshold_sentence)),
        cycles_table(inputs),
        table,
    ]
    for number_ in (inputs.cycle, inputs.baseline):
        if number_ is None or number_ not in inputs.reporting:
            continue
        cycle = inputs.reporting[number_]
        sentences = reporting_sentences(cycle)
        blocks += (
            [Paragraph(sentences), reporting_table(cycle)]
            if sentences
            else [reporting_table(cycle)]
        )
    if inputs.sources:
        blocks.append(sources_table(inputs))
    return Section("data-and-method", tr("Data and method"), tuple(blocks))
