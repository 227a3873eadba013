"""Shared domain knowledge, beside the data: places, periods, words and the period rule.

- :mod:`~lstg.domain.places`: the province's administrative units in each era, their
  kinds, zones and the links between eras (splits and merges).
- :mod:`~lstg.domain.periods`: periods, windows and months.
- :mod:`~lstg.domain.vocabulary`: the codes the records use and their labels.
- :mod:`~lstg.domain.resolve`: the one rule choosing plan, period and as-of date.
"""
