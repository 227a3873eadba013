"""``lstg privacy``: the facts an impact-assessment dossier (hồ sơ đánh giá tác động) needs.

Which kinds of personal and sensitive data the folder holds, about how many people,
since when, under which purposes and consents; who receives what; where copies go;
and the members whose data lacks consent. Every count is computed here from the
loaded records (a person is a member record: one per club they belong to).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from lstg.core import format as fmt
from lstg.core.i18n import _, ngettext
from lstg.dataset import DataSet
from lstg.dataset.holdings import Holding, holdings
from lstg.dataset.loader import load_dataset
from lstg.privacy.document import Document, Section, Table
from lstg.privacy.requests import clock
from lstg.schema.consent import DATA_KINDS, DataKind
from lstg.schema.privacy import default_privacy
from lstg.validate.common import ClubView
from lstg.validate.consent import check_consent, check_retention, kind_label


@dataclass(slots=True)
class KindFacts:
    """One kind of data: how many people's records hold it, current members among them,
    the first day recorded, and how many dated records (health checks) there are."""

    people: int = 0
    current: int = 0
    since: date | None = None
    records: int = 0


@dataclass(frozen=True, slots=True)
class ConsentState:
    """One member's consent on the inventory's day, by id (never by name).

    Attributes:
        form: ``full`` (at least one complete record), ``old-form`` (dates only) or
            ``none``.
        given: the days consents were given.
        in_force: the kinds of data a consent covers on the day.
        withdrawn: each withdrawal: its day and the kinds it names (empty: all).
        lacking: sensitive data recorded that no consent in force covers.
        expired: data kept past its retention period.
    """

    ref: str
    current: bool
    form: str
    given: tuple[date, ...]
    in_force: tuple[DataKind, ...]
    withdrawn: tuple[tuple[date, tuple[DataKind, ...]], ...]
    lacking: bool
    expired: bool


@dataclass(slots=True)
class Inventory:
    """The facts of the impact assessment on one day."""

    today: date
    clubs: int
    people: int
    current: int
    erased: int
    kinds: dict[DataKind, KindFacts]
    full_consent: int
    old_form: int
    no_consent: int
    withdrawals: int
    purposes: dict[str, int]
    lacking: list[str]
    old_form_members: list[str]
    expired: list[str]
    requests: int
    requests_open: int
    requests_overdue: int
    attendance: int = 0
    loans: int = 0
    cache: bool = False
    cache_path: str = ""
    with_consent_kind: dict[DataKind, int] = field(default_factory=dict)
    members: list[ConsentState] = field(default_factory=list)


def inventory(root: Path, *, today: date) -> Inventory:
    """Count what the data folder ``root`` holds about people, on ``today``."""
    dataset = load_dataset(root)
    return inventory_of(dataset, today=today)


def inventory_of(dataset: DataSet, *, today: date) -> Inventory:
    """The inventory of a loaded data set (see :func:`inventory`)."""
    kinds = {k: KindFacts() for k in DATA_KINDS}
    with_kind: dict[DataKind, int] = dict.fromkeys(DATA_KINDS, 0)
    people = current = erased = full = old = none = withdrawals = 0
    attendance = loans = 0
    purposes: dict[str, int] = {}
    lacking: list[str] = []
    old_members: list[str] = []
    expired: list[str] = []
    states: list[tuple[str, Holding]] = []
    for club_id, data in sorted(dataset.clubs.items()):
        held_all = holdings(data)
        view = ClubView.of(data, today)
        for p in check_consent(view, dataset.province):
            if p.code == "consent.missing" and isinstance(p.where[0], int):
                lacking.append(f"{club_id}/{data.members[p.where[0]].id}")
        for p in check_retention(view, dataset.province):
            if isinstance(p.where[0], int):
                ref = f"{club_id}/{data.members[p.where[0]].id}"
                if ref not in expired:
                    expired.append(ref)
        for member_id, held in held_all.items():
            member = held.member
            if held.erased:
                erased += 1
                continue
            people += 1
            states.append((f"{club_id}/{member_id}", held))
            is_current = member.is_member_on(today)
            current += is_current
            attendance += len(held.attendance)
            loans += len(held.loans)
            for kind in held.kinds:
                facts = kinds[kind]
                facts.people += 1
                facts.current += is_current
                first = held.first(kind)
                if first is not None and (facts.since is None or first < facts.since):
                    facts.since = first
                if member.consent_covers(kind, today):
                    with_kind[kind] += 1
            kinds["health"].records += len(held.health_days)
            if not member.consent:
                none += 1
            elif all(c.old_form for c in member.consent):
                old += 1
                old_members.append(f"{club_id}/{member_id}")
            else:
                full += 1
            withdrawals += sum(1 for c in member.consent if c.withdrawn is not None)
            for c in member.consent:
                if c.date <= today:
                    for purpose in c.purposes:
                        purposes[purpose] = purposes.get(purpose, 0) + 1
    clocks = [clock(r, today) for r in dataset.requests]
    members = [_state(ref, held, today, ref in lacking, ref in expired) for ref, held in states]
    return Inventory(
        today=today,
        clubs=len(dataset.clubs),
        people=people,
        current=current,
        erased=erased,
        kinds=kinds,
        full_consent=full,
        old_form=old,
        no_consent=none,
        withdrawals=withdrawals,
        purposes=purposes,
        lacking=lacking,
        old_form_members=old_members,
        expired=expired,
        requests=len(clocks),
        requests_open=sum(1 for c in clocks if c.open),
        requests_overdue=sum(1 for c in clocks if c.overdue),
        attendance=attendance,
        loans=loans,
        cache=_cache_holds_entries(dataset.root),
        cache_path=str(_cache_folder(dataset.root)),
        with_consent_kind=with_kind,
        members=members,
    )


def _cache_folder(root: Path) -> Path:
    from lstg.cache.keys import cache_folder

    return cache_folder(root)


def _cache_holds_entries(root: Path) -> bool:
    from lstg.cache.keys import FORMAT

    entries = _cache_folder(root) / f"v{FORMAT}"
    return entries.is_dir() and any(entries.iterdir())


def _state(ref: str, held: Holding, today: date, lacking: bool, expired: bool) -> ConsentState:
    member = held.member
    consents = member.consent
    form = "none" if not consents else "old-form" if all(c.old_form for c in consents) else "full"
    return ConsentState(
        ref=ref,
        current=member.is_member_on(today),
        form=form,
        given=tuple(c.date for c in consents),
        in_force=tuple(k for k in DATA_KINDS if member.consent_covers(k, today)),
        withdrawn=tuple(
            (c.withdrawn.date, tuple(c.withdrawn.kinds))
            for c in consents
            if c.withdrawn is not None and c.withdrawn.date <= today
        ),
        lacking=lacking,
        expired=expired,
    )


def _members_table(facts: Inventory, lang: str) -> Table:
    """The consent state of every member, by id: the annex of ``lstg privacy --members``."""
    forms = {
        "full": _("full record"),
        "old-form": _("older form (a date)"),
        "none": _("none"),
    }
    rows = []
    for m in facts.members:
        withdrawn = "; ".join(
            f"{fmt.short_date(day, lang)}: "
            + (", ".join(kind_label(k) for k in kinds) if kinds else _("everything"))
            for day, kinds in m.withdrawn
        )
        todo = [
            *([_("lacks consent")] if m.lacking else []),
            *([_("kept past its term")] if m.expired else []),
        ]
        rows.append(
            [
                m.ref,
                _("yes") if m.current else _("no"),
                forms[m.form],
                ", ".join(fmt.short_date(day, lang) for day in m.given) or "—",
                ", ".join(kind_label(k) for k in m.in_force) or "—",
                withdrawn or "—",
                ", ".join(todo) or "—",
            ]
        )
    return Table(
        [
            _("Member"),
            _("Member today"),
            _("Consent"),
            _("Given on"),
            _("Kinds covered today"),
            _("Withdrawn"),
            _("To act on"),
        ],
        rows,
        _("No member."),
    )


def inventory_document(
    dataset: DataSet, facts: Inventory, *, lang: str, members: bool = False
) -> Document:
    """The inventory as a document, in the active language; with ``members``, an annex of
    every member's consent state (by id)."""
    privacy = dataset.province.privacy if dataset.province else default_privacy()
    n = fmt.number
    d = fmt.short_date
    held = Table(
        [
            _("Kind of data"),
            _("Sensitive"),
            _("People"),
            _("Of them, members today"),
            _("Recorded since"),
            _("With consent in force today"),
        ],
        [
            [
                kind_label(k),
                _("no") if k == "basic" else _("yes"),
                n(facts.kinds[k].people, lang),
                n(facts.kinds[k].current, lang),
                d(facts.kinds[k].since, lang) if facts.kinds[k].since else "—",
                n(facts.with_consent_kind.get(k, 0), lang),
            ]
            for k in DATA_KINDS
        ],
    )
    records = [
        _("Health checks recorded: {n}; attendances: {a}; loans: {l}.").format(
            n=n(facts.kinds["health"].records, lang),
            a=n(facts.attendance, lang),
            l=n(facts.loans, lang),
        ),
        _(
            "A person is counted once per club whose records hold them; {e} records of "
            "erased people keep no personal data."
        ).format(e=n(facts.erased, lang)),
    ]
    purposes = Table(
        [_("Purpose"), _("Id"), _("Kinds of data"), _("Consents naming it")],
        [
            [
                p.name,
                p.id,
                ", ".join(kind_label(k) for k in p.kinds),
                n(facts.purposes.get(p.id, 0), lang),
            ]
            for p in privacy.purposes
        ],
    )
    consent = Table(
        [_("Consent"), _("People")],
        [
            [_("Full consent record"), n(facts.full_consent, lang)],
            [_("Older form only (a date)"), n(facts.old_form, lang)],
            [_("No consent recorded"), n(facts.no_consent, lang)],
            [_("Withdrawals recorded"), n(facts.withdrawals, lang)],
        ],
    )
    retention = Table(
        [_("Kind of data"), _("Kept for"), _("From")],
        [
            [
                kind_label(r.kind),
                ngettext("{n} year", "{n} years", r.years).format(n=r.years),
                _("the day the member left") if r.after == "left" else _("the day it was recorded"),
            ]
            for r in privacy.retention
        ],
        _("No retention period is set."),
    )
    recipients = Table(
        [_("Who receives"), _("What")],
        [
            [_("The club's board"), _("the club's own records, names included")],
            [
                _("Commune, district and province (lstg report, lstg check, lstg status)"),
                _("aggregates only: counts, shares and amounts, never a name or one person's data"),
            ],
            [
                _("Anyone beyond the club (lstg export --redact)"),
                _(
                    "ids for names, age bands for births, no ethnicity or health data, poverty as "
                    "counts, free text withheld unless the province file marks it free of "
                    "personal data"
                ),
            ],
            [_("The person (lstg person export)"), _("everything recorded about them")],
        ],
    )
    copies: list[str | Table] = [
        _(
            "The git repository holds every earlier version of the files; lstg person erase "
            "prints the commands that purge a person from it. Clones and backups hold copies "
            "until they are replaced."
        ),
        _(
            "The cache ({path}; where it is kept is named in the README) holds the problems "
            "found by validation (member ids, no names), digests of names and years of birth, "
            "and built report models, which for a club report with --members may hold names; "
            "lstg person erase empties it. It is {state}."
        ).format(path=facts.cache_path, state=_("present") if facts.cache else _("empty")),
        _(
            "Exports and reports with personal data (lstg export without --redact, lstg person "
            "export, lstg report --members) are written readable by their owner only."
        ),
    ]
    lacking = ", ".join(facts.lacking) or _("none")
    return Document(
        _("Inventory of personal data for the impact assessment"),
        [
            _("Data of {clubs} clubs, on {day}; kept by {keeper}").format(
                clubs=n(facts.clubs, lang), day=d(facts.today, lang), keeper=privacy.keeper
            ),
            _("Law 91/2025/QH15 and Decree 356/2025/NĐ-CP"),
        ],
        [
            Section(
                _("1. Personal data held"),
                [
                    _("People in the records: {p}, of whom {c} are members today.").format(
                        p=n(facts.people, lang), c=n(facts.current, lang)
                    ),
                    held,
                    *records,
                ],
            ),
            Section(_("2. Purposes"), [purposes]),
            Section(
                _("3. Consent"),
                [
                    consent,
                    _("Records made from {day} on need a consent in force.").format(
                        day=d(privacy.consent_from, lang)
                    ),
                    _("Members whose sensitive data lacks consent: {who}.").format(who=lacking),
                    _("Members whose consent is in the older form: {who}.").format(
                        who=", ".join(facts.old_form_members) or _("none")
                    ),
                ],
            ),
            Section(
                _("4. Retention"),
                [
                    retention,
                    _("Members with data kept past its term: {who}.").format(
                        who=", ".join(facts.expired) or _("none")
                    ),
                ],
            ),
            Section(_("5. Who receives what"), [recipients]),
            Section(_("6. Where copies go"), copies),
            Section(
                _("7. Requests"),
                [
                    _("Requests in the log: {n}; open: {o}; overdue: {late}.").format(
                        n=n(facts.requests, lang),
                        o=n(facts.requests_open, lang),
                        late=n(facts.requests_overdue, lang),
                    )
                ],
            ),
            *(
                [Section(_("Annex: the consent of every member"), [_members_table(facts, lang)])]
                if members
                else []
            ),
        ],
        [_("Made by lstg from the records; update it whenever the data or its uses change.")],
        lang,
    )
