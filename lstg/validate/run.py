"""Validation: load a data folder, run every check, and locate every problem.

This is the library entry point behind ``lstg validate``; other commands call
:func:`validate` too, for instance to refuse an edit that would make the data
invalid. It never raises for bad data: everything wrong is a problem.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from lstg import cache
from lstg.core.errors import UserError
from lstg.core.i18n import _
from lstg.core.problems import Problem
from lstg.dataset import CLUB_FILE, CLUBS_DIR, PROVINCE_FILE, DataSet
from lstg.dataset.loader import load_base_once, load_dataset
from lstg.read.reader import locate_problems, read_yaml
from lstg.validate import (
    board,
    consent,
    dates,
    duplicates,
    folder,
    funds,
    health,
    ledger,
    loans,
    people,
    places,
    province,
    references,
    reports,
    unknown,
)
from lstg.validate.cached import validate_cached
from lstg.validate.common import ClubView
from lstg.validate.plans import check_plans

ClubCheck = Callable[[ClubView], list[Problem]]

CLUB_CHECKS: tuple[ClubCheck, ...] = (
    references.check_ids,
    references.check_teams_and_groups,
    references.check_funds,
    unknown.check_unknown_members,
    people.check_loans,
    people.check_meetings,
    board.check_board,
    dates.check_club_dates,
    dates.check_meeting_dates,
    dates.check_member_dates,
    dates.check_future,
    ledger.check_ledger,
    loans.check_repayments,
    loans.check_schedule,
    funds.check_cash,
    health.check_health,
    health.check_ages,
    duplicates.check_duplicates,
)
"""Every check of one club, in the order they run; each sees only its club."""


@dataclass(frozen=True, slots=True)
class ValidationResult:
    """The outcome of validating a data folder.

    Attributes:
        problems: every problem, located (line and column filled in), sorted by
            file, line, column and code.
        dataset: the loaded data (records that failed their schema left out).
            With the cache (:mod:`lstg.cache`), clubs are checked one batch at
            a time, and only the province and plans are in it.
        checked: how many clubs were checked, when they are not in ``dataset``.
    """

    problems: list[Problem]
    dataset: DataSet
    checked: int | None = None

    @property
    def errors(self) -> int:
        return sum(1 for p in self.problems if p.is_error)

    @property
    def warnings(self) -> int:
        return sum(1 for p in self.problems if not p.is_error)

    @property
    def ok(self) -> bool:
        """No errors (warnings allowed)."""
        return self.errors == 0

    @property
    def files(self) -> int:
        """How many files have at least one problem."""
        return len({p.file for p in self.problems})

    @property
    def clubs(self) -> int:
        """How many clubs were checked."""
        return len(self.dataset.clubs) if self.checked is None else self.checked


def validate(
    root: Path,
    *,
    clubs: Collection[str] | None = None,
    today: date | None = None,
) -> ValidationResult:
    """Load the data folder ``root``, run every check and locate every problem.

    Args:
        root: the data folder, holding ``province.yaml``.
        clubs: check only these club ids (cross-file checks need whole club
            folders, so a club is the smallest unit); the province and plans are
            always checked.
        today: the day taken as today; dates after it are in the future.

    Raises:
        UserError: ``root`` is not a folder, holds neither a province file nor a
            clubs folder (so is not a data folder at all), or a club id in
            ``clubs`` has no folder.
    """
    if not root.is_dir():
        raise UserError(_("The data folder {path} does not exist.").format(path=root))
    if not (root / PROVINCE_FILE).is_file() and not (root / CLUBS_DIR).is_dir():
        if (root / CLUB_FILE).is_file():
            raise UserError(
                _(
                    "{path} is a club folder, not a data folder: give it as a path to check "
                    "(lstg validate {path}), or give the data folder with --data."
                ).format(path=root)
            )
        raise UserError(
            _("{path} is not a data folder: it holds neither {file} nor {folder}/.").format(
                path=root, file=PROVINCE_FILE, folder=CLUBS_DIR
            )
        )
    if clubs is not None:
        missing = sorted(c for c in clubs if not (root / CLUBS_DIR / c).is_dir())
        if missing:
            raise UserError(
                _("No club folder {names} in {path}.").format(
                    names=", ".join(missing), path=root / CLUBS_DIR
                )
            )
    day = today or date.today()
    if cache.enabled():
        problems, dataset, checked, people = validate_cached(root, clubs=clubs, today=day, run=_run)
    else:
        problems, dataset = _run(root, None if clubs is None else sorted(clubs), day)
        people = duplicates.all_indexes(dataset.province, list(dataset.clubs.values()))
        checked = None
    if clubs is None:
        # The one check that spans clubs: it needs every club, so a run on some
        # clubs leaves it out. Clubs give it a digest of names, never names.
        problems = [*problems, *locate_problems(root, duplicates.check_across_clubs(people))]
    return ValidationResult(sorted(problems, key=lambda p: p.sort_key()), dataset, checked)


def _run(
    root: Path, clubs: list[str] | None, today: date, *, shared: str | None = None
) -> tuple[list[Problem], DataSet]:
    """Load the province, plans and ``clubs`` (all if ``None``); check them; locate problems.

    With ``shared``, the digest of the files outside the club folders, the province
    and plans are read once per process for that digest, and only the clubs are
    checked: the problems given are those of the clubs. Worker processes checking
    batches of clubs run so.
    """
    if shared is None:
        dataset = load_dataset(root, clubs=clubs)
        found = [*dataset.problems, *check_dataset(dataset, today=today)]
    else:
        dataset = load_dataset(root, clubs=clubs, base=load_base_once(root, shared))
        found = [*dataset.problems, *check_clubs(dataset, today=today)]
    return locate_problems(root, found), dataset


def check_dataset(dataset: DataSet, *, today: date) -> list[Problem]:
    """Every check that spans records and files; the problems are not yet located."""
    problems: list[Problem] = []
    problems.extend(folder.check_folder(dataset))
    problems.extend(province.check_province(dataset))
    problems.extend(reports.check_reports(dataset))
    problems.extend(check_clubs(dataset, today=today))
    problems.extend(check_plans(dataset))
    return problems


def check_clubs(dataset: DataSet, *, today: date) -> list[Problem]:
    """The checks of each club of ``dataset``, each seeing its club and the province only."""
    problems: list[Problem] = []
    broken = frozenset(p.file for p in dataset.problems if p.is_error)
    for data in dataset.clubs.values():
        view = ClubView.of(data, today, broken)
        for check in CLUB_CHECKS:
            problems.extend(check(view))
        problems.extend(places.check_commune(view, dataset.province))
        problems.extend(consent.check_consent(view, dataset.province))
        problems.extend(consent.check_retention(view, dataset.province))
    return problems


def data_language(root: Path) -> str:
    """The default language of a data folder's messages: its province file's, else ``vi``."""
    result = read_yaml(root / PROVINCE_FILE, PROVINCE_FILE)
    if isinstance(result.data, dict):
        language = result.data.get("language")
        if language in ("vi", "en"):
            return str(language)
    return "vi"
