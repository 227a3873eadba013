"""Loading a data folder into models, with every problem found on the way.

The loader reads each file through :func:`lstg.read.reader.read_yaml`'s fast path,
validates a file's records in one call when they are all valid, and otherwise
reads the file again the careful way and validates its records one by one (so
that one bad record does not hide the others, and every problem is found and
located as the event path finds and locates it). It gives a
:class:`~lstg.dataset.DataSet`. Checks that span records live in :mod:`lstg.validate`;
this module only reads and builds.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, TypeAdapter, ValidationError

from lstg.core.errors import UserError
from lstg.core.i18n import _, current_language, set_language
from lstg.core.problems import Problem, error, warning
from lstg.core.safefiles import Kind, kind_of, link_target, special_kind
from lstg.dataset import (
    CLUB_FILE,
    LEDGER_FILE,
    LOANS_FILE,
    MEETINGS_DIR,
    MEMBERS_FILE,
    PLANS_DIR,
    PROVINCE_FILE,
    REPORTS_FILE,
    REQUESTS_FILE,
    ClubData,
    DataSet,
)
from lstg.dataset.folder import club_folders
from lstg.dataset.modelerrors import problems_from
from lstg.read.reader import ReadResult, read_carefully, read_yaml
from lstg.read.yamlevents import no_gc
from lstg.schema import (
    BalanceAssertion,
    Club,
    Loan,
    Meeting,
    Member,
    Plan,
    Province,
    Reports,
    Transaction,
)
from lstg.schema.requests import Request

M = TypeVar("M", bound=BaseModel)

_YEAR_FILE = re.compile(r"^\d{4}\.yaml$")
_CLUB_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
KNOWN_CLUB_ENTRIES = {CLUB_FILE, MEMBERS_FILE, LOANS_FILE, LEDGER_FILE, MEETINGS_DIR}


def _rel(root: Path, path: Path) -> str:
    return path.relative_to(root).as_posix()


def load_document(root: Path, path: Path, model: type[M]) -> tuple[M | None, list[Problem]]:
    """Read a file that holds one mapping and validate it as ``model``."""
    rel = _rel(root, path)
    with no_gc(keep=True):
        result = read_yaml(path, rel, fast=True)
        found = _document(result, rel, model)
        if result.fast and found[1]:
            found = _document(read_carefully(result, rel), rel, model)
    return found


def _document(result: ReadResult, rel: str, model: type[M]) -> tuple[M | None, list[Problem]]:
    problems = list(result.problems)
    if result.data is None:
        return None, problems
    if not isinstance(result.data, dict):
        problems.append(
            error(
                rel,
                "file.not-mapping",
                _("The file should hold a mapping of keys and values."),
                line=1,
                column=1,
            )
        )
        return None, problems
    try:
        return model.model_validate(result.data), problems
    except ValidationError as exc:
        problems.extend(_not_reported(problems_from(exc, file=rel, prefix=(), model=model), result))
        return None, problems


def _not_reported(found: list[Problem], result: ReadResult) -> list[Problem]:
    """The schema's problems, less those about values that reading already reported."""
    if not result.bad:
        return found
    return [p for p in found if not any(p.where[: len(b)] == b for b in result.bad)]


@dataclass(slots=True)
class _Records:
    """What validating the records of one file gave."""

    rows: list[tuple[int, Any]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    invalid_ids: set[str] = field(default_factory=set)
    unidentified: bool = False


def load_records(
    root: Path,
    path: Path,
    choose: Callable[[dict[str, Any]], type[BaseModel]],
    invalid_ids: set[str] | None = None,
    unidentified: set[str] | None = None,
) -> tuple[list[tuple[int, Any]], list[Problem]]:
    """Read a file that holds a list of records; validate each record on its own.

    A file whose records are all valid is validated in one call per model; one
    with any problem is read again the careful way (when the native parser read
    it) and validated record by record, so that one bad record does not hide
    the others.

    Args:
        choose: gives the model for a record (a ledger line is a transaction or
            a balance assertion).
        invalid_ids: where to add the ids of records that failed validation.
        unidentified: where to add the file's path (relative to the data
            folder) when a record failed and its id cannot be read either.

    Returns:
        ``(index in file, model)`` for every valid record, and the problems.
    """
    rel = _rel(root, path)
    with no_gc(keep=True):
        result = read_yaml(path, rel, fast=True)
        found = _records(result, rel, choose)
        if result.fast and found.problems:
            found = _records(read_carefully(result, rel), rel, choose)
    if invalid_ids is not None:
        invalid_ids.update(found.invalid_ids)
    if unidentified is not None and found.unidentified:
        unidentified.add(rel)
    return found.rows, found.problems


def _records(
    result: ReadResult, rel: str, choose: Callable[[dict[str, Any]], type[BaseModel]]
) -> _Records:
    found = _Records(problems=list(result.problems))
    if result.data is None:
        return found
    if not isinstance(result.data, list):
        found.problems.append(
            error(
                rel,
                "file.not-list",
                _("The file should hold a list of entries, each starting with “- ”."),
                line=1,
                column=1,
            )
        )
        return found
    rows = _all_valid(result.data, choose)
    if rows is not None:
        found.rows = rows
        return found
    for index, raw in enumerate(result.data):
        if not isinstance(raw, dict):
            found.unidentified = True
            found.problems.append(
                error(
                    rel,
                    "schema.type",
                    _("Each entry should be a mapping of keys and values."),
                    where=(index,),
                )
            )
            continue
        model = choose(raw)
        try:
            found.rows.append((index, model.model_validate(raw)))
        except ValidationError as exc:
            found.problems.extend(
                _not_reported(problems_from(exc, file=rel, prefix=(index,), model=model), result)
            )
            if isinstance(raw.get("id"), str):
                found.invalid_ids.add(raw["id"])
            else:
                found.unidentified = True
    return found


def _all_valid(
    data: list[Any], choose: Callable[[dict[str, Any]], type[BaseModel]]
) -> list[tuple[int, Any]] | None:
    """Every record validated, in one call per model; ``None`` if any is not valid."""
    groups: dict[type[BaseModel], list[int]] = {}
    for index, raw in enumerate(data):
        if not isinstance(raw, dict):
            return None
        groups.setdefault(choose(raw), []).append(index)
    built: list[Any] = [None] * len(data)
    for model, indexes in groups.items():
        records = data if len(groups) == 1 else [data[i] for i in indexes]
        try:
            models = _list_of(model).validate_python(records)
        except ValidationError:
            return None
        for index, value in zip(indexes, models, strict=True):
            built[index] = value
    return list(enumerate(built))


@cache
def _list_of(model: type[BaseModel]) -> TypeAdapter[list[Any]]:
    """Validates a list of ``model`` records in one call."""
    return TypeAdapter(list[model])  # type: ignore[valid-type]


def _ledger_model(raw: dict[str, Any]) -> type[BaseModel]:
    return BalanceAssertion if "balance" in raw else Transaction


def load_club(root: Path, folder: Path) -> tuple[ClubData, list[Problem]]:
    """Load one club folder: its club file, members, loans, ledger and meetings."""
    with no_gc(keep=True):
        return _load_club(root, folder)


def _load_club(root: Path, folder: Path) -> tuple[ClubData, list[Problem]]:
    rel_folder = _rel(root, folder)
    data = ClubData(id=folder.name, folder=rel_folder)
    problems: list[Problem] = []
    if not _CLUB_ID.match(folder.name):
        problems.append(
            error(
                rel_folder,
                "club.bad-id",
                _("The club folder name “{name}” is not a valid club id.").format(name=folder.name),
                hint=_("Use lower-case letters without accents, digits and “-”."),
            )
        )
    club_path = folder / CLUB_FILE
    if kind_of(club_path) is not Kind.MISSING:
        data.files.append(_rel(root, club_path))
        data.club, found = load_document(root, club_path, Club)
        problems.extend(found)
    else:
        problems.append(
            error(
                rel_folder,
                "club.no-club-file",
                _("The club folder has no {file}.").format(file=CLUB_FILE),
            )
        )
    members_path = folder / MEMBERS_FILE
    if kind_of(members_path) is not Kind.MISSING:
        data.files.append(_rel(root, members_path))
        rows, found = load_records(
            root, members_path, lambda _raw: Member, data.invalid_ids, data.unidentified
        )
        data.member_rows = [i for i, _m in rows]
        data.members = [m for _i, m in rows]
        problems.extend(found)
    else:
        problems.append(
            error(
                rel_folder,
                "club.no-members-file",
                _("The club folder has no {file}.").format(file=MEMBERS_FILE),
            )
        )
    loans_path = folder / LOANS_FILE
    if kind_of(loans_path) is not Kind.MISSING:
        data.files.append(_rel(root, loans_path))
        rows, found = load_records(root, loans_path, lambda _raw: Loan, data.invalid_ids)
        data.loan_rows = [i for i, _m in rows]
        data.loans = [m for _i, m in rows]
        problems.extend(found)
    ledger_path = folder / LEDGER_FILE
    if kind_of(ledger_path) is not Kind.MISSING:
        data.files.append(_rel(root, ledger_path))
        rows, found = load_records(root, ledger_path, _ledger_model)
        data.ledger_rows = [i for i, _m in rows]
        data.ledger = [m for _i, m in rows]
        problems.extend(found)
    meetings_dir = folder / MEETINGS_DIR
    if kind_of(meetings_dir) not in (Kind.FOLDER, Kind.MISSING):
        problems.append(entry_problem(root, meetings_dir))
    elif kind_of(meetings_dir) is Kind.FOLDER:
        for path in sorted(meetings_dir.iterdir()):
            rel = _rel(root, path)
            kind = kind_of(path)
            if kind in (Kind.SYMLINK, Kind.SPECIAL):
                problems.append(entry_problem(root, path))
                continue
            if not (kind is Kind.FILE and _YEAR_FILE.match(path.name)):
                problems.append(
                    warning(
                        rel,
                        "club.unknown-file",
                        _(
                            "This file is not read: meeting files are named by year, "
                            "such as 2021.yaml."
                        ),
                    )
                )
                continue
            data.files.append(rel)
            rows, found = load_records(root, path, lambda _raw: Meeting)
            for index, meeting in rows:
                data.meetings.append(meeting)
                data.meeting_rows.append((rel, index))
            problems.extend(found)
    for entry in sorted(folder.iterdir()):
        if entry.name in KNOWN_CLUB_ENTRIES:
            continue
        if kind_of(entry) in (Kind.SYMLINK, Kind.SPECIAL):
            problems.append(entry_problem(root, entry))
        elif not entry.name.startswith("."):
            problems.append(
                warning(
                    _rel(root, entry),
                    "club.unknown-file",
                    _("This file is not read: a club folder holds {files}.").format(
                        files=", ".join(sorted(KNOWN_CLUB_ENTRIES))
                    ),
                )
            )
    return data, problems


def entry_problem(root: Path, path: Path) -> Problem:
    """The error of an entry that lstg does not open: a symbolic link or a special file."""
    rel = _rel(root, path)
    if kind_of(path) is Kind.SYMLINK:
        return error(
            rel,
            "file.symlink",
            _(
                "This is a symbolic link (to {target}); lstg reads only real files and "
                "folders in the data folder."
            ).format(target=link_target(path)),
            hint=_("Put the file or folder itself here, or remove the link."),
        )
    return error(
        rel,
        "file.special",
        _("This is {what}, not a file; it was not opened.").format(what=special_kind(path)),
        hint=_("Remove it from the data folder."),
    )


def _no_province_hint(root: Path) -> str:
    if (root / CLUB_FILE).is_file():
        return _(
            "This is a club folder: give the data folder, two levels up, with --data, "
            "or give the club folder as a path to check."
        )
    return _("The data folder is the one that holds {file}, plans/ and clubs/.").format(
        file=PROVINCE_FILE
    )


def load_province(root: Path) -> Province:
    """The province file of the data folder ``root``, for commands that need only it.

    Raises:
        UserError: the file is missing or does not load; ``lstg validate`` says why.
    """
    province = None
    if (root / PROVINCE_FILE).is_file():
        province, _problems = load_document(root, root / PROVINCE_FILE, Province)
    if province is None:
        raise UserError(
            _("{file} cannot be read; run lstg validate to see why.").format(file=PROVINCE_FILE)
        )
    return province


def load_dataset(
    root: Path, *, clubs: list[str] | None = None, base: DataSet | None = None
) -> DataSet:
    """Load a whole data folder.

    Args:
        root: the data folder, holding ``province.yaml``.
        clubs: if given, load only these club ids (the province and plans are
            always loaded).
        base: the province, plans and particulars already loaded (by
            :func:`load_base`): they are taken from it, and the data set's problems
            are those of the clubs alone.

    Returns:
        The data set, whose ``problems`` are not yet located; see
        :func:`lstg.read.reader.locate_problems`.
    """
    if base is None:
        dataset = load_base(root)
    else:
        dataset = DataSet(
            root=root,
            province=base.province,
            plans=base.plans,
            clubs={},
            problems=[],
            reports=base.reports,
            requests=base.requests,
        )
    for club, found in load_clubs(root, club_folders(root, clubs)):
        dataset.clubs[club.id] = club
        dataset.problems.extend(found)
    return dataset


def load_base(root: Path, *, club_files: bool | Collection[str] = False) -> DataSet:
    """The province, the plans and the particulars of a data folder, without its clubs; with
    ``club_files`` (``True`` for every club, or some club ids), those clubs with their club
    file only (no members, loans, meetings).

    The club files are what placing a club in units and telling its status need; see
    :mod:`lstg.indicators.stream`, which loads the records of each club in turn.
    """
    problems: list[Problem] = []
    province: Province | None = None
    province_path = root / PROVINCE_FILE
    if kind_of(province_path) is not Kind.MISSING:
        province, found = load_document(root, province_path, Province)
        problems.extend(found)
    else:
        problems.append(
            error(
                PROVINCE_FILE,
                "data.no-province",
                _("The data folder has no {file}.").format(file=PROVINCE_FILE),
                hint=_no_province_hint(root),
            )
        )
    plans: dict[str, Plan] = {}
    plans_dir = root / PLANS_DIR
    if kind_of(plans_dir) in (Kind.SYMLINK, Kind.SPECIAL):
        problems.append(entry_problem(root, plans_dir))
    elif kind_of(plans_dir) is Kind.FOLDER:
        for path in sorted(plans_dir.glob("*.yaml")):
            plan, found = load_document(root, path, Plan)
            problems.extend(found)
            if plan is None:
                continue
            if plan.id != path.stem:
                problems.append(
                    error(
                        _rel(root, path),
                        "plan.id-mismatch",
                        _("The plan id “{id}” differs from its file name “{name}”.").format(
                            id=plan.id, name=path.name
                        ),
                        where=("id",),
                    )
                )
            plans[plan.id] = plan
    requests: list[Request] = []
    if (root / REQUESTS_FILE).is_file():
        rows, found = load_records(root, root / REQUESTS_FILE, lambda _raw: Request)
        requests = [r for _i, r in rows]
        problems.extend(found)
    reports: Reports | None = None
    if (root / REPORTS_FILE).is_file():
        reports, found = load_document(root, root / REPORTS_FILE, Reports)
        problems.extend(found)
    skeletons: dict[str, ClubData] = {}
    wanted: Collection[str] | None = None if isinstance(club_files, bool) else club_files
    for folder in club_folders(root) if club_files else []:
        if wanted is not None and folder.name not in wanted:
            continue
        club = load_club_file(root, folder)
        skeletons[club.id] = club
    return DataSet(
        root=root,
        province=province,
        plans=plans,
        clubs=skeletons,
        problems=problems,
        reports=reports,
        requests=requests,
    )


_BASES: dict[tuple[Path, str], DataSet] = {}


def load_base_once(root: Path, key: str) -> DataSet:
    """The province, plans and particulars of ``root`` (:func:`load_base`), read once in this
    process for ``key``, a digest of the files they are read from.

    Worker processes that check a data folder's clubs in batches take them from here
    instead of reading them for every batch. One folder's are kept at a time.
    """
    found = _BASES.get((root, key))
    if found is None:
        _BASES.clear()
        found = _BASES[(root, key)] = load_base(root)
    return found


def keep_base(root: Path, key: str, dataset: DataSet) -> None:
    """Keep ``dataset``'s province, plans and particulars as those of ``root`` for ``key``
    (see :func:`load_base_once`): workers forked after it start with them."""
    _BASES.clear()
    _BASES[(root, key)] = dataset


def load_club_file(root: Path, folder: Path) -> ClubData:
    """A club folder with its club file only (no members, loans, ledger or meetings)."""
    data = ClubData(id=folder.name, folder=_rel(root, folder))
    club_path = folder / CLUB_FILE
    if kind_of(club_path) is Kind.FILE:
        data.club, _found = load_document(root, club_path, Club)
    return data


def load_clubs(root: Path, folders: list[Path]) -> list[tuple[ClubData, list[Problem]]]:
    """Load club folders, as :func:`load_club` does, in folder order.

    Many folders are read in worker processes, one per core: parsing and
    validating a club is pure CPU work, and clubs are independent.
    """
    from lstg.core.pool import process_pool, workers_for

    workers = workers_for(len(folders))
    if not workers:
        return [load_club(root, folder) for folder in folders]

    language = current_language()
    # Receiving a club builds as many objects as loading it did: the collector is kept
    # out of that too (see no_gc).
    with no_gc(keep=True), process_pool(workers) as pool:
        return list(
            pool.map(
                _load_club_in_worker,
                [root] * len(folders),
                folders,
                [language] * len(folders),
                chunksize=4,
            )
        )


def _load_club_in_worker(root: Path, folder: Path, language: str) -> tuple[ClubData, list[Problem]]:
    if current_language() != language:
        set_language(language)
    return load_club(root, folder)
