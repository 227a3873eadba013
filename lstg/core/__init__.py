"""Core values and services every stage uses; this package imports nothing else of lstg.

- :mod:`~lstg.core.problems`: a data problem as a value (file, line, column, code, message).
- :mod:`~lstg.core.errors`: :class:`~lstg.core.errors.UserError` (the run cannot proceed:
  one line, exit 1) and :class:`~lstg.core.errors.UsageError` (wrong usage: exit 2), the
  one hierarchy every other error of lstg derives from.
- :mod:`~lstg.core.i18n`: the active language and the message catalogs.
- :mod:`~lstg.core.format`: the one formatter of figures, dates, money and shares (Babel).
- :mod:`~lstg.core.clock`: today, as the commands see it.
- :mod:`~lstg.core.resources`: what ships in the package (templates, sample, catalogs).
- :mod:`~lstg.core.safefiles`: opening only regular files, never through a link.
- :mod:`~lstg.core.atomicfile`: the one atomic writer.
- :mod:`~lstg.core.pool`: the one process pool and when to use it.
- :mod:`~lstg.core.progress`: the one progress bar.
- :mod:`~lstg.core.suggest`: the id a person most likely meant.
- :mod:`~lstg.core.spreadsheets`: text cells no spreadsheet runs.
"""
