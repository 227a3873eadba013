"""Each loan on its own: repayments between disbursement and write-off, never too much."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest_validate import CLUB, after_edits, isolated

__all__ = ["isolated"]
pytestmark = pytest.mark.usefixtures("isolated")

L = f"{CLUB}/loans.yaml"
G = f"{CLUB}/ledger.yaml"
LAST_REPAYMENT = "    - date: 2020-08-01\n      principal: 1000000\n      interest: 60000\n"


def test_repayment_after_write_off(tmp_path: Path) -> None:
    late = "    - date: 2020-10-01\n      principal: 100000\n"
    off = "  written_off:\n    date: 2020-09-01\n    reason: ốm nặng\n"
    assert after_edits(tmp_path, [(L, LAST_REPAYMENT, LAST_REPAYMENT + late + off)]) == [
        f"{G}:19:12: error ledger.balance-mismatch: The fund “income” should hold 4,150,000 đ "
        "at the end of 2020-12-31, but the records give 4,250,000 đ "
        "(a difference of -100,000 đ).",
        f"{L}:26:13: error loan.repayment-after-write-off: "
        "Loan L002 is repaid on 2020-10-01, after it was written off on 2020-09-01.",
    ]


def test_write_off_before_disbursement(tmp_path: Path) -> None:
    off = "  written_off:\n    date: 2020-01-01\n    reason: nhầm\n"
    assert after_edits(tmp_path, [(L, LAST_REPAYMENT, LAST_REPAYMENT + off)]) == [
        f"{L}:23:13: error loan.repayment-after-write-off: "
        "Loan L002 is repaid on 2020-08-01, after it was written off on 2020-01-01.",
        f"{L}:27:11: error loan.write-off-before-disbursement: "
        "Loan L002 is written off on 2020-01-01, before it was disbursed.",
    ]


def test_write_off_of_a_repaid_loan(tmp_path: Path) -> None:
    old = "      interest: 45000\n- id: L002"
    new = (
        "      interest: 45000\n  written_off:\n    date: 2020-01-01\n    reason: nhầm\n- id: L002"
    )
    assert after_edits(tmp_path, [(L, old, new)]) == [
        f"{L}:16:11: warning loan.write-off-repaid: "
        "Loan L001 is written off on 2020-01-01, but it was already repaid."
    ]


def test_repayments_out_of_order_and_empty(tmp_path: Path) -> None:
    old = "    - date: 2019-12-01\n      principal: 1500000\n      interest: 45000"
    new = (
        "    - date: 2019-08-01\n      principal: 1500000\n      interest: 45000\n"
        "    - date: 2019-12-02"
    )
    assert after_edits(tmp_path, [(L, old, new)]) == [
        f"{L}:12:13: warning loan.repayments-out-of-order: "
        "This repayment of 2019-08-01 comes after one of 2019-09-01.",
        f"{L}:15:7: error loan.empty-repayment: "
        "This repayment of loan L001 pays neither principal nor interest.",
    ]


def test_due_date_before_disbursement(tmp_path: Path) -> None:
    edits = [(L, "  term_months: 12\n", "  term_months: 12\n  due: 2020-01-01\n")]
    assert after_edits(tmp_path, edits) == [
        f"{L}:20:8: error loan.due-before-disbursement: "
        "Loan L002 falls due on 2020-01-01, not after it was disbursed on 2020-02-01."
    ]


def test_installment_on_the_disbursement_day(tmp_path: Path) -> None:
    schedule = (
        "  term_months: 6\n  schedule:\n"
        "    - date: 2019-06-01\n      principal: 1000000\n"
        "    - date: 2019-12-01\n      principal: 2000000\n"
    )
    assert after_edits(tmp_path, [(L, "  term_months: 6\n", schedule)]) == [
        f"{L}:7:13: error loan.due-before-disbursement: An installment of loan L001 falls due "
        "on 2019-06-01, not after it was disbursed on 2019-06-01."
    ]


def test_overpaid_loan_is_reported_once(tmp_path: Path) -> None:
    more = (
        "    - date: 2020-09-01\n      principal: 1500000\n"
        "    - date: 2020-10-01\n      principal: 5\n"
    )
    found = after_edits(tmp_path, [(L, LAST_REPAYMENT, LAST_REPAYMENT + more)])
    assert [line for line in found if "loan.overpaid" in line] == [
        f"{L}:27:18: error loan.overpaid: "
        "Loan L002 is 2,000,000 đ, but 2,500,000 đ of principal is repaid by 2020-09-01."
    ]
