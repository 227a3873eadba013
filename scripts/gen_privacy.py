"""Consent records, one withdrawal, and health data erased at the end of its term.

Drawn from a generator of its own (the seed, the club id and ``privacy``), so that the
rest of the data is the same whatever is decided here. The story it tells:

- every member asked gives a full consent: on a signed paper form numbered in the club's
  book, for the four purposes of the province file, covering the four kinds of data,
  recorded by the club's vice-chair; members joining since 2021 sign on joining, the
  members of 2023 at the collection of the second half of 2023;
- the club of xã Minh Sơn (``huu-lung-minh-son``) has not yet written four of its 2023
  consents in full: they keep the older form, a date only;
- three members, in three clubs, never signed and are measured all the same;
- one member of thị trấn Đồng Mỏ's club (``chi-lang-dong-mo``) withdraws consent to
  health follow-up in 2026: the club stops measuring them and erases their measurements;
- health measurements are kept five years after a member leaves (the province file's
  retention): the clubs erased those of members who left before 1/12/2021, except one
  member of xã Chi Lăng's club (``chi-lang-chi-lang``), whose are still there.
"""

from __future__ import annotations

import random
from datetime import date

from gen_clubs import END, Spec
from gen_meetings import Meeting
from gen_people import Person, Roster, consent_date

PURPOSES = ["management", "health", "loans", "reporting"]
KINDS = ["basic", "ethnicity", "household", "health"]
OLD_FORM_CLUB = "huu-lung-minh-son"
OLD_FORM_COUNT = 4
NO_CONSENT_CLUBS = ("cao-loc-yen-trach", "van-quan-binh-phuc", "loc-binh-loc-binh")
WITHDRAWAL_CLUB = "chi-lang-dong-mo"
RETENTION_CLUB = "chi-lang-chi-lang"
HEALTH_YEARS = 5
TODAY = date(2026, 12, 1)
"""The day the bundled data is taken as today (the day after its last records)."""


def _health_expired(person: Person) -> bool:
    if person.left is None:
        return False
    left = person.left[0]
    return date(left.year + HEALTH_YEARS, left.month, min(left.day, 28)) < TODAY


def _measured(meetings: list[Meeting], person: Person, since: date) -> bool:
    return any(c["member"] == person.id for m in meetings if m.date >= since for c in m.checks)


def apply_privacy(seed: str, spec: Spec, roster: Roster, meetings: list[Meeting]) -> None:
    """Write each member's consent records and drop the health checks the story erases."""
    rng = random.Random(f"{seed}:{spec.id}:privacy")
    people = roster.people
    year_start = date(2026, 1, 1)
    current = [p for p in people if p.member_on(END) and _measured(meetings, p, year_start)]
    unsigned: set[str] = set()
    if spec.id in NO_CONSENT_CLUBS and current:
        unsigned.add(rng.choice([p for p in current if p not in roster.board]).id)
    old_form: set[str] = set()
    if spec.id == OLD_FORM_CLUB:
        asked = [p for p in people if p.consent is not None and p.joined.year < 2021]
        old_form = {p.id for p in rng.sample(asked, OLD_FORM_COUNT)}
    recorder = roster.board[1].id
    numbers: dict[int, int] = {}
    for person in people:
        day = person.consent
        if day is None and person.consent_skipped and person.id not in unsigned:
            day = consent_date(spec, person, roster.consent_day or date.max)
        if day is None or person.id in unsigned:
            person.consent = None
            continue
        if person.id in old_form:
            person.consent = day
            continue
        numbers[day.year] = numbers.get(day.year, 0) + 1
        person.consent = None
        person.consents = [
            {
                "date": day,
                "purposes": PURPOSES,
                "kinds": KINDS,
                "method": "paper",
                "evidence": f"Phiếu số {numbers[day.year]:03d}/{day.year}",
                "recorded_by": recorder,
            }
        ]
    erased: set[str] = set()
    if spec.id == WITHDRAWAL_CLUB:
        signed = [p for p in current if p.consents and p not in roster.board]
        person = rng.choice(signed)
        checks_2026 = sorted(
            m.date
            for m in meetings
            if m.date >= year_start
            for c in m.checks
            if c["member"] == person.id
        )
        withdrawn = checks_2026[len(checks_2026) // 2]
        person.consents[0]["withdrawn"] = {
            "date": withdrawn,
            "kinds": ["health"],
            "evidence": f"Đơn xin rút lại đồng ý ngày {withdrawn.strftime('%d/%m/%Y')}",
            "recorded_by": recorder,
        }
        erased.add(person.id)
    expired = [p for p in people if _health_expired(p) and _measured(meetings, p, date.min)]
    kept = expired[0].id if spec.id == RETENTION_CLUB and expired else None
    erased.update(p.id for p in expired if p.id != kept)
    for meeting in meetings:
        meeting.checks = [c for c in meeting.checks if c["member"] not in erased]
