"""Checks that span records and files: references, dates, arithmetic, plausibility.

Each module holds the checks of one concern. A check takes one club's records
(:class:`~lstg.checks.common.ClubView`, with the day taken as today) and
returns problems located by their path inside a file (``where``); it never
raises for bad data and never reads files. Records that failed their schema
are absent from the data set, and their ids are in ``ClubData.invalid_ids``,
so a check does not report them a second time.

- :mod:`~lstg.checks.references`: unique ids; teams, groups and funds of club.yaml.
- :mod:`~lstg.checks.unknown`: ids named in records but not in members.yaml.
- :mod:`~lstg.checks.people`: people named in loans and meetings were members that day.
- :mod:`~lstg.checks.board`: board seats, their dates and roles.
- :mod:`~lstg.checks.dates`: founding, dissolution, meeting files and order, the future.
- :mod:`~lstg.checks.loans`: repayments, write-offs and due dates of each loan.
- :mod:`~lstg.checks.funds`: each fund's cash day by day, balance assertions, overdrafts.
- :mod:`~lstg.checks.ledger`: ledger dates and paired transfers.
- :mod:`~lstg.checks.health`: plausible measurements and ages (warnings).
- :mod:`~lstg.checks.places`: the club's commune in the province file, placeable in every era.
- :mod:`~lstg.checks.province`: the province file's codes, districts and links between eras.
- :mod:`~lstg.checks.folder`: the data folder as a whole.

:func:`lstg.validation.check_dataset` runs them all.
"""
