"""JSON Schemas of the data files, generated from the pydantic models.

Editors and other tools (such as ``check-jsonschema``) can check a data file's
shape with these schemas. They state the shape only: the checks that span
records and files (references, dates, arithmetic) are lstg's own.
"""

from __future__ import annotations

from typing import Any

from pydantic import TypeAdapter
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

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
from lstg.schema.meeting import BloodPressure

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

_WRITTEN_AS: dict[int, JsonSchemaValue] = {}
"""What a value parsed by a before-validator looks like in the file, by validator."""


def _written_as_text(annotated: Any, pattern: str) -> None:
    for meta in getattr(annotated, "__metadata__", ()):
        func = getattr(meta, "func", None)
        if func is not None:
            _WRITTEN_AS[id(func)] = {"type": "string", "pattern": pattern}


_written_as_text(BloodPressure, r"^\s*\d{2,4}\s*/\s*\d{2,4}\s*$")


class _FileSchema(GenerateJsonSchema):
    """Describes values as they are written in the files, not as they are held."""

    def function_before_schema(
        self, schema: core_schema.BeforeValidatorFunctionSchema
    ) -> JsonSchemaValue:
        written = _WRITTEN_AS.get(id(schema["function"]["function"]))
        if written is not None:
            return dict(written)
        return super().function_before_schema(schema)


def file_schema(kind: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one kind of data file, such as ``meetings``."""
    where, shape = KINDS[kind]
    schema = TypeAdapter(shape).json_schema(schema_generator=_FileSchema)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$comment": f"lstg data file {where}",
        **schema,
    }
