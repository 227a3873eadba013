"""Nothing leaks by the side door: every district and province output of the bundled data
(reports in every format, check, status, exports with --redact, the roll-up export) is
searched for every member's name, exact birth date and blood pressure, and for names and
a health figure planted in free text."""

from __future__ import annotations

import io
import os
import re
import shutil
import zipfile
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from cli_run import invoke

from lstg.core.i18n import current_language, set_language
from lstg.dataset.loader import load_dataset

BUNDLED = Path(__file__).resolve().parent.parent / "data"
PLANTED_HEALTH = "huyết áp 160/110"


@pytest.fixture(autouse=True)
def _keep_language() -> Iterator[None]:
    before = current_language()
    yield
    set_language(before)


def _run(root: Path, *args: str) -> tuple[bytes, str]:
    """``lstg ARGS --data ROOT``: what it wrote to standard output, and its messages."""
    ran = invoke(*args, "--data", str(root), env={"LSTG_TODAY": "2026-12-01", "LSTG_NO_CACHE": "1"})
    assert ran.code in (0, 1), (args, ran.output)
    return ran.stdout.encode("utf-8"), ran.stderr


def _text(payload: bytes) -> str:
    """The text of an output; for Word and Excel files, every XML part of the archive."""
    if payload.startswith(b"PK"):
        archive = zipfile.ZipFile(io.BytesIO(payload))
        return "\n".join(
            re.sub(r"<[^>]+>", " ", archive.read(n).decode("utf-8"))
            for n in archive.namelist()
            if n.endswith(".xml")
        )
    return payload.decode("utf-8")


@pytest.fixture(scope="module")
def planted(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A copy of the bundled data with a health figure and a member's name in free text."""
    root = tmp_path_factory.mktemp("leaks") / "data"
    shutil.copytree(BUNDLED, root, ignore=shutil.ignore_patterns(".lstg-cache"))
    club = root / "clubs" / "chi-lang-dong-mo"
    members = load_dataset(root, clubs=["chi-lang-dong-mo"]).clubs["chi-lang-dong-mo"].members
    name = members[20].name
    meetings = club / "meetings" / "2026.yaml"
    text = meetings.read_text("utf-8")
    head, sep, rest = text.partition("  activities:")
    meetings.write_text(head + f'  note: "Thăm {name}, {PLANTED_HEALTH}"\n' + sep + rest, "utf-8")
    loans = club / "loans.yaml"
    text = loans.read_text("utf-8")
    loans.write_text(text.replace("  purpose: ", f"  purpose: Cùng {name} ", 1), "utf-8")
    return root, name


def _reports(
    root: Path, level: str, name: str | None, **window: object
) -> Iterator[tuple[str, bytes]]:
    """One report, built once, in every format."""
    from lstg.domain.periods import parse_period
    from lstg.report import Request, make_report, render

    period = window.get("period")
    request = Request(
        level=level,  # type: ignore[arg-type]
        name=name,
        period=parse_period(str(period)) if period else None,
        as_of=window.get("as_of"),  # type: ignore[arg-type]
        plan=None,
        lang=str(window.get("lang", "vi")),
    )
    made = make_report(root, request, today=date(2026, 12, 1))
    for fmt in ("md", "html", "json", "docx", "xlsx"):
        yield f"report {level} {name} {window} {fmt}", render(made, fmt)


def _outputs(root: Path) -> Iterator[tuple[str, bytes]]:
    yield from _reports(root, "province", None, as_of=date(2020, 11, 30))
    yield from _reports(root, "province", None, period="2021..2025", lang="en")
    for district in ("Huyện Chi Lăng", "Huyện Đình Lập"):
        yield from _reports(root, "district", district, period="2021..2025")
    yield from _reports(root, "commune", "Xã Quang Lang", as_of=date(2020, 11, 30))
    yield "check", _run(root, "check", "--plan", "2021-2025", "--format", "json")[0]
    yield "check text", _run(root, "check", "--plan", "2016-2020")[0]
    yield "status", _run(root, "status", "--period", "2026-Q3")[0]
    for kind in ("members", "loans", "meetings", "ledger"):
        yield f"export {kind}", _run(root, "export", kind, "--province", "--redact")[0]
    yield (
        "export rollup",
        _run(root, "export", "rollup", "--province", "--period", "2021..2025")[0],
    )
    yield from _national(root)


def _national(root: Path) -> Iterator[tuple[str, bytes]]:
    """The national report (``report --from``) of the province's own summary, every format."""
    from lstg.report import render
    from lstg.report.summaries import national_report

    summary = root.parent / "summary.json"
    summary.write_bytes(_run(root, "report", "--province", "--format", "json")[0])
    made = national_report(
        [summary], lang="vi", generated_at=datetime(2026, 12, 1, 8, 0, tzinfo=UTC)
    )
    for fmt in ("md", "html", "json", "docx", "xlsx"):
        yield f"report --from {fmt}", render(made, fmt)


def test_no_district_or_province_output_names_anyone_or_gives_their_data(
    planted: tuple[Path, str],
) -> None:
    root, planted_name = planted
    dataset = load_dataset(root)
    names = sorted({m.name for c in dataset.clubs.values() for m in c.members})
    births = sorted(
        {
            form
            for c in dataset.clubs.values()
            for m in c.members
            if m.birth_date is not None
            for form in (m.birth_date.isoformat(), m.birth_date.strftime("%d/%m/%Y"))
        }
    )
    pressures = sorted(
        {
            f"{hc.bp[0]}/{hc.bp[1]}"
            for c in dataset.clubs.values()
            for m in c.meetings
            for hc in m.health_checks
            if hc.bp is not None
        }
    )
    assert len(names) > 2000 and len(births) > 200 and len(pressures) > 100
    pressure = re.compile(r"(?<![\d/])(" + "|".join(map(re.escape, pressures)) + r")(?![\d/])")
    searched = 0
    for label, payload in _outputs(root):
        text = _text(payload)
        assert text.strip(), label
        searched += 1
        found = [n for n in names if n in text]
        assert found == [], (label, found[:5])
        assert [b for b in births if b in text] == [], label
        assert pressure.findall(text) == [], label
        assert planted_name not in text and "160/110" not in text, label
    assert searched == 38


def test_redacted_exports_withhold_free_text_unless_marked_public(
    planted: tuple[Path, str],
) -> None:
    root, name = planted
    club = ("--club", "chi-lang-dong-mo")
    meetings = _run(root, "export", "meetings", *club, "--redact", "--lang", "en")[0].decode()
    assert PLANTED_HEALTH not in meetings and "[withheld]" in meetings
    # Reasons of skipped months are marked free of personal data in the bundled province file.
    assert "Nghỉ Tết Nguyên đán" in meetings
    full = _run(root, "export", "meetings", *club)[0].decode()
    assert PLANTED_HEALTH in full and name in full
    loans = _run(root, "export", "loans", *club, "--redact")[0].decode()
    assert name not in loans and "Nuôi" not in loans


def test_an_export_with_personal_data_is_for_its_owner_only(
    planted: tuple[Path, str], tmp_path: Path
) -> None:
    root, _name = planted
    club = ("--club", "chi-lang-dong-mo")
    out = tmp_path / "members.csv"
    out.write_text("old", "utf-8")
    out.chmod(0o644)
    _, said = _run(root, "export", "members", *club, "-o", str(out), "--lang", "en")
    assert (out.stat().st_mode & 0o777) == 0o600
    assert "holds personal data: only its owner may read it" in said
    # A redacted export is for sharing: a new file as any other (0666 less the umask), and
    # no word of personal data.
    shared = tmp_path / "redacted.csv"
    _, said = _run(root, "export", "members", *club, "--redact", "-o", str(shared), "--lang", "en")
    umask = os.umask(0o022)
    os.umask(umask)
    assert (shared.stat().st_mode & 0o777) == 0o666 & ~umask
    assert said.splitlines()[-1].startswith("Wrote 88 rows to ") and "personal data" not in said
