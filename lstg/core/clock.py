"""The time of day that lstg states: Vietnam's (Asia/Ho_Chi_Minh, UTC+7), whatever the
computer's time zone. On Windows the zone comes from the ``tzdata`` package."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
"""The time zone of every date and moment lstg prints."""


def today() -> date:
    """Today's date in Vietnam."""
    return datetime.now(ZONE).date()
