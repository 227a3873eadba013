"""The data models: one module per kind of file. Pure: no I/O here."""

from __future__ import annotations

from lstg.schema.club import Club
from lstg.schema.ledger import BalanceAssertion, LedgerEntry, Transaction
from lstg.schema.loan import Loan
from lstg.schema.meeting import Meeting
from lstg.schema.member import Member
from lstg.schema.plan import Plan, Rule
from lstg.schema.province import Province
from lstg.schema.reports import Body, Reports, Signer

__all__ = [
    "BalanceAssertion",
    "Body",
    "Club",
    "LedgerEntry",
    "Loan",
    "Meeting",
    "Member",
    "Plan",
    "Province",
    "Reports",
    "Rule",
    "Signer",
    "Transaction",
]
