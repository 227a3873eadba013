"""A national report made from provinces' JSON reports alone: ``lstg report --from``.

The national body receives aggregates, never member records. Each province sends
its ``lstg report --province --format json``; the national report adds them up:

- counts and amounts are the sums of the provinces' totals (a figure no province
  has is "chưa có số liệu", as for clubs without records);
- every share is the ratio of the sums of its numerator and denominator, which each
  summary carries (``parts``), so that the national share is exactly the one the
  clubs' records give, not an average of the provinces' shares;
- ``units_with_clubs`` and ``units_total`` count provinces: those with a club, and
  those whose summaries were given;
- the change since the previous period adds the provinces' previous figures in the
  same way.

Every summary must be a province report of the same period and as-of date, each
province once. The national report has no plan targets (they are set per province)
and its particulars are blanks to fill in, unless ``--number`` and ``--signed`` say.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from lstg.core.errors import UsageError, UserError
from lstg.core.i18n import _, using
from lstg.domain.periods import parse_period
from lstg.indicators import FIGURE_NAMES, Figures
from lstg.indicators.completeness import Completeness
from lstg.indicators.figures import SHARE_NAMES, without_units
from lstg.indicators.report_extras import change
from lstg.indicators.sets import Number, share
from lstg.report.build import CHANGE_FIGURES
from lstg.report.model import (
    FIGURE_KINDS,
    Change,
    Name,
    Report,
    Row,
    Scope,
    Source,
    TargetCounts,
)
from lstg.report.particulars import Particulars
from lstg.report.provenance import Provenance
from lstg.report.request import period_part

MAX_BYTES = 20_000_000
"""A province's summary is tens of kilobytes; a file larger than this is not one."""

_LEVELS = {
    "nation": lambda: _("country"),
    "district": lambda: _("district"),
    "commune": lambda: _("commune"),
    "club": lambda: _("club"),
}


class SummaryError(UserError):
    """A file given to ``--from`` is not a province report lstg can add up."""


@dataclass(frozen=True, slots=True)
class Summary:
    """One province's report, as read from its JSON."""

    path: Path
    code: str
    name: str
    full_name: str
    start: date
    end: date
    label: str
    as_of: date
    previous: tuple[str, date, date]
    totals: dict[str, Number | None]
    parts: dict[str, tuple[Number | None, Number | None]]
    before: dict[str, Number | None]
    before_parts: dict[str, tuple[Number | None, Number | None]]
    data_errors: int
    fictional: bool
    commit: str | None
    generated_at: str | None


def _fail(path: Path, what: str) -> SummaryError:
    return SummaryError(f"{path}: {what}")


def _number(value: Any) -> bool:
    return value is None or (isinstance(value, int | float) and not isinstance(value, bool))


def _pair(path: Path, name: str, value: Any) -> tuple[Number | None, Number | None]:
    if not (isinstance(value, list) and len(value) == 2 and all(_number(v) for v in value)):
        raise _fail(path, _("the parts of “{name}” are not two numbers").format(name=name))
    return value[0], value[1]


def _figures(path: Path, where: str, values: Any) -> dict[str, Number | None]:
    if not isinstance(values, dict):
        raise _fail(path, _("“{where}” is not a set of figures").format(where=where))
    found: dict[str, Number | None] = {}
    for name in FIGURE_NAMES:
        if name not in values:
            raise _fail(path, _("“{where}” has no figure “{name}”").format(where=where, name=name))
        if not _number(values[name]):
            raise _fail(
                path,
                _("the figure “{name}” of “{where}” is not a number").format(
                    name=name, where=where
                ),
            )
        found[name] = values[name]
    return found


def _parts(path: Path, where: str, values: Any) -> dict[str, tuple[Number | None, Number | None]]:
    if not isinstance(values, dict) or not all(name in values for name in SHARE_NAMES):
        raise _fail(
            path,
            _(
                "“{where}” has no parts of its shares: make the summary again with "
                "lstg report --province --format json of this version"
            ).format(where=where),
        )
    return {name: _pair(path, name, values[name]) for name in SHARE_NAMES}


def _day(path: Path, value: Any, where: str) -> date:
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise _fail(path, _("“{where}” is not a date").format(where=where)) from None


def read_summary(path: Path) -> Summary:
    """A province's summary from its JSON report.

    Raises:
        SummaryError: the file cannot be read, is not JSON, or is not a province report
            with the figures and their parts.
    """
    from lstg.core.safefiles import NotRegular, TooLarge, read_regular

    try:
        raw = read_regular(path, limit=MAX_BYTES)
    except TooLarge:
        raise _fail(path, _("is larger than a summary can be")) from None
    except NotRegular:
        raise _fail(path, _("is not a regular file")) from None
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise _fail(path, _("cannot be read ({reason})").format(reason=reason)) from None
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise _fail(path, _("is not UTF-8 text")) from None
    except json.JSONDecodeError as exc:
        raise SummaryError(
            f"{path}:{exc.lineno}:{exc.colno}: " + _("not JSON ({reason})").format(reason=exc.msg)
        ) from None
    if not isinstance(data, dict) or not isinstance(data.get("scope"), dict):
        raise _fail(path, _("is not a report of lstg in JSON"))
    scope = data["scope"]
    if scope.get("level") != "province":
        raise _fail(
            path,
            _("is a report of a {level}, not of a province").format(
                level=_LEVELS[scope["level"]]() if scope.get("level") in _LEVELS else "?"
            ),
        )
    if data.get("shares") != "percent":
        raise _fail(path, _("does not give its shares in percent"))
    totals = data.get("totals")
    period = _mapping(data.get("period"))
    previous = _mapping(data.get("previous_period"))
    changes = data["changes"] if isinstance(data.get("changes"), list) else []
    before: dict[str, Number | None] = {}
    before_parts: dict[str, tuple[Number | None, Number | None]] = {}
    for item in changes:
        if isinstance(item, dict) and item.get("figure") in CHANGE_FIGURES:
            name = item["figure"]
            if not _number(item.get("previous")):
                raise _fail(path, _("the change of “{name}” is not a number").format(name=name))
            before[name] = item.get("previous")
            if name in SHARE_NAMES:
                before_parts[name] = _pair(path, name, item.get("previous_parts"))
    provenance = _mapping(data.get("provenance"))
    return Summary(
        path=path,
        code=str(scope.get("code", "")),
        name=str(scope.get("name", "")),
        full_name=str(scope.get("full_name") or scope.get("name", "")),
        start=_day(path, period.get("start"), "period.start"),
        end=_day(path, period.get("end"), "period.end"),
        label=str(period.get("label", "")),
        as_of=_day(path, data.get("as_of"), "as_of"),
        previous=(
            str(previous.get("label", "")),
            _day(path, previous.get("start"), "previous_period.start"),
            _day(path, previous.get("end"), "previous_period.end"),
        ),
        totals=_figures(path, "totals", totals),
        parts=_parts(path, "totals", totals.get("parts") if isinstance(totals, dict) else None),
        before=before,
        before_parts=before_parts,
        data_errors=int(data.get("data_errors") or 0),
        fictional=bool(data.get("fictional")),
        commit=provenance.get("commit") if isinstance(provenance.get("commit"), str) else None,
        generated_at=str(provenance.get("generated_at") or "") or None,
    )


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _sum(values: Iterable[Number | None]) -> Number | None:
    known = [v for v in values if v is not None]
    return sum(known) if known else None


def _sum_parts(
    pairs: Iterable[tuple[Number | None, Number | None]],
) -> tuple[Number | None, Number | None]:
    both = [(a, b) for a, b in pairs if a is not None and b is not None]
    if not both:
        return None, None
    return sum(a for a, _b in both), sum(b for _a, b in both)


def add_up(
    totals: Sequence[dict[str, Number | None]],
    parts: Sequence[dict[str, tuple[Number | None, Number | None]]],
) -> Figures:
    """The national figures of provinces' totals and the parts of their shares."""
    summed_parts = {name: _sum_parts(p[name] for p in parts) for name in SHARE_NAMES}
    values: dict[str, Number | None] = {}
    for name in FIGURE_NAMES:
        if name in SHARE_NAMES:
            values[name] = share(*summed_parts[name])
        elif name == "units_with_clubs":
            values[name] = sum(1 for t in totals if (t.get("clubs") or 0) > 0)
        elif name == "units_total":
            values[name] = len(totals)
        else:
            values[name] = _sum(t.get(name) for t in totals)
    return Figures(**values, parts=summed_parts)  # type: ignore[arg-type]


def _same(summaries: Sequence[Summary]) -> None:
    first = summaries[0]
    seen: dict[str, Path] = {}
    for s in summaries:
        if (s.start, s.end, s.as_of) != (first.start, first.end, first.as_of):
            raise UsageError(
                _(
                    "{one} is of {period} as of {day}, {other} of {other_period} as of "
                    "{other_day}: every summary must be of the same period and date"
                ).format(
                    one=first.path,
                    period=first.label,
                    day=first.as_of.isoformat(),
                    other=s.path,
                    other_period=s.label,
                    other_day=s.as_of.isoformat(),
                )
            )
        if s.code in seen:
            raise UsageError(
                _("{one} and {other} are both of {province}: give each province once").format(
                    one=seen[s.code], other=s.path, province=s.name
                )
            )
        seen[s.code] = s.path


def national_report(
    paths: Sequence[Path],
    *,
    lang: str,
    generated_at: datetime,
    number: int | None = None,
    signed: date | None = None,
) -> Report:
    """The national report of the provinces' summaries at ``paths``.

    Raises:
        SummaryError: a file is not a province summary.
        UsageError: no file, or summaries of different periods, or a province twice.
    """
    from lstg import __version__

    if not paths:
        raise UsageError(_("--from needs the provinces' JSON reports"))
    summaries = sorted((read_summary(p) for p in paths), key=lambda s: (s.name, s.code))
    _same(summaries)
    first = summaries[0]
    with using(lang):
        nation = _("the whole country")
        province_words = _("Province, city")
        no_plan = _(
            "A national report made from provinces' summaries is not measured against a "
            "plan: each province's targets are in its own report."
        )
    totals = add_up([s.totals for s in summaries], [s.parts for s in summaries])
    before_values = [{**{n: None for n in FIGURE_NAMES}, **s.before} for s in summaries]
    before_parts = [
        {n: s.before_parts.get(n, (None, None)) for n in SHARE_NAMES} for s in summaries
    ]
    before = add_up(before_values, before_parts)
    rows = [
        Row(
            Name(full=s.full_name, short=s.name, kind="", in_sentence=s.full_name),
            s.code,
            without_units(add_up([s.totals], [s.parts])),
        )
        for s in summaries
    ]
    period = parse_period(first.label) if first.label else None
    months_expected = totals.months_expected
    return Report(
        lang=lang,
        scope=Scope("nation", Name(nation, nation, "", nation), "VN", ""),
        period_label=first.label,
        period_kind=period.kind if period else "dates",
        period_part=period_part(period) if period else None,
        start=first.start,
        end=first.end,
        as_of=first.as_of,
        row_level="province",
        unit_level="province",
        totals=totals,
        units_without_clubs=[r.name for r in rows if not r.figures.clubs],
        preparing=[],
        rows=rows,
        targets=[],
        target_counts=TargetCounts(0, 0, 0, 0),
        plan_id=None,
        plan_name=None,
        previous_label=first.previous[0],
        previous_start=first.previous[1],
        previous_end=first.previous[2],
        changes=[
            Change(
                key,
                FIGURE_KINDS[key],
                getattr(totals, key),
                getattr(before, key),
                change(getattr(totals, key), getattr(before, key)),
                parts=(totals.parts[key], before.parts[key]) if key in SHARE_NAMES else None,
            )
            for key in CHANGE_FIGURES
        ],
        provenance=Provenance(None, None, generated_at, __version__),
        data_errors=sum(s.data_errors for s in summaries),
        completeness=Completeness(
            months_expected,
            totals.months_recorded,
            totals.completeness,
            sum(1 for s in summaries if s.totals.get("months_expected")),
            (),
        ),
        unit_words={"province": province_words},
        no_plan=no_plan,
        borrower_base=_int(totals.parts["borrower_share"][1]),
        particulars=Particulars(year=generated_at.year, number=number, signed=signed),
        fictional=any(s.fictional for s in summaries),
        sources=[Source(str(s.path), s.name, s.commit, s.generated_at) for s in summaries],
    )


def _int(value: Number | None) -> int | None:
    return None if value is None else int(value)
