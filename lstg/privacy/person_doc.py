"""The person's data as a document the club can hand over, and as JSON."""

from __future__ import annotations

from datetime import date
from typing import Any

from lstg.core import format as fmt
from lstg.core.i18n import _
from lstg.privacy.document import Document, Section, Table
from lstg.privacy.person import Membership, PersonData
from lstg.privacy.requests import kinds_label
from lstg.schema.consent import Consent
from lstg.schema.privacy import Privacy
from lstg.schema.requests import Request
from lstg.validate.common import role_label
from lstg.validate.consent import kind_label


def _gender(value: str) -> str:
    return _("female") if value == "female" else _("male")


def _yes(value: bool) -> str:
    return _("yes") if value else _("no")


def _household(value: str) -> str:
    return {"poor": _("poor household"), "near-poor": _("near-poor household")}.get(
        value, _("neither poor nor near-poor")
    )


def _method(value: str | None) -> str:
    labels = {
        "paper": _("signed paper form"),
        "recording": _("recording"),
        "electronic": _("electronic"),
    }
    return labels.get(value or "", "—")


def _consent_rows(consents: list[Consent], privacy: Privacy, lang: str) -> list[list[str]]:
    rows = []
    for c in consents:
        purposes = (
            ", ".join((found.name if (found := privacy.purpose(p)) else p) for p in c.purposes)
            or "—"
        )
        kinds = ", ".join(kind_label(k) for k in c.kinds) or "—"
        withdrawn = "—"
        if c.withdrawn is not None:
            scope = ", ".join(
                [*(kind_label(k) for k in c.withdrawn.kinds), *c.withdrawn.purposes]
            ) or _("everything")
            withdrawn = f"{fmt.short_date(c.withdrawn.date, lang)}: {scope}"
        rows.append(
            [
                fmt.short_date(c.date, lang),
                purposes,
                kinds,
                _method(c.method),
                c.evidence or "—",
                c.recorded_by or "—",
                withdrawn,
            ]
        )
    return rows


def _repayment(day: date, principal: int, interest: int, lang: str) -> str:
    return (
        f"{fmt.short_date(day, lang)}: {fmt.money(principal, lang)} + {fmt.money(interest, lang)}"
    )


def _member_rows(m: Membership, lang: str) -> list[list[str]]:
    member = m.member
    born = (
        fmt.short_date(member.birth_date, lang)
        if member.birth_date
        else (str(member.birth_year) if member.birth_year else "—")
    )
    rows = [
        [_("Member id"), member.id],
        [_("Name"), member.name],
        [_("Gender"), _gender(member.gender)],
        [_("Born"), born],
        [_("Ethnicity"), member.ethnicity or "—"],
        [_("Household"), _household(member.household)],
        [_("Year certified"), str(member.household_certified or "—")],
        [_("Lives alone"), _yes(member.living_alone)],
        [_("Disability"), _yes(member.disability)],
        [_("Joined"), fmt.short_date(member.joined, lang)],
        [
            _("Left"),
            f"{fmt.short_date(member.left.date, lang)} ({member.left.reason})"
            if member.left
            else "—",
        ],
        [_("Team"), member.team or "—"],
        [_("Groups"), ", ".join(member.groups) or "—"],
        [_("Home-care volunteer"), _yes(member.home_care_volunteer)],
    ]
    if member.erased is not None:
        rows.append([_("Personal data erased on"), fmt.short_date(member.erased, lang)])
    return rows


def person_document(
    person: PersonData, requests: list[Request], privacy: Privacy, *, lang: str, today: date
) -> Document:
    """The document of everything about the person, in the active language."""
    sections: list[Section] = []
    for m in person.memberships:
        head = f"{m.club_name} ({m.club})"
        sections.append(
            Section(
                _("{club}: member record").format(club=head),
                [Table([_("Field"), _("Value recorded")], _member_rows(m, lang))],
            )
        )
        sections.append(
            Section(
                _("Consent"),
                [
                    Table(
                        [
                            _("Given on"),
                            _("Purposes"),
                            _("Kinds of data"),
                            _("How"),
                            _("Evidence"),
                            _("Recorded by"),
                            _("Withdrawn"),
                        ],
                        _consent_rows(m.member.consent, privacy, lang),
                        _("No consent is recorded."),
                    )
                ],
            )
        )
        sections.append(
            Section(
                _("Management board"),
                [
                    Table(
                        [_("Role"), _("From"), _("To")],
                        [
                            [
                                role_label(s.role),
                                fmt.short_date(s.start, lang),
                                fmt.short_date(s.end, lang) if s.end else "—",
                            ]
                            for s in m.board
                        ],
                        _("No seat on the board."),
                    )
                ],
            )
        )
        loan_rows = []
        for loan in m.loans:
            paid = (
                "; ".join(
                    _repayment(r.date, r.principal, r.interest, lang) for r in loan.repayments
                )
                or "—"
            )
            off = (
                f"{fmt.short_date(loan.written_off.date, lang)} ({loan.written_off.reason})"
                if loan.written_off
                else "—"
            )
            loan_rows.append(
                [
                    loan.id,
                    fmt.short_date(loan.disbursed, lang),
                    fmt.money(loan.amount, lang),
                    f"{fmt.number(loan.monthly_interest, lang)}%",
                    str(loan.term_months),
                    loan.purpose or "—",
                    paid,
                    off,
                ]
            )
        sections.append(
            Section(
                _("Loans and repayments"),
                [
                    Table(
                        [
                            _("Loan"),
                            _("Disbursed"),
                            _("Amount"),
                            _("Interest a month"),
                            _("Months"),
                            _("Purpose"),
                            _("Repayments (principal + interest)"),
                            _("Written off"),
                        ],
                        loan_rows,
                        _("No loan."),
                    )
                ],
            )
        )
        attended = _("Meetings attended: {n}.").format(n=len(m.attended))
        dates = ", ".join(fmt.short_date(d, lang) for d in m.attended)
        sections.append(Section(_("Meetings"), [attended, *([dates] if dates else [])]))
        sections.append(
            Section(
                _("Health checks"),
                [
                    Table(
                        [
                            _("Date"),
                            _("Weight (kg)"),
                            _("Blood pressure (mmHg)"),
                            _("Blood glucose (mmol/L)"),
                        ],
                        [
                            [
                                fmt.short_date(d, lang),
                                fmt.number(c.weight, lang) if c.weight is not None else "—",
                                f"{c.bp[0]}/{c.bp[1]}" if c.bp else "—",
                                fmt.number(c.glucose, lang) if c.glucose is not None else "—",
                            ]
                            for d, c in m.health
                        ],
                        _("No health check."),
                    )
                ],
            )
        )
        sections.append(
            Section(
                _("Home-care visits"),
                [
                    Table(
                        [_("Date"), _("Visits"), _("As")],
                        [
                            [
                                fmt.short_date(v.day, lang),
                                str(v.visits),
                                _("volunteer") if v.given else _("visited"),
                            ]
                            for v in m.visits
                        ],
                        _("No home-care visit."),
                    )
                ],
            )
        )
        sections.append(
            Section(
                _("Other records that name the person"),
                [
                    Table(
                        [_("File"), _("Field"), _("Date"), _("Text")],
                        [
                            [x.file, x.field, fmt.short_date(x.day, lang), x.text]
                            for x in m.mentions
                        ],
                        _("None."),
                    )
                ],
            )
        )
    refs = {f"{m.club}/{m.member.id}" for m in person.memberships}
    asked = [r for r in requests if r.person in refs]
    sections.append(
        Section(
            _("Requests about this data"),
            [
                Table(
                    [
                        _("Request"),
                        _("Asked"),
                        _("By"),
                        _("Received"),
                        _("Answered"),
                        _("Completed"),
                    ],
                    [
                        [
                            r.id,
                            kinds_label(list(r.kind)),
                            r.requester,
                            fmt.short_date(r.received, lang),
                            fmt.short_date(r.answered, lang) if r.answered else "—",
                            fmt.short_date(r.completed, lang) if r.completed else "—",
                        ]
                        for r in asked
                    ],
                    _("None."),
                )
            ],
        )
    )
    return Document(
        _("Personal data kept about {name}").format(name=person.name),
        [
            _("Given at the person's request (Law 91/2025/QH15 on Personal Data Protection)"),
            _("Made on {day} from the club records; kept by {keeper}").format(
                day=fmt.short_date(today, lang), keeper=privacy.keeper
            ),
        ],
        sections,
        [
            _(
                "This paper holds personal and sensitive data: give it to the person only, "
                "and keep no copy beyond the club's request log."
            )
        ],
        lang,
    )


def _plain(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def person_json(person: PersonData, requests: list[Request]) -> dict[str, Any]:
    """Everything about the person as plain JSON data, in the files' own terms."""
    refs = {f"{m.club}/{m.member.id}" for m in person.memberships}
    return {
        "name": person.name,
        "birth_year": person.birth_year,
        "memberships": [
            {
                "club": m.club,
                "club_name": m.club_name,
                "member": _plain(
                    m.member.model_dump(exclude_defaults=False, exclude={"distinct_from"})
                ),
                "board": [_plain(s.model_dump()) for s in m.board],
                "loans": [_plain(loan.model_dump()) for loan in m.loans],
                "meetings_attended": [d.isoformat() for d in m.attended],
                "health_checks": [
                    {
                        "date": d.isoformat(),
                        **{k: _plain(v) for k, v in c._asdict().items() if k != "member"},
                    }
                    for d, c in m.health
                ],
                "home_care_visits": [
                    {"date": v.day.isoformat(), "visits": v.visits, "as_volunteer": v.given}
                    for v in m.visits
                ],
                "mentions": [
                    {"file": x.file, "field": x.field, "date": _plain(x.day), "text": x.text}
                    for x in m.mentions
                ],
                "files": m.files,
            }
            for m in person.memberships
        ],
        "requests": [_plain(r.model_dump()) for r in requests if r.person in refs],
    }
