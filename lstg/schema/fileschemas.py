"""JSON Schemas of the data files, generated from the pydantic models.

Editors and other tools (such as ``check-jsonschema``) can check a data file's
shape with these schemas. They state the shape only: the checks that span
records and files (references, dates, arithmetic) are lstg's own.
"""

from __future__ import annotations

from typing import Any

from pydantic import TypeAdapter

from lstg.schema import (
    BalanceAssertion,
    Club,
    Loan,
    Meeting,
    Member,
    Plan,
    Province,
    Reports,
    Transaction,
)

KINDS: dict[str, tuple[str, Any]] = {
    "province": ("province.yaml", Province),
    "plan": ("plans/<phase>.yaml", Plan),
    "reports": ("reports.yaml", Reports),
    "club": ("clubs/<club>/club.yaml", Club),
    "members": ("clubs/<club>/members.yaml", list[Member]),
    "loans": ("clubs/<club>/loans.yaml", list[Loan]),
    "ledger": ("clubs/<club>/ledger.yaml", list[Transaction | BalanceAssertion]),
    "meetings": ("clubs/<club>/meetings/<year>.yaml", list[Meeting]),
}
"""Every kind of data file: where it lives, and the type its content validates as."""


def file_schema(kind: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one kind of data file, such as ``meetings``."""
    where, shape = KINDS[kind]
    schema = TypeAdapter(shape).json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$comment": f"lstg data file {where}",
        **schema,
    }
