"""The funds' cash day by day: balance assertions and overdrafts."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from conftest_validate import CLUB, after_edits, copy_base, isolated

from lstg.dataset.loader import load_dataset
from lstg.validate.common import ClubView
from lstg.validate.funds import cash_by_day

__all__ = ["isolated"]
pytestmark = pytest.mark.usefixtures("isolated")

L = f"{CLUB}/loans.yaml"
G = f"{CLUB}/ledger.yaml"


def test_cash_by_day_counts_ledger_loans_and_repayments(tmp_path: Path) -> None:
    root = copy_base(tmp_path)
    club = load_dataset(root).clubs["chi-lang-quang-lac"]
    view = ClubView.of(club, date(2026, 11, 29))
    assert cash_by_day(view, "income") == [
        (date(2019, 4, 15), 5_000_000),
        (date(2019, 6, 1), 2_000_000),
        (date(2019, 9, 1), 3_545_000),
        (date(2019, 12, 1), 5_090_000),
        (date(2020, 2, 1), 3_090_000),
        (date(2020, 8, 1), 4_150_000),
    ]
    assert cash_by_day(view, "activity") == [
        (date(2019, 4, 15), 1_000_000),
        (date(2020, 5, 10), 700_000),
    ]


def test_balance_that_does_not_hold(tmp_path: Path) -> None:
    assert after_edits(tmp_path, [(G, "  balance: 5090000", "  balance: 5009000")]) == [
        f"{G}:12:12: error ledger.balance-mismatch: The fund “income” should hold 5,009,000 đ "
        "at the end of 2019-12-31, but the records give 5,090,000 đ (a difference of -81,000 đ)."
    ]


def test_money_paid_out_beyond_the_cash(tmp_path: Path) -> None:
    assert after_edits(tmp_path, [(G, "  amount: -300000", "  amount: -1300000")]) == [
        f"{G}:15:11: error ledger.overdrawn: "
        "After 2020-05-10 the fund “activity” would hold -300,000 đ, less than nothing.",
        f"{G}:22:12: error ledger.balance-mismatch: The fund “activity” should hold 700,000 đ "
        "at the end of 2020-12-31, but the records give -300,000 đ "
        "(a difference of 1,000,000 đ).",
    ]


def test_loan_beyond_the_cash(tmp_path: Path) -> None:
    found = after_edits(tmp_path, [(L, "  amount: 2000000", "  amount: 9000000")])
    assert found[1] == (
        f"{L}:17:11: error loan.exceeds-fund: Loan L002 of 9,000,000 đ was disbursed on "
        "2020-02-01, but the fund “income” held only 5,090,000 đ that day."
    )


def test_money_received_on_the_day_of_a_loan_counts(tmp_path: Path) -> None:
    grant = "- date: 2020-02-01\n  fund: income\n  amount: 6000000\n  source: state-budget\n"
    edits = [
        (G, "- date: 2020-05-10\n", grant + "- date: 2020-05-10\n"),
        (G, "  balance: 4150000", "  balance: 10150000"),
        (L, "  amount: 2000000", "  amount: 8000000"),
        (L, "      principal: 1000000", "      principal: 7000000"),
    ]
    assert after_edits(tmp_path, edits) == []


def test_arithmetic_waits_for_a_broken_loans_file(tmp_path: Path) -> None:
    found = after_edits(tmp_path, [(L, "  amount: 2000000", "  amount: two million")])
    assert [line.split(": ")[1] for line in found] == ["error schema.value"]


def test_one_wrong_entry_gives_one_mismatch(tmp_path: Path) -> None:
    edits = [(G, "  amount: 5000000", "  amount: 5500000")]
    assert after_edits(tmp_path, edits) == [
        f"{G}:12:12: error ledger.balance-mismatch: The fund “income” should hold 5,090,000 đ "
        "at the end of 2019-12-31, but the records give 5,590,000 đ "
        "(a difference of -500,000 đ)."
    ]


def test_a_second_discrepancy_is_reported_too(tmp_path: Path) -> None:
    edits = [
        (G, "  amount: 5000000", "  amount: 5500000"),
        (L, "      interest: 60000", "      interest: 600000"),
    ]
    found = after_edits(tmp_path, edits)
    assert found[1] == (
        f"{G}:19:12: error ledger.balance-mismatch: The fund “income” should hold 4,150,000 đ "
        "at the end of 2020-12-31, but the records give 5,190,000 đ "
        "(a difference of -1,040,000 đ)."
    )
    assert len(found) == 2
