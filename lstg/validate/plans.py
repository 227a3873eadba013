"""Checks of the plan files that their schema cannot see: the indicators their rules name.

A plan's rule names an indicator of :data:`lstg.indicators.INDICATORS`; this is the
one check that needs the register of indicators, and so the reason the validation
stage sits above the indicators (docs/architecture.md).
"""

from __future__ import annotations

import difflib

from lstg.core.i18n import _
from lstg.core.problems import Problem, error
from lstg.dataset import PLANS_DIR
from lstg.indicators import INDICATORS
from lstg.indicators.facts import Clubs
from lstg.indicators.registry import measurable


def check_plans(dataset: Clubs) -> list[Problem]:
    """Problems with the plans' rules that their schema cannot see.

    An indicator name that the roll-up layer does not know
    (``plan.unknown-indicator``), and an indicator that has no value at the
    rule's scope, such as ``units_total`` for one club (``plan.indicator-scope``).
    Each problem points at the rule's ``indicator``.
    """
    problems: list[Problem] = []
    for plan in dataset.plans.values():
        file = f"{PLANS_DIR}/{plan.id}.yaml"
        for index, rule in enumerate(plan.rules):
            where = ("rules", index, "indicator")
            if rule.indicator not in INDICATORS:
                close = difflib.get_close_matches(rule.indicator, list(INDICATORS), n=1)
                hint = (
                    _("Did you mean {names}?").format(names=", ".join(close))
                    if close
                    else _("The indicators are listed in docs/indicators.md.")
                )
                problems.append(
                    error(
                        file,
                        "plan.unknown-indicator",
                        _("Rule “{rule}” measures an unknown indicator “{name}”.").format(
                            rule=rule.id, name=rule.indicator
                        ),
                        where=where,
                        hint=hint,
                    )
                )
            elif not measurable(rule.indicator, club=rule.scope == "club"):
                if rule.scope == "club":
                    message = _("The indicator “{name}” has no value for one club.")
                else:
                    message = _("The indicator “{name}” has no value for a set of clubs.")
                problems.append(
                    error(
                        file,
                        "plan.indicator-scope",
                        message.format(name=rule.indicator),
                        where=where,
                        hint=_("Change the rule's scope, or choose another indicator."),
                    )
                )
    return problems
