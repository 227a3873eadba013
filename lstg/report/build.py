"""Building a report from a data set: scope, period, roll-up, targets, change, provenance.

Every figure comes from :mod:`lstg.indicators`; this module chooses which figures a
report shows, over which window, and names the units they belong to.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

from lstg.core.errors import UserError
from lstg.core.i18n import _, using
from lstg.criteria.rules import year_spans
from lstg.criteria.words import span_words
from lstg.dataset import ClubData
from lstg.domain import places
from lstg.domain.periods import Window
from lstg.domain.resolve import Resolved
from lstg.indicators import Figures, Rollup, club_figures, clubs_in, in_report, rollup
from lstg.indicators.completeness import Completeness, completeness
from lstg.indicators.facts import AnyClub, Clubs
from lstg.indicators.figures import SINCE_FOUNDING
from lstg.indicators.registry import ratio_parts
from lstg.indicators.report_extras import change, has_borrowed
from lstg.indicators.sets import Selection
from lstg.report.model import (
    FIGURE_KINDS,
    Change,
    ClubNote,
    Level,
    MemberLine,
    Name,
    Report,
    Row,
    Scope,
    Target,
    TargetCounts,
    UnitTargets,
)
from lstg.report.names import province_name, split_name
from lstg.report.particulars import particulars
from lstg.report.provenance import Provenance
from lstg.report.request import Request, UnknownScope, period_part, resolve_request
from lstg.report.targets import club_targets, member_band, unit_targets
from lstg.schema import Plan, Province
from lstg.schema.province import Era

CHANGE_FIGURES: tuple[str, ...] = (
    "clubs",
    "clubs_operating",
    "members",
    "members_older",
    "members_women",
    "board_members",
    "borrowers",
    "borrower_share",
    "loans_disbursed",
    "loans_disbursed_amount",
    "principal_outstanding",
    "fund_income",
    "fund_activity",
    "meetings_held",
    "attendance_rate",
    "members_health_checked",
    "home_care_visits",
)
"""The figures compared with the previous period of the same length."""


def _child_level(province: Province, window: Window, plan: Plan | None) -> places.Level:
    """Districts or communes: the plan's ``units`` if it says, else those in force at the
    as-of date (the window's end), like every stock of the report.

    A review of 2021–2025 is made by district, even after the July 2025 reform.
    """
    if plan is not None and plan.units is not None:
        return plan.units
    return places.default_level(province, window.end)


def _rollups(
    dataset: Clubs, request: Request, window: Window, previous: Window, plan: Plan | None
) -> tuple[Rollup, Rollup]:
    province = dataset.province
    assert province is not None
    if request.level == "province":
        child = _child_level(province, window, plan)
        now = rollup(dataset, level="province", unit=None, window=window, child_level=child)
        before = rollup(dataset, level="province", unit=None, window=previous, child_level=child)
        return now, before
    level: Literal["district", "commune"] = "district" if request.level == "district" else "commune"
    try:
        now = rollup(dataset, level=level, unit=request.name, window=window)
    except places.UnknownPlace as exc:
        raise UnknownScope(str(exc)) from None
    assert now.unit is not None
    # The same territory over the previous window: the clubs that lie in this unit,
    # even if the units of that time had other codes (or reused this one).
    before = rollup(dataset, level=level, unit=now.unit, window=previous)
    return now, before


def _club(dataset: Clubs, club_id: str) -> AnyClub:
    data = dataset.clubs.get(club_id)
    if data is None or data.club is None:
        known = ", ".join(sorted(i for i, d in dataset.clubs.items() if d.club is not None))
        raise UnknownScope(
            _("Unknown club “{club}”. Known clubs: {known}").format(club=club_id, known=known)
        )
    return data


def _note(province: Province, data: AnyClub, day: date, with_district: bool) -> ClubNote:
    assert data.club is not None
    # the commune in the units of the report's date (a 2026 report names new communes),
    # else as the club records it
    commune = places.club_unit(province, data.club, "commune", day) or places.club_commune(
        province, data.club
    )
    district = places.club_unit(province, data.club, "district", day) if with_district else None
    return ClubNote(
        name=data.club.name,
        commune=split_name(commune.name) if commune else None,
        district=split_name(district.name) if district else None,
        founded=data.club.founded,
    )


def _preparing(
    dataset: Clubs, clubs: Sequence[AnyClub], window: Window, with_district: bool
) -> list[ClubNote]:
    province = dataset.province
    assert province is not None
    notes = []
    for data in clubs:
        if data.club is None or not in_report(data, window):
            continue
        if club_figures(data, window).clubs_preparing:
            notes.append(_note(province, data, window.end, with_district))
    return sorted(notes, key=lambda n: (n.founded, n.name))


def _members(data: AnyClub, day: date) -> list[MemberLine]:
    assert data.club is not None
    assert isinstance(data, ClubData), "a club's report is made from its records"
    since_founding = Window(SINCE_FOUNDING, day)
    lines = []
    for member in data.members_on(day):
        seat = next((s for s in data.club.board if s.member == member.id and s.held_on(day)), None)
        lines.append(
            MemberLine(
                id=member.id,
                name=member.name,
                gender=member.gender,
                birth_year=member.known_birth_year,
                joined=member.joined,
                board_role=seat.role if seat else None,
                borrowed=has_borrowed(data, member.id, since_founding),
            )
        )
    return lines


def _changes(now: Figures, before: Figures) -> list[Change]:
    return [
        Change(
            key,
            FIGURE_KINDS[key],
            getattr(now, key),
            getattr(before, key),
            change(getattr(now, key), getattr(before, key)),
            parts=(now.parts[key], before.parts[key]) if key in now.parts else None,
        )
        for key in CHANGE_FIGURES
    ]


def _counts(targets: Sequence[Target]) -> TargetCounts:
    statuses = [t.status for t in targets]
    return TargetCounts(
        met=statuses.count("met"),
        exceeded=statuses.count("exceeded"),
        not_met=statuses.count("not_met"),
        no_data=statuses.count("no_data"),
    )


@dataclass(frozen=True, slots=True)
class _Part:
    """What a club report or a unit report contributes to the report."""

    scope: Scope
    totals: Figures
    before: Figures
    rows: list[Row]
    row_level: Level
    unit_level: Level
    preparing: list[ClubNote]
    units_without: list[Name]
    members: list[MemberLine] | None
    targets: list[Target]
    unit_targets: list[UnitTargets]
    clubs: list[AnyClub]
    """The clubs the figures count."""


def _club_part(dataset: Clubs, request: Request, resolved: Resolved, previous: Window) -> _Part:
    province = dataset.province
    assert province is not None
    window, plan = resolved.window, resolved.plan
    data = _club(dataset, request.name or "")
    assert data.club is not None
    totals = club_figures(data, window)
    name = Name(data.club.name, data.club.name, "", data.club.name)
    targets = (
        club_targets(plan, data, as_of=window.end, period=window, language=request.lang)
        if plan
        else []
    )
    return _Part(
        scope=Scope("club", name, data.id, province.name),
        totals=totals,
        before=club_figures(data, previous),
        rows=[Row(name, data.id, totals)],
        row_level="club",
        unit_level="club",
        preparing=_preparing(dataset, [data], window, with_district=True),
        units_without=[],
        members=_members(data, window.end) if request.members else None,
        targets=targets,
        unit_targets=[],
        clubs=[data],
    )


def _unit_part(dataset: Clubs, request: Request, resolved: Resolved, previous: Window) -> _Part:
    province = dataset.province
    assert province is not None
    window, plan = resolved.window, resolved.plan
    now, then = _rollups(dataset, request, window, previous, plan)
    rows = [Row(split_name(r.name), r.code, r.figures) for r in now.rows]
    targets: list[Target] = []
    by_unit: list[UnitTargets] = []
    if plan is not None:
        targets, by_unit = unit_targets(
            dataset, plan, place=now.unit, as_of=window.end, period=window, language=request.lang
        )
    if now.unit is None:
        row_level: Level = now.rows[0].kind if now.rows else "district"
        return _Part(
            scope=Scope("province", province_name(province), province.code, province.name),
            totals=now.totals,
            before=then.totals,
            rows=rows,
            row_level=row_level,
            unit_level=row_level,
            preparing=_preparing(
                dataset, clubs_in(dataset, None), window, with_district=row_level == "district"
            ),
            units_without=[r.name for r in rows if r.figures.clubs == 0],
            members=None,
            targets=targets,
            unit_targets=by_unit,
            clubs=clubs_in(dataset, None),
        )
    return _Part(
        scope=Scope(now.level, split_name(now.unit.name), now.unit.code, province.name),
        totals=now.totals,
        before=then.totals,
        rows=rows,
        row_level="club",
        unit_level="commune",
        preparing=_preparing(dataset, clubs_in(dataset, now.unit), window, with_district=False),
        units_without=[],
        members=None,
        targets=targets,
        unit_targets=by_unit,
        clubs=clubs_in(dataset, now.unit),
    )


def _unit_words(province: Province, day: date, language: str) -> dict[str, str]:
    """How the units of each level read, from the kinds of the units in force at ``day`` (the
    districts of the latest era that had them, for a review by district after the reform)."""
    words: dict[str, str] = {"club": _("Club")}
    eras: dict[places.Level, Era | None] = {
        "district": places.district_era(province, day),
        "commune": places.commune_era(province, day),
    }
    for level, era in eras.items():
        text = "" if era is None else places.era_unit_words(era, level, language=language)
        words[level] = text[:1].upper() + text[1:]
    return words


def build_report(
    dataset: Clubs,
    request: Request,
    *,
    provenance: Provenance,
    today: date,
) -> Report:
    """The report that ``request`` asks for, in its language (see :func:`_build`)."""
    with using(request.lang):
        return _build(dataset, request, provenance=provenance, today=today)


def _build(
    dataset: Clubs,
    request: Request,
    *,
    provenance: Provenance,
    today: date,
) -> Report:
    """The report that ``request`` asks for, from ``dataset``.

    Args:
        provenance: the data's commit and the generation time.
        today: the day the report is made: no as-of date may be after it.

    Raises:
        UnknownScope: the district, commune or club is not in the data.
        UsageError: the period and plan do not fit the data.
        UserError: the data has no province file.
    """
    province = dataset.province
    if province is None:
        raise UserError(_("The data folder has no readable province file"))
    resolved = resolve_request(dataset, request, today=today)
    window = resolved.window
    previous = resolved.period.previous()
    previous_window = Window(previous.start, previous.end)

    make = _club_part if request.level == "club" else _unit_part
    part = make(dataset, request, resolved, previous_window)
    plan = resolved.plan
    done = completeness(dataset, part.clubs, window)
    spans = year_spans(window)
    basis = span_words(spans[-1], request.lang) if len(spans) > 1 else None
    return Report(
        lang=request.lang,
        scope=part.scope,
        period_label=resolved.period.label,
        period_kind=resolved.period.kind,
        period_part=period_part(resolved.period),
        start=window.start,
        end=resolved.period.end,
        as_of=window.end,
        row_level=part.row_level,
        unit_level=part.unit_level,
        totals=part.totals,
        units_without_clubs=part.units_without,
        preparing=part.preparing,
        rows=part.rows,
        targets=part.targets,
        target_counts=_counts(part.targets),
        plan_id=plan.id if plan else None,
        plan_name=plan.name.get(request.lang) if plan else None,
        previous_label=previous.label,
        previous_start=previous.start,
        previous_end=previous.end,
        changes=_changes(part.totals, part.before),
        provenance=provenance,
        members=part.members,
        member_band=member_band(plan) if plan else None,
        data_errors=sum(1 for p in dataset.problems if p.is_error),
        unit_targets=part.unit_targets,
        completeness=done,
        not_reporting=_not_reporting(dataset, done, window, part.row_level == "district"),
        criteria_basis=basis,
        unit_words=_unit_words(province, window.end, request.lang),
        no_plan=resolved.no_plan,
        borrower_base=_borrower_base(dataset, part.clubs, window),
        particulars=particulars(
            dataset.reports,
            level=part.scope.level,
            code=part.scope.code,
            today=today,
            signed=request.signed,
            number=request.number,
        ),
    )


def _borrower_base(dataset: Clubs, clubs: Sequence[AnyClub], window: Window) -> int | None:
    """The denominator of the report's borrower share (since founding), as the roll-up divides."""
    selection = Selection(dataset.province, tuple(clubs))
    _, base = ratio_parts("borrower_share", selection, Window(SINCE_FOUNDING, window.end))
    return None if base is None else int(base)


def _not_reporting(
    dataset: Clubs, done: Completeness, window: Window, with_district: bool
) -> list[ClubNote]:
    province = dataset.province
    assert province is not None
    notes = [
        _note(province, dataset.clubs[i], window.end, with_district) for i in done.not_reporting
    ]
    return sorted(notes, key=lambda n: n.name)
