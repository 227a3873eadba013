"""Members' personal data under Law 91/2025/QH15 and Decree 356/2025/NĐ-CP.

- :mod:`~lstg.dataset.holdings`: which kinds of data the files hold about each member,
  and since when (used by validation, the inventory and erasure).
- :mod:`~lstg.privacy.person`: everything recorded about one person, across clubs, as a
  document to hand over (``lstg person show|export``).
- :mod:`~lstg.privacy.requests`: the request log ``requests.yaml`` and the law's clocks
  (``lstg requests``).
- :mod:`~lstg.privacy.erase`: erasure and anonymisation of one person in every file,
  and of data past its retention period (``lstg person erase``).
- :mod:`~lstg.privacy.history`: the purge of a person from the git history with
  git-filter-repo.
- :mod:`~lstg.privacy.inventory`: the facts of the impact assessment (``lstg privacy``).

The package's ``__init__`` imports nothing, so that validation can use the holdings
without loading the rest.
"""
