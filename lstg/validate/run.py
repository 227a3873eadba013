"""Validation: load a data folder, run every check, and locate every problem.

This is the library entry point behind ``lstg validate``; other commands call
:func:`validate` too, for instance to refuse an edit that would make the data
invalid. It never raises for bad data: everything wrong is a problem.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from lstg import cache
from lstg.checks import (
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
from lstg.checks.common import ClubView
from lstg.dataset import CLUB_FILE, CLUBS_DIR, PROVINCE_FILE, DataSet
from lstg.errors import UserError
from lstg.i18n import _
from lstg.loader import load_dataset
from lstg.problems import Problem
from lstg.reader import locate_problems, read_yaml
from lstg.rules import check_plans

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
        problems, dataset, checked, people = cache.validate_cached(
            root, clubs=clubs, today=day, run=_run
        )
    else:
        problems, dataset = _run(root, None if clubs is None else sorted(clubs), day)
        people = duplicates.all_indexes(dataset.province, list(dataset.clubs.values()))
        checked = None
    if clubs is None:
        # The one check that spans clubs: it needs every club, so a run on some
        # clubs leaves it out. Clubs give it a digest of names, never names.
        problems = [*problems, *locate_problems(root, duplicates.check_across_clubs(people))]
    return ValidationResult(sorted(problems, key=lambda p: p.sort_key()), dataset, checked)


def _run(root: Path, clubs: list[str] | None, today: date) -> tuple[list[Problem], DataSet]:
    """Load the province, plans and ``clubs`` (all if ``None``); check them; locate problems."""
    dataset = load_dataset(root, clubs=clubs)
    found = [*dataset.problems, *check_dataset(dataset, today=today)]
    return locate_problems(root, found), dataset


def check_dataset(dataset: DataSet, *, today: date) -> list[Problem]:
    """Every check that spans records and files; the problems are not yet located."""
    problems: list[Problem] = []
    problems.extend(folder.check_folder(dataset))
    problems.extend(province.check_province(dataset))
    problems.extend(reports.check_reports(dataset))
    broken = frozenset(p.file for p in dataset.problems if p.is_error)
    for data in dataset.clubs.values():
        view = ClubView.of(data, today, broken)
        for check in CLUB_CHECKS:
            problems.extend(check(view))
        problems.extend(places.check_commune(view, dataset.province))
        problems.extend(consent.check_consent(view, dataset.province))
        problems.extend(consent.check_retention(view, dataset.province))
    problems.extend(check_plans(dataset))
    return problems


def data_language(root: Path) -> str:
    """The default language of a data folder's messages: its province file's, else ``vi``."""
    result = read_yaml(root / PROVINCE_FILE, PROVINCE_FILE)
    if isinstance(result.data, dict):
        language = result.data.get("language")
        if language in ("vi", "en"):
            return str(language)
    return "vi"


@dataclass(frozen=True, slots=True)
class Target:
    """What to validate: a data folder, and the clubs in it (``None``: all of them)."""

    root: Path
    clubs: frozenset[str] | None


def target_of(paths: Sequence[Path], *, data: Path | None, default: Path | None) -> Target:
    """The data folder and clubs to validate for the paths given on the command line.

    A path may be the data folder, a club folder, or files in it, as pre-commit
    passes them. A file inside ``clubs/<id>/`` selects its whole club (cross-file
    checks need whole club folders); any other path selects every club.

    Args:
        paths: the paths given; none means the whole data folder.
        data: the data folder given with ``--data``, if any; else each path's
            data folder is the nearest parent holding ``province.yaml``.
        default: the data folder when neither paths nor ``data`` are given (then
            it must be given).

    Raises:
        UserError: a path does not exist, is outside the data folder, or the
            paths belong to different data folders.
    """
    if not paths:
        root = data or default
        if root is None:
            raise ValueError("no paths, and no data folder to validate")
        return Target(root, None)
    roots: set[Path] = set()
    clubs: set[str] = set()
    everything = False
    for path in paths:
        if not path.exists():
            raise UserError(_("{path} does not exist.").format(path=path))
        resolved = path.resolve()
        root = data.resolve() if data is not None else _root_of(resolved)
        if root is None:
            raise UserError(
                _("{path} is not inside a data folder (none of its parents holds {file}).").format(
                    path=path, file=PROVINCE_FILE
                )
            )
        if resolved != root and root not in resolved.parents:
            raise UserError(
                _("{path} is not inside the data folder {root}.").format(path=path, root=root)
            )
        roots.add(root)
        parts = resolved.relative_to(root).parts
        if len(parts) >= 2 and parts[0] == CLUBS_DIR:
            clubs.add(parts[1])
        else:
            everything = True
    if len(roots) > 1:
        raise UserError(
            _("The paths belong to different data folders: {roots}.").format(
                roots=", ".join(str(r) for r in sorted(roots))
            )
        )
    root = roots.pop()
    return Target(root, None if everything else frozenset(clubs))


def _root_of(path: Path) -> Path | None:
    start = path if path.is_dir() else path.parent
    for candidate in (start, *start.parents):
        if (candidate / PROVINCE_FILE).is_file():
            return candidate
    return None
