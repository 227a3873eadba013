"""The ledger: entries within each fund's life, in date order, transfers in pairs."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest_validate import CLUB, after_edits, isolated

__all__ = ["isolated"]
pytestmark = pytest.mark.usefixtures("isolated")

G = f"{CLUB}/ledger.yaml"
M = f"{CLUB}/members.yaml"
FIRST_BALANCE = "- date: 2019-12-31\n  fund: income\n  balance: 5090000\n"


def test_transfers_pair_up(tmp_path: Path) -> None:
    pair = (
        "- date: 2020-05-10\n  fund: activity\n  amount: 200000\n  source: transfer\n"
        "- date: 2020-05-10\n  fund: income\n  amount: -200000\n  use: transfer\n"
    )
    edits = [
        (G, "- date: 2020-05-10\n", pair + "- date: 2020-05-10\n"),
        (G, "  balance: 4150000", "  balance: 3950000"),
        (G, "  balance: 700000", "  balance: 900000"),
    ]
    assert after_edits(tmp_path, edits) == []


def test_transfer_without_its_other_half(tmp_path: Path) -> None:
    alone = "- date: 2020-05-10\n  fund: income\n  amount: -100000\n  use: transfer\n"
    edits = [
        (G, "- date: 2020-05-10\n", alone + "- date: 2020-05-10\n"),
        (G, "  balance: 4150000", "  balance: 4050000"),
    ]
    assert after_edits(tmp_path, edits) == [
        f"{G}:15:11: warning ledger.unpaired-transfer: This transfer of 100,000 đ on "
        "2020-05-10 has no matching transfer in the other direction."
    ]


def test_balance_before_the_fund_was_opened(tmp_path: Path) -> None:
    early = "- date: 2019-04-01\n  fund: income\n  balance: 0\n"
    edits = [(G, FIRST_BALANCE, early + FIRST_BALANCE)]
    assert after_edits(tmp_path, edits) == [
        f"{G}:10:9: error ledger.before-fund-opened: "
        "This entry of 2019-04-01 is before the fund “income” was opened on 2019-04-15.",
        f"{G}:10:9: warning ledger.out-of-order: "
        "This entry of 2019-04-01 comes after one of 2019-04-15.",
    ]


def test_household_certified_in_a_future_year(tmp_path: Path) -> None:
    edits = [(M, "household_certified: 2019", "household_certified: 2027")]
    assert after_edits(tmp_path, edits) == [
        f"{M}:16:24: error date.future: The year 2027 is in the future (today is 2026-12-01)."
    ]
