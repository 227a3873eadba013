"""Consent and retention of members' personal data (Law 91/2025/QH15, Decree 356/2025/NĐ-CP).

- A consent names purposes from the province file's list; a record lacking its
  purposes, kinds, method, evidence or recorder is a warning that says what it lacks
  (the older form, a date alone, lacks all of them).
- Sensitive data (ethnicity, household status, health) recorded from the province's
  ``consent_from`` day needs a consent in force covering its kind on the day it was
  recorded: a health check on its date, the fields of the member's record on the day
  they joined. Otherwise a warning, one per member.
- Data recorded after consent for its kind was withdrawn is an error; data recorded
  before a withdrawal and still held is a warning (processing must stop).
- Data kept past its retention period is a warning, one per member and kind.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache

from lstg.core.i18n import _, current_language, ngettext
from lstg.core.problems import PathPart, Problem, error, warning
from lstg.dataset.holdings import Holding, Record, health_records
from lstg.schema import Province
from lstg.schema.consent import SENSITIVE_KINDS, DataKind
from lstg.schema.privacy import Privacy, default_privacy
from lstg.validate.common import ClubView, shown_date


def kind_label(kind: str) -> str:
    """A kind of personal data in the active language."""
    labels = {
        "basic": _("basic data"),
        "ethnicity": _("ethnicity"),
        "health": _("health measurements"),
        "household": _("household status"),
    }
    return labels.get(kind, kind)


def detail_label(name: str) -> str:
    return _detail_labels(current_language()).get(name, name)


@cache
def _detail_labels(language: str) -> dict[str, str]:
    """The words for what a consent record leaves out, in ``language`` (the active one)."""
    return {
        "purposes": _("its purposes"),
        "kinds": _("the kinds of data"),
        "method": _("how it was given"),
        "evidence": _("the evidence"),
        "recorded_by": _("who recorded it"),
    }


def privacy_of(province: Province | None) -> Privacy:
    return province.privacy if province is not None else default_privacy()


def held_until(holding: Holding, today: date) -> date:
    """The last day the member's own record was held while they were a member."""
    left = holding.member.left
    if left is not None and left.date <= today:
        return left.date - timedelta(days=1)
    return today


def check_consent(view: ClubView, province: Province | None) -> list[Problem]:
    """Consent records are complete and name known purposes; sensitive data is covered.

    Without a readable province file its purposes are not known: nothing is checked.
    """
    if province is None:
        return []
    privacy = province.privacy
    problems: list[Problem] = []
    old_forms: list[tuple[Holding, int]] = []
    for held in view.holdings().values():
        if held.erased:
            continue
        problems.extend(_records(view, held, privacy, old_forms))
        problems.extend(_coverage(view, held, privacy))
        problems.extend(_withdrawn(view, held))
    if old_forms:
        problems.append(_old_forms(view, old_forms))
    return problems


def _old_forms(view: ClubView, old_forms: list[tuple[Holding, int]]) -> Problem:
    """One warning for the club's consents in the older form, where the first one is.

    A members file written before the law took effect holds one for every member: a
    warning for each would bury every other problem.
    """
    first, index = old_forms[0]
    consent = first.member.consent[index]
    what = ", ".join(detail_label(m) for m in consent.missing())
    ids = list(dict.fromkeys(held.member.id for held, _index in old_forms))
    if len(ids) == 1:
        message = _(
            "Member {id}: the consent of {day} is a date only; it does not say {what}."
        ).format(id=ids[0], day=shown_date(consent.date), what=what)
        hint = _(
            "Record the consent in full with lstg member consent {club} {id} (see docs/privacy.md)."
        ).format(club=view.data.id, id=ids[0])
    else:
        message = _("The consents of {n} members are dates only ({ids}); none says {what}.").format(
            n=len(ids), ids=", ".join(ids), what=what
        )
        hint = _(
            "Record each consent in full with lstg member consent {club} MEMBER "
            "(see docs/privacy.md)."
        ).format(club=view.data.id)
    where: tuple[PathPart, ...] = (first.row, "consent", index)
    return warning(view.members_file, "consent.old-form", message, hint=hint, where=where)


def _records(
    view: ClubView, held: Holding, privacy: Privacy, old_forms: list[tuple[Holding, int]]
) -> list[Problem]:
    """The problems of the member's consent records; those in the older form are added to
    ``old_forms``, for one warning for the club."""
    problems: list[Problem] = []
    member = held.member
    known = {p.id for p in privacy.purposes}
    for index, consent in enumerate(member.consent):
        where: tuple[PathPart, ...] = (held.row, "consent", index)
        named = [((*where, "purposes", i), p) for i, p in enumerate(consent.purposes)]
        if consent.withdrawn is not None:
            named += [
                ((*where, "withdrawn", "purposes", i), p)
                for i, p in enumerate(consent.withdrawn.purposes)
            ]
        problems.extend(
            error(
                view.members_file,
                "consent.unknown-purpose",
                _("Member {id}: the purpose “{purpose}” is not in the province's list.").format(
                    id=member.id, purpose=purpose
                ),
                hint=_("Purposes: {ids}.").format(ids=", ".join(sorted(known))),
                where=at,
            )
            for at, purpose in named
            if purpose not in known
        )
        missing = consent.missing()
        if not missing:
            continue
        if consent.old_form:
            old_forms.append((held, index))
            continue
        what = ", ".join(detail_label(m) for m in missing)
        problems.append(
            warning(
                view.members_file,
                "consent.incomplete",
                _("Member {id}: the consent of {day} does not say {what}.").format(
                    id=member.id, day=shown_date(consent.date), what=what
                ),
                where=where,
            )
        )
    return problems


def _coverage(view: ClubView, held: Holding, privacy: Privacy) -> list[Problem]:
    """One warning for the member's sensitive data that no consent in force covers."""
    member = held.member
    start = privacy.consent_from
    uncovered: list[str] = []
    recorded = member.joined
    for kind in ("ethnicity", "household"):
        if (
            kind in held.kinds
            and recorded >= start
            and not member.consent_covers(kind, recorded)
            and not member.consent_withdrawn(kind, recorded)
        ):
            uncovered.append(kind_label(kind))
    uncovered_on: dict[date, bool] = {}
    for day in {d for d in held.health_days if d >= start}:
        uncovered_on[day] = not member.consent_covers(
            "health", day
        ) and not member.consent_withdrawn("health", day)
    checks = [d for d in held.health_days if uncovered_on.get(d, False)]
    if checks:
        uncovered.append(
            ngettext(
                "{n} health check (from {day})",
                "{n} health checks (from {day})",
                len(checks),
            ).format(n=len(checks), day=shown_date(min(checks)))
        )
    if not uncovered:
        return []
    return [
        warning(
            view.members_file,
            "consent.missing",
            _("Member {id} has {what} that no consent in force covers.").format(
                id=member.id, what=", ".join(uncovered)
            ),
            hint=_(
                "Record the member's consent with lstg member consent {club} {id}, or erase "
                "the data with lstg person erase."
            ).format(club=view.data.id, id=member.id),
            where=(held.row, "consent") if member.consent else (held.row,),
            key=not member.consent,
        )
    ]


def _after_withdrawal(records: list[Record], held: Holding, kind: DataKind) -> list[Record]:
    if not held.member.withdrew_consent:
        return []
    return [r for r in records if held.member.consent_withdrawn(kind, r.day)]


def _withdrawn(view: ClubView, held: Holding) -> list[Problem]:
    problems: list[Problem] = []
    member = held.member
    for kind, records in (
        ("health", health_records(view.data, member.id) if member.withdrew_consent else []),
        ("basic", held.attendance + held.loans),
    ):
        for record in _after_withdrawal(records, held, kind):  # type: ignore[arg-type]
            problems.append(
                error(
                    record.file,
                    "consent.after-withdrawal",
                    _(
                        "Member {id} withdrew consent for {kind}, yet this was recorded on {day}."
                    ).format(id=member.id, kind=kind_label(kind), day=shown_date(record.day)),
                    hint=_("Data is not recorded after its consent was withdrawn; remove it."),
                    where=record.where,
                )
            )
    last = held_until(held, view.today)
    still: list[str] = []
    for kind in SENSITIVE_KINDS:
        if kind == "health":
            if not member.consent_withdrawn("health", view.today):
                continue
            earlier = [d for d in held.health_days if not member.consent_withdrawn("health", d)]
            if earlier:
                still.append(
                    ngettext("{n} health check", "{n} health checks", len(earlier)).format(
                        n=len(earlier)
                    )
                )
        elif kind in held.kinds and member.consent_withdrawn(kind, last):
            still.append(kind_label(kind))
    if still:
        problems.append(
            warning(
                view.members_file,
                "consent.withdrawn-held",
                _("Member {id} withdrew consent, yet the files still hold {what}.").format(
                    id=member.id, what=", ".join(still)
                ),
                hint=_(
                    "Processing stops when consent is withdrawn: erase the data with "
                    "lstg person erase {club}/{id} --kind … (see docs/privacy.md)."
                ).format(club=view.data.id, id=member.id),
                where=(held.row, "consent"),
            )
        )
    return problems


def check_retention(view: ClubView, province: Province | None) -> list[Problem]:
    """Data kept past the province's retention period for its kind, one warning per
    member and kind; nothing without a readable province file (its periods are not known)."""
    if province is None:
        return []
    privacy = province.privacy
    problems: list[Problem] = []
    for held in view.holdings().values():
        if held.erased:
            continue
        for expired in expired_kinds(held, privacy, view.today):
            kind, until, count = expired
            label = kind_label(kind)
            if count is not None:
                label = ngettext("{n} health check", "{n} health checks", count).format(n=count)
            problems.append(
                warning(
                    view.members_file,
                    "retention.expired",
                    _(
                        "Member {id}: {what} kept past the retention period, which ended on {day}."
                    ).format(id=held.member.id, what=label, day=shown_date(until)),
                    hint=_(
                        "lstg person erase --expired lists and erases what has passed its term."
                    ),
                    where=(held.row,),
                )
            )
    return problems


def expired_kinds(
    held: Holding, privacy: Privacy, today: date
) -> list[tuple[DataKind, date, int | None]]:
    """The kinds of the member's data past their retention period on ``today``: the kind,
    the last day of its term, and for health checks how many are past it."""
    out: list[tuple[DataKind, date, int | None]] = []
    left = held.member.left.date if held.member.left is not None else None
    for rule in privacy.retention:
        if rule.kind == "health":
            if rule.after == "left":
                until = rule.expires(left=left, recorded=None)
                if until is not None and until < today and held.health_days:
                    out.append(("health", until, len(held.health_days)))
            else:
                ends = {d: rule.expires(left=None, recorded=d) for d in set(held.health_days)}
                late = [d for d in held.health_days if (end := ends[d]) is not None and end < today]
                if late:
                    last = max(late)
                    until = rule.expires(left=None, recorded=last)
                    assert until is not None
                    out.append(("health", until, len(late)))
            continue
        if rule.kind not in held.kinds:
            continue
        recorded = held.member.joined
        until = rule.expires(left=left, recorded=recorded)
        if until is not None and until < today:
            out.append((rule.kind, until, None))
    return out
