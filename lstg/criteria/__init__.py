"""Stage 6, plan criteria: a plan's rules and targets judged on the indicators.

- :mod:`~lstg.criteria.rules`: evaluating a plan's rules on indicator values
  (verdicts met, exceeded, not met, no data, undecided).
- :mod:`~lstg.criteria.check`: ``lstg check`` as a library call: which plan, dates and
  clubs, then the evaluation in bounded memory.
"""
