"""Checks that span records and files: references, dates, arithmetic, plausibility.

Each module holds the checks of one concern. A check takes one club's records
(:class:`~lstg.validate.common.ClubView`, with the day taken as today) and
returns problems located by their path inside a file (``where``); it never
raises for bad data and never reads files. Records that failed their schema
are absent from the data set, and their ids are in ``ClubData.invalid_ids``,
so a check does not report them a second time.

- :mod:`~lstg.validate.references`: unique ids; teams, groups and funds of club.yaml.
- :mod:`~lstg.validate.unknown`: ids named in records but not in members.yaml.
- :mod:`~lstg.validate.people`: people named in loans and meetings were members that day.
- :mod:`~lstg.validate.board`: board seats, their dates and roles.
- :mod:`~lstg.validate.dates`: founding, dissolution, meeting files and order, the future.
- :mod:`~lstg.validate.loans`: repayments, write-offs and due dates of each loan.
- :mod:`~lstg.validate.funds`: each fund's cash day by day, balance assertions, overdrafts.
- :mod:`~lstg.validate.ledger`: ledger dates and paired transfers.
- :mod:`~lstg.validate.health`: plausible measurements and ages (warnings).
- :mod:`~lstg.validate.places`: the club's commune in the province file, placeable in every era.
- :mod:`~lstg.validate.province`: the province file's codes, districts and links between eras.
- :mod:`~lstg.validate.folder`: the data folder as a whole.

:func:`lstg.validate.run.check_dataset` runs them all.
"""
