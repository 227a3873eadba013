"""``lstg schema``: the JSON Schema of every kind of data file, from the models."""

from __future__ import annotations

import json

from cli_run import invoke

from lstg.schema.fileschemas import KINDS, file_schema


def run(*args: str) -> tuple[int, str]:
    ran = invoke("schema", *args)
    return ran.code, ran.output


def test_all_kinds_keyed_by_kind() -> None:
    code, output = run()
    assert code == 0
    schemas = json.loads(output)
    assert list(schemas) == [
        "province",
        "plan",
        "reports",
        "club",
        "members",
        "loans",
        "ledger",
        "meetings",
    ]
    assert all(
        s["$schema"] == "https://json-schema.org/draft/2020-12/schema" for s in schemas.values()
    )


def test_one_kind() -> None:
    code, output = run("members")
    assert code == 0
    schema = json.loads(output)
    assert schema["type"] == "array"
    assert schema["items"] == {"$ref": "#/$defs/Member"}
    member = schema["$defs"]["Member"]
    assert member["required"] == ["id", "name", "gender", "joined"]
    assert member["additionalProperties"] is False
    assert member["properties"]["gender"]["enum"] == ["female", "male"]


def test_values_are_described_as_written_in_the_files() -> None:
    check = file_schema("meetings")["$defs"]["HealthCheck"]["properties"]["bp"]["anyOf"][0]
    assert check == {"type": "string", "pattern": r"^\s*\d{2,4}\s*/\s*\d{2,4}\s*$"}
    joined = file_schema("members")["$defs"]["Member"]["properties"]["joined"]
    assert joined == {"format": "date", "title": "Joined", "type": "string"}


def test_a_consent_is_described_in_every_form_a_file_may_write_it() -> None:
    """A list of records, one record, or the older form (a date alone, or nothing): an
    editor that checks files against the schema accepts what lstg reads."""
    consent = file_schema("members")["$defs"]["Member"]["properties"]["consent"]
    assert consent == {
        "anyOf": [
            {"items": {"$ref": "#/$defs/Consent"}, "type": "array"},
            {"$ref": "#/$defs/Consent"},
            {"format": "date", "type": "string"},
            {"type": "null"},
        ],
        "title": "Consent",
    }


def test_ledger_entries_are_transactions_or_balance_assertions() -> None:
    items = file_schema("ledger")["items"]["anyOf"]
    assert items == [{"$ref": "#/$defs/Transaction"}, {"$ref": "#/$defs/BalanceAssertion"}]


def test_club_and_province_are_mappings() -> None:
    assert file_schema("club")["type"] == "object"
    assert file_schema("province")["required"] == ["name", "code", "eras"]
    assert set(KINDS) == {
        "province",
        "plan",
        "reports",
        "club",
        "members",
        "loans",
        "ledger",
        "meetings",
    }


def test_unknown_kind_is_wrong_usage() -> None:
    code, _output = run("budget")
    assert code == 2
