"""Checks that span records and files: references, dates, arithmetic, plausibility.

Each module holds the checks of one concern. A check takes the loaded data (and
the day taken as today) and returns problems located by their path inside a
file (``where``); it never raises for bad data and never reads files. Records
that failed their schema are absent from the data set, and their ids are in
``ClubData.invalid_ids``, so a check does not report them a second time.
"""
