"""The data folder as a whole: its province file, plans and club folders."""

from __future__ import annotations

from lstg.core.i18n import _
from lstg.core.problems import Problem, error, warning
from lstg.core.safefiles import Kind, kind_of
from lstg.dataset import CLUBS_DIR, PLANS_DIR, DataSet
from lstg.dataset.loader import entry_problem


def check_folder(dataset: DataSet) -> list[Problem]:
    """Plans are present and linked, and the clubs folder holds only club folders."""
    problems: list[Problem] = []
    plans_dir = dataset.root / PLANS_DIR
    if not plans_dir.is_dir() or not any(plans_dir.glob("*.yaml")):
        problems.append(
            warning(
                PLANS_DIR,
                "data.no-plans",
                _("The data folder has no plan files in {folder}/.").format(folder=PLANS_DIR),
                hint=_("Without a plan, lstg check has no targets to measure against."),
            )
        )
    for plan_id, plan in sorted(dataset.plans.items()):
        if plan.previous is not None and plan.previous not in dataset.plans:
            problems.append(
                error(
                    f"{PLANS_DIR}/{plan_id}.yaml",
                    "plan.unknown-previous",
                    _("The previous plan “{id}” has no file in {folder}/.").format(
                        id=plan.previous, folder=PLANS_DIR
                    ),
                    where=("previous",),
                )
            )
    clubs_dir = dataset.root / CLUBS_DIR
    if kind_of(clubs_dir) in (Kind.SYMLINK, Kind.SPECIAL):
        problems.append(entry_problem(dataset.root, clubs_dir))
        return problems
    if not clubs_dir.is_dir():
        problems.append(
            error(
                CLUBS_DIR,
                "data.no-clubs",
                _("The data folder has no {folder}/ folder.").format(folder=CLUBS_DIR),
            )
        )
        return problems
    for entry in sorted(clubs_dir.iterdir()):
        kind = kind_of(entry)
        if kind in (Kind.SYMLINK, Kind.SPECIAL):
            problems.append(entry_problem(dataset.root, entry))
        elif kind is Kind.FILE and not entry.name.startswith("."):
            problems.append(
                warning(
                    f"{CLUBS_DIR}/{entry.name}",
                    "data.unknown-file",
                    _("This file is not read: {folder}/ holds one folder per club.").format(
                        folder=CLUBS_DIR
                    ),
                )
            )
    return problems
