"""Data past its retention period, across the data folder, as erasures to make."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from lstg.dataset import DataSet
from lstg.dataset.holdings import holdings
from lstg.privacy.erase import target_for
from lstg.privacy.scrub import Target
from lstg.schema.consent import DATA_KINDS, DataKind
from lstg.validate.consent import expired_kinds


@dataclass(frozen=True, slots=True)
class Expired:
    """One member's data past its term: the kinds, the last day of each term, and for
    health how many checks."""

    club: str
    member: str
    kinds: list[tuple[DataKind, date, int | None]]
    target: Target


def expired(dataset: DataSet, today: date) -> list[Expired]:
    """Every member's data past the province's retention periods on ``today``."""
    if dataset.province is None:
        return []
    privacy = dataset.province.privacy
    found: list[Expired] = []
    for club_id, data in sorted(dataset.clubs.items()):
        has_loans = {loan.member for loan in data.loans}
        for member_id, held in holdings(data).items():
            if held.erased:
                continue
            kinds = expired_kinds(held, privacy, today)
            if not kinds:
                continue
            names = {k for k, _until, _n in kinds}
            erase = set(DATA_KINDS) if "basic" in names else names
            target = target_for(club_id, held.member, member_id in has_loans, erase, today)
            found.append(Expired(club_id, member_id, kinds, target))
    return found
