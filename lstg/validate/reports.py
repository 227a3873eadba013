"""The particulars file holds together: one body per report and day, units that exist."""

from __future__ import annotations

from datetime import date
from itertools import combinations

from lstg.core.i18n import _
from lstg.core.problems import Problem, error
from lstg.dataset import REPORTS_FILE, DataSet
from lstg.schema.reports import Body


def _overlap(first: Body, second: Body) -> bool:
    start = max(first.valid_from or date.min, second.valid_from or date.min)
    end = min(first.valid_to or date.max, second.valid_to or date.max)
    return start <= end


def check_reports(dataset: DataSet) -> list[Problem]:
    """No two bodies issue the same unit's reports on the same day, and every ``unit`` is
    a district or commune of some era of the province file."""
    reports = dataset.reports
    if reports is None:
        return []
    problems: list[Problem] = []
    bodies = list(enumerate(reports.bodies))
    for (_i, first), (j, second) in combinations(bodies, 2):
        if (first.scope, first.unit) == (second.scope, second.unit) and _overlap(first, second):
            problems.append(
                error(
                    REPORTS_FILE,
                    "reports.overlap",
                    _("{second} and {first} issue the same reports on the same days.").format(
                        first=first.id, second=second.id
                    ),
                    hint=_("Give each body valid_from and valid_to that do not overlap."),
                    where=("bodies", j),
                )
            )
    province = dataset.province
    if province is None:
        return problems
    for index, body in bodies:
        if body.unit is None:
            continue
        if body.scope == "district":
            known = any(era.district(body.unit) for era in province.eras)
            message = _("No district of the province file has the code {code}.")
        else:
            known = any(era.commune(body.unit) for era in province.eras)
            message = _("No commune of the province file has the code {code}.")
        if not known:
            problems.append(
                error(
                    REPORTS_FILE,
                    "reports.unknown-unit",
                    message.format(code=body.unit),
                    where=("bodies", index, "unit"),
                )
            )
    return problems
