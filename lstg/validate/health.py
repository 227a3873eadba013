"""Plausibility, as warnings: measurements and ages outside what a person can have.

The ranges catch typing errors (a systolic of 1200, a glucose of 65 meant as
6.5) while leaving every real, if alarming, measurement alone.
"""

from __future__ import annotations

from lstg.core.i18n import _
from lstg.core.problems import PathPart, Problem, warning
from lstg.validate.common import ClubView, shown_date

WEIGHT_KG = (25.0, 200.0)
SYSTOLIC = (60, 260)
DIASTOLIC = (30, 160)
GLUCOSE_MMOL = (2.0, 35.0)
MAX_AGE_JOINING = 110
MIN_AGE_JOINING = 10


def _number(value: float) -> str:
    return f"{value:g}"


def _tenth_hint(value: float, low: float, high: float) -> str | None:
    """A hint when the value divided by 10 would be plausible: a decimal point left out."""
    for factor in (10, 100):
        if low <= value / factor <= high:
            return _("Did you mean {value}? The decimal point may be missing.").format(
                value=_number(value / factor)
            )
    return None


def check_health(view: ClubView) -> list[Problem]:
    """Weight, blood pressure and glucose at each health check are within human ranges."""
    problems: list[Problem] = []
    (w_low, w_high), (g_low, g_high) = WEIGHT_KG, GLUCOSE_MMOL
    (s_low, s_high), (d_low, d_high) = SYSTOLIC, DIASTOLIC
    for file, row, meeting in view.meetings():
        for index, check in enumerate(meeting.health_checks):
            # Nearly every check is plausible: tell so at once, without a call.
            _member, weight, bp, glucose = check
            if (
                (weight is None or w_low <= weight <= w_high)
                and (glucose is None or g_low <= glucose <= g_high)
                and (
                    bp is None
                    or (s_low <= bp[0] <= s_high and d_low <= bp[1] <= d_high and bp[0] > bp[1])
                )
            ):
                continue
            where: tuple[PathPart, ...] = (row, "health_checks", index)
            found = (
                _weight(file, where, check.member, check.weight),
                _blood_pressure(file, where, check.member, check.bp),
                _glucose(file, where, check.member, check.glucose),
            )
            problems.extend(p for p in found if p is not None)
    return problems


def _weight(
    file: str, where: tuple[PathPart, ...], member: str, value: float | None
) -> Problem | None:
    if value is None or WEIGHT_KG[0] <= value <= WEIGHT_KG[1]:
        return None
    return warning(
        file,
        "health.weight",
        _("A weight of {value} kg for member {id} is outside {low}–{high} kg.").format(
            value=_number(value),
            id=member,
            low=_number(WEIGHT_KG[0]),
            high=_number(WEIGHT_KG[1]),
        ),
        hint=_tenth_hint(value, *WEIGHT_KG),
        where=(*where, "weight"),
    )


def _blood_pressure(
    file: str, where: tuple[PathPart, ...], member: str, value: tuple[int, int] | None
) -> Problem | None:
    if value is None:
        return None
    systolic, diastolic = value
    written = f"{systolic}/{diastolic}"
    if not (SYSTOLIC[0] <= systolic <= SYSTOLIC[1] and DIASTOLIC[0] <= diastolic <= DIASTOLIC[1]):
        fixed = (_tenth(systolic, SYSTOLIC), _tenth(diastolic, DIASTOLIC))
        hint = (
            _("Did you mean {value}?").format(value=f"{fixed[0]}/{fixed[1]}")
            if None not in fixed
            else _("Blood pressure is written systolic/diastolic, such as 130/85.")
        )
        return warning(
            file,
            "health.blood-pressure",
            _(
                "A blood pressure of {value} for member {id} is outside "
                "{slow}–{shigh} over {dlow}–{dhigh} mmHg."
            ).format(
                value=written,
                id=member,
                slow=SYSTOLIC[0],
                shigh=SYSTOLIC[1],
                dlow=DIASTOLIC[0],
                dhigh=DIASTOLIC[1],
            ),
            hint=hint,
            where=(*where, "bp"),
        )
    if systolic > diastolic:
        return None
    return warning(
        file,
        "health.blood-pressure",
        _(
            "In the blood pressure {value} of member {id}, the first "
            "(systolic) figure should be the higher."
        ).format(value=written, id=member),
        hint=(
            _("Did you mean {value}?").format(value=f"{diastolic}/{systolic}")
            if systolic < diastolic
            else None
        ),
        where=(*where, "bp"),
    )


def _tenth(value: int, bounds: tuple[int, int]) -> int | None:
    """``value`` if plausible, else ``value`` / 10 when that is (a digit typed twice)."""
    if bounds[0] <= value <= bounds[1]:
        return value
    if value % 10 == 0 and bounds[0] <= value // 10 <= bounds[1]:
        return value // 10
    return None


def _glucose(
    file: str, where: tuple[PathPart, ...], member: str, value: float | None
) -> Problem | None:
    if value is None or GLUCOSE_MMOL[0] <= value <= GLUCOSE_MMOL[1]:
        return None
    return warning(
        file,
        "health.glucose",
        _(
            "A blood glucose of {value} mmol/L for member {id} is outside {low}–{high} mmol/L."
        ).format(
            value=_number(value),
            id=member,
            low=_number(GLUCOSE_MMOL[0]),
            high=_number(GLUCOSE_MMOL[1]),
        ),
        hint=_tenth_hint(value, *GLUCOSE_MMOL),
        where=(*where, "glucose"),
    )


def check_ages(view: ClubView) -> list[Problem]:
    """Members are between 10 and 110 years old when they join. A joining date in the
    future is reported as such (``date.future``), not as an age."""
    problems: list[Problem] = []
    for row, member in zip(view.data.member_rows, view.data.members, strict=True):
        age = member.age_on(member.joined)
        if age is None or member.joined > view.today:
            continue
        field = "birth_date" if member.birth_date is not None else "birth_year"
        if age > MAX_AGE_JOINING:
            problems.append(
                warning(
                    view.members_file,
                    "member.too-old",
                    _("Member {id} would have been {age} years old on joining ({joined}).").format(
                        id=member.id, age=age, joined=shown_date(member.joined)
                    ),
                    hint=_("Check the year of birth."),
                    where=(row, field),
                )
            )
        elif age < MIN_AGE_JOINING:
            problems.append(
                warning(
                    view.members_file,
                    "member.too-young",
                    _(
                        "Member {id} would have been {age} years old on joining ({joined}), "
                        "younger than {minimum}."
                    ).format(
                        id=member.id,
                        age=max(age, 0),
                        joined=shown_date(member.joined),
                        minimum=MIN_AGE_JOINING,
                    ),
                    hint=_("Check the year of birth."),
                    where=(row, field),
                )
            )
    return problems
