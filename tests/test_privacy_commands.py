"""lstg member consent, person show|export|erase, requests and privacy on a copy of the
bundled data: exact lines, exact counts checked against the files, files left as said."""

from __future__ import annotations

import difflib
import json
import shutil
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
import yaml
from cli_run import invoke

from lstg.core.i18n import current_language, set_language
from lstg.dataset.loader import load_dataset
from lstg.privacy.inventory import inventory_of
from lstg.privacy.person import PersonData, membership
from lstg.privacy.person_doc import person_json
from lstg.privacy.requests import add_working_days, clock
from lstg.schema.requests import Request
from lstg.validate.run import validate

BUNDLED = Path(__file__).resolve().parent.parent / "data"
TODAY = date(2026, 12, 1)


@pytest.fixture(autouse=True)
def _keep_language() -> Iterator[None]:
    before = current_language()
    yield
    set_language(before)


@pytest.fixture
def data(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    shutil.copytree(BUNDLED, root, ignore=shutil.ignore_patterns(".lstg-cache"))
    return root


def run(root: Path, *args: str, answer: str | None = None) -> tuple[int, str]:
    """``lstg ARGS --data ROOT --lang en`` on the test's day: the exit code and everything
    it wrote, standard output and error as they came."""
    ran = invoke(
        *args,
        "--data",
        str(root),
        "--lang",
        "en",
        env={"LSTG_TODAY": TODAY.isoformat(), "LSTG_NO_CACHE": "1"},
        input=answer,
    )
    return ran.code, ran.output


def test_member_consent_writes_the_older_form_in_full(data: Path) -> None:
    members = data / "clubs" / "huu-lung-minh-son" / "members.yaml"
    before = members.read_text("utf-8")
    code, out = run(
        data, "member", "consent", "huu-lung-minh-son", "M002", "--date", "18/09/2023",
        "--purpose", "management", "--purpose", "health", "--method", "giấy",
        "--evidence", "Phiếu số 014/2023", "--recorded-by", "M002",
    )  # fmt: skip
    assert code == 0, out
    assert out.splitlines()[-1] == (
        "clubs/huu-lung-minh-son/members.yaml:24: member M002: consent of 2023-09-18 recorded"
    )
    after = members.read_text("utf-8")
    changed = [
        line
        for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
        if line[:1] in "+-" and line[:3] not in ("+++", "---")
    ]
    assert changed == [
        "-  consent: 2023-09-18",
        "+  consent:",
        "+    - {date: 2023-09-18, purposes: [management, health], kinds: [basic, ethnicity, "
        "household, health], method: paper, evidence: Phiếu số 014/2023, recorded_by: M002}",
    ]
    assert "  consent: 2023-09-18\n" not in after.split("- id: M003")[0]
    problems = validate(data, clubs=["huu-lung-minh-son"], today=TODAY).problems
    assert [(p.code, p.message.split("(")[1].split(")")[0]) for p in problems] == [
        ("consent.old-form", "M035, M055, M056")
    ]


def test_member_consent_refuses_an_unknown_purpose_and_writes_nothing(data: Path) -> None:
    members = data / "clubs" / "huu-lung-minh-son" / "members.yaml"
    before = members.read_bytes()
    code, out = run(
        data, "member", "consent", "huu-lung-minh-son", "M002", "--date", "2026-11-01",
        "--purpose", "marketing", "--kind", "basic", "--method", "paper",
        "--evidence", "x", "--recorded-by", "M002",
    )  # fmt: skip
    assert code == 1
    assert "error consent.unknown-purpose: Member M002: the purpose “marketing” is not in" in out
    assert "Refused: the change would bring 1 error; nothing was written." in out
    assert members.read_bytes() == before


def test_a_withdrawal_then_a_health_check_is_refused(data: Path) -> None:
    code, out = run(
        data, "member", "consent", "chi-lang-dong-mo", "M001", "--withdraw",
        "--date", "2026-11-20", "--kind", "health",
    )  # fmt: skip
    assert code == 0, out
    assert (
        "warning consent.withdrawn-held: Member M001 withdrew consent, yet the files still" in out
    )
    code, out = run(
        data, "meeting", "add", "chi-lang-dong-mo", "--date", "2026-11-25", "--activity",
        "health", "--attendance", "M001", "--health-csv", str(_checks(data, "M001")),
    )  # fmt: skip
    assert code == 1
    assert "error consent.after-withdrawal: Member M001 withdrew consent for health" in out


def _checks(root: Path, member: str) -> Path:
    path = root.parent / "checks.csv"
    path.write_text(f"Mã TV,Cân nặng,Huyết áp\n{member},50.5,120/80\n", "utf-8")
    return path


def test_person_export_gives_every_record_and_nothing_of_anyone_else(
    data: Path, tmp_path: Path
) -> None:
    out = tmp_path / "M010.json"
    code, said = run(
        data, "person", "export", "chi-lang-dong-mo/M010", "--format", "json", "-o", str(out)
    )
    assert code == 0, said
    assert (out.stat().st_mode & 0o777) == 0o600
    assert "holds personal data: only its owner may read it" in said
    found = json.loads(out.read_text("utf-8"))
    [ms] = found["memberships"]
    dataset = load_dataset(data)
    club = dataset.clubs["chi-lang-dong-mo"]
    assert ms["member"]["name"] == "Bế Ngọc Lan"
    assert len(ms["loans"]) == sum(1 for loan in club.loans if loan.member == "M010")
    assert len(ms["meetings_attended"]) == sum(1 for m in club.meetings if "M010" in m.attendance)
    assert len(ms["health_checks"]) == sum(
        1 for m in club.meetings for c in m.health_checks if c.member == "M010"
    )
    assert [m["text"] for m in ms["mentions"]] == ["Phúng viếng thành viên Bế Ngọc Lan"]
    assert ms["member"]["consent"][0]["evidence"] == "Phiếu số 010/2023"
    text = out.read_text("utf-8")
    others = [m.name for c in dataset.clubs.values() for m in c.members if m.name != "Bế Ngọc Lan"]
    assert [n for n in others if n in text] == []
    for fmt in ("docx", "html", "md"):
        target = tmp_path / f"M010.{fmt}"
        assert (
            run(
                data,
                "person",
                "export",
                "chi-lang-dong-mo/M010",
                "--format",
                fmt,
                "-o",
                str(target),
            )[0]
            == 0
        )
        assert (target.stat().st_mode & 0o777) == 0o600
    html = (tmp_path / "M010.html").read_text("utf-8")
    assert "<h1>Personal data kept about Bế Ngọc Lan</h1>" in html and "Phiếu số 010/2023" in html


def _raw_records(folder: Path) -> dict[str, Counter[str]]:
    """How many records of each kind the club's raw YAML holds about each member."""
    found: dict[str, Counter[str]] = {}
    for m in yaml.safe_load((folder / "members.yaml").read_text("utf-8")) or []:
        found.setdefault(m["id"], Counter())
    club = yaml.safe_load((folder / "club.yaml").read_text("utf-8"))
    for seat in club.get("board", []):
        found.setdefault(seat["member"], Counter())["board"] += 1
    loans = folder / "loans.yaml"
    for loan in (yaml.safe_load(loans.read_text("utf-8")) or []) if loans.exists() else []:
        found.setdefault(loan["member"], Counter())["loans"] += 1
        found[loan["member"]]["repayments"] += len(loan.get("repayments", []))
    for path in sorted((folder / "meetings").glob("*.yaml")):
        for meeting in yaml.safe_load(path.read_text("utf-8")) or []:
            for member in meeting.get("attendance", []):
                found.setdefault(member, Counter())["meetings"] += 1
            for check in meeting.get("health_checks", []):
                found.setdefault(check["member"], Counter())["health"] += 1
            for visit in meeting.get("home_care_visits", []):
                found.setdefault(visit["member"], Counter())["visits"] += 1
                found.setdefault(visit["volunteer"], Counter())["visits"] += 1
    return found


def test_every_members_answer_holds_their_records_and_no_one_elses_name(data: Path) -> None:
    """For every member of the bundled data: the counts of the answer are those of the raw
    files, and no other member's name is in it, even where a note names two people."""
    ledger = data / "clubs" / "chi-lang-dong-mo" / "ledger.yaml"
    ledger.write_text(
        ledger.read_text("utf-8")
        + "- {date: 2026-11-30, fund: activity, amount: -200000, use: support,"
        " note: Thăm hỏi Bế Ngọc Lan và Hứa Thị Xuân ốm}\n",
        "utf-8",
    )
    dataset = load_dataset(data)
    answered = 0
    for club_id, club in sorted(dataset.clubs.items()):
        raw = _raw_records(data / "clubs" / club_id)
        names = {m.name for m in club.members}
        for member in club.members:
            answer = person_json(
                PersonData(member.name, member.known_birth_year, [membership(club, member)]), []
            )
            [ms] = answer["memberships"]
            got = Counter(
                board=len(ms["board"]),
                loans=len(ms["loans"]),
                repayments=sum(len(loan["repayments"]) for loan in ms["loans"]),
                meetings=len(ms["meetings_attended"]),
                health=len(ms["health_checks"]),
                visits=len(ms["home_care_visits"]),
            )
            assert +got == raw[member.id], (club_id, member.id)
            text = json.dumps(answer, ensure_ascii=False)
            others = [n for n in names if n != member.name and n not in member.name]
            assert [n for n in others if n in text] == [], (club_id, member.id)
            answered += 1
    assert answered == 2473
    lan = membership(
        dataset.clubs["chi-lang-dong-mo"], dataset.clubs["chi-lang-dong-mo"].member("M010")
    )
    assert lan.mentions[-1].text == "Thăm hỏi Bế Ngọc Lan và (người khác) ốm"


def test_person_show_by_name_finds_namesakes_and_asks_for_the_year(data: Path) -> None:
    code, out = run(data, "person", "show", "Nông Thị Nhàn")
    assert (code, out.splitlines()[-1]) == (
        1,
        "lstg: Several people are named “Nông Thị Nhàn”: chi-lang-dong-mo/M006 (1951), "
        "van-lang-tan-my/M044 (1956). Give --birth-year, or CLUB/MEMBER.",
    )
    code, out = run(data, "person", "show", "nông  thị nhàn", "--birth-year", "1956")
    assert code == 0, out
    assert out.count(": member record") == 1 and "(van-lang-tan-my): member record" in out
    code, out = run(data, "person", "show", "chi-lang-dong-mo/M999")
    assert (code, out.splitlines()[-1]) == (
        1,
        "lstg: No member “M999” in clubs/chi-lang-dong-mo/members.yaml.",
    )


def test_partial_erasure_and_expired_data(data: Path) -> None:
    code, out = run(data, "person", "erase", "--expired")
    assert code == 0, out
    assert out.splitlines()[0] == (
        "chi-lang-chi-lang/M042: 10 health checks (term ended 2 October 2025)"
    )
    assert out.splitlines()[-1] == "Nothing was written: add --yes to erase."
    assert run(data, "person", "erase", "--expired", "--yes")[0] == 0
    problems = validate(data, today=TODAY).problems
    assert [p.code for p in problems if p.code.startswith("retention")] == []
    members = yaml.safe_load((data / "clubs/chi-lang-chi-lang/members.yaml").read_text("utf-8"))
    assert next(m for m in members if m["id"] == "M042")["name"] != "(đã xoá)"
    assert run(data, "person", "erase", "--expired")[1].strip() == (
        "No data is kept past its retention period."
    )


def test_at_a_terminal_erase_asks_before_writing(
    data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from lstg.commands import _person_erase

    monkeypatch.setattr(_person_erase, "_interactive", lambda: True)
    meetings = data / "clubs" / "chi-lang-chi-lang" / "meetings" / "2019.yaml"
    before = meetings.read_bytes()
    code, said = run(data, "person", "erase", "--expired", answer="n\n")
    assert code == 0 and "Erase it now? [y/N]: n\nNothing was written" in said
    assert meetings.read_bytes() == before
    code, said = run(data, "person", "erase", "--expired", answer="y\n")
    assert code == 0 and "Erase it now? [y/N]: y\nErased; 3 files were written." in said
    checks = [c for m in yaml.safe_load(meetings.read_text("utf-8")) for c in m["health_checks"]]
    assert checks and all(c["member"] != "M042" for c in checks)


def test_erasing_keeps_a_namesake_and_removes_a_member_without_loans(data: Path) -> None:
    dataset = load_dataset(data)
    borrowers = {loan.member for loan in dataset.clubs["chi-lang-dong-mo"].loans}
    assert "M006" in borrowers
    code, out = run(data, "person", "erase", "chi-lang-dong-mo/M006", "--yes")
    assert code == 0, out
    assert "The name is left in van-lang-tan-my: a different member there has the same name." in out
    assert "Nông Thị Nhàn" in (data / "clubs/van-lang-tan-my/members.yaml").read_text("utf-8")
    assert "Nông Thị Nhàn" not in (data / "clubs/chi-lang-dong-mo/ledger.yaml").read_text("utf-8")
    assert validate(data, today=TODAY).ok
    code, out = run(data, "person", "erase", "chi-lang-dong-mo/M006", "--yes")
    assert code == 1 and "was already erased on 2026-12-01" in out
    club = dataset.clubs["chi-lang-dong-mo"]
    seats = {s.member for s in club.club.board} if club.club else set()
    quiet = next(m for m in club.members if m.id not in borrowers and m.id not in seats)
    code, out = run(data, "person", "erase", f"chi-lang-dong-mo/{quiet.id}", "--yes")
    assert code == 0, out
    after = load_dataset(data, clubs=["chi-lang-dong-mo"]).clubs["chi-lang-dong-mo"]
    assert after.member(quiet.id) is None
    assert all(quiet.id not in m.attendance for m in after.meetings)
    assert validate(data, today=TODAY).ok


def test_the_clocks_of_requests() -> None:
    assert add_working_days(date(2026, 11, 27), 2) == date(2026, 12, 1)  # Friday → Tuesday
    # Tết: 16–20 February 2026 are days off; a request of Friday 13th is answered by the
    # Tuesday after them.
    assert add_working_days(date(2026, 2, 13), 2) == date(2026, 2, 24)
    assert add_working_days(date(2026, 8, 28), 2) == date(2026, 9, 4)  # 31/8, 1–2/9 off
    received = Request(
        id="R1", person="c/M001", kind=["see"], requester="Chính chủ", received=date(2026, 11, 2)
    )
    late = clock(received, date(2026, 11, 18))
    assert (late.answer_by, late.complete_by) == (date(2026, 11, 4), date(2026, 11, 17))
    # 10 working days after 4 November, 1 day after 17 November.
    assert (late.late_answer, late.late_completion, late.overdue) == (10, 1, True)
    extended = received.model_copy(
        update={"answered": date(2026, 11, 3), "extended": date(2026, 11, 10)}
    )
    assert clock(extended, date(2026, 11, 18)).overdue is False
    assert clock(extended, date(2026, 12, 3)).late_completion == 1


def test_lstg_requests_lists_the_late_ones(data: Path) -> None:
    (data / "requests.yaml").write_text(
        "- {id: R1, person: chi-lang-dong-mo/M010, kind: [see], requester: Chính chủ,"
        " received: 2026-11-02, answered: 2026-11-03, completed: 2026-11-10}\n"
        "- {id: R2, person: chi-lang-dong-mo/M011, kind: [delete], requester: Con gái,"
        " received: 2026-11-13}\n",
        "utf-8",
    )
    code, out = run(data, "requests")
    assert code == 0
    assert out.splitlines()[-2].split() == [
        "R2", "chi-lang-dong-mo/M011", "deletion", "13", "November", "2026", "17", "November",
        "2026", "28", "November", "2026", "answer", "9", "working", "days", "late;", "completion",
        "3", "days", "late",
    ]  # fmt: skip
    assert out.splitlines()[-1] == "1 overdue on 1 December 2026."
    assert validate(data, today=TODAY).ok


def test_the_inventory_counts_match_the_files() -> None:
    """Every count of lstg privacy, computed again from the raw YAML of the bundled data."""
    dataset = load_dataset(BUNDLED)
    facts = inventory_of(dataset, today=TODAY)
    people = ethnicity = household = health_people = checks = full = old = none = 0
    current = 0
    forms: dict[str, str] = {}
    for folder in sorted((BUNDLED / "clubs").iterdir()):
        members = yaml.safe_load((folder / "members.yaml").read_text("utf-8")) or []
        measured: set[str] = set()
        for path in sorted((folder / "meetings").glob("*.yaml")):
            for meeting in yaml.safe_load(path.read_text("utf-8")) or []:
                for check in meeting.get("health_checks", []):
                    measured.add(check["member"])
                    checks += 1
        for m in members:
            people += 1
            left = (m.get("left") or {}).get("date")
            current += m["joined"] <= TODAY and (left is None or left > TODAY)
            ethnicity += "ethnicity" in m
            household += "household" in m
            health_people += m["id"] in measured
            consent = m.get("consent")
            if consent is None:
                none += 1
                forms[f"{folder.name}/{m['id']}"] = "none"
            elif isinstance(consent, date):
                old += 1
                forms[f"{folder.name}/{m['id']}"] = "old-form"
            else:
                full += 1
                forms[f"{folder.name}/{m['id']}"] = "full"
    assert (facts.people, facts.current) == (people, current) == (2473, 2265)
    assert facts.kinds["ethnicity"].people == ethnicity
    assert facts.kinds["household"].people == household == 651
    assert facts.kinds["health"].people == health_people
    assert facts.kinds["health"].records == checks
    assert (facts.full_consent, facts.old_form, facts.no_consent) == (full, old, none)
    assert (full, old, none) == (2381, 4, 88)
    assert facts.withdrawals == 1
    assert facts.lacking == [
        "cao-loc-yen-trach/M014",
        "loc-binh-loc-binh/M061",
        "van-quan-binh-phuc/M020",
    ]
    assert facts.expired == ["chi-lang-chi-lang/M042"]
    # The annex of lstg privacy --members: every member once, in the form of their files.
    assert {m.ref: m.form for m in facts.members} == forms
    assert len(facts.members) == people
    [withdrew] = [m for m in facts.members if m.withdrawn]
    assert (withdrew.ref, withdrew.in_force, withdrew.withdrawn) == (
        "chi-lang-dong-mo/M028",
        ("basic", "ethnicity", "household"),
        ((date(2026, 7, 15), ("health",)),),
    )
    assert [m.ref for m in facts.members if m.lacking] == facts.lacking
    assert [m.ref for m in facts.members if m.expired] == facts.expired


def test_lstg_privacy_writes_markdown_and_word(data: Path, tmp_path: Path) -> None:
    code, out = run(data, "privacy")
    assert code == 0
    assert "| health measurements | yes | 2,276 | 2,128 | 21 July 2017 | 2,236 |" in out
    target = tmp_path / "dpia.docx"
    assert run(data, "privacy", "--format", "docx", "-o", str(target))[0] == 0
    from docx import Document

    text = "\n".join(p.text for p in Document(str(target)).paragraphs)
    assert "Members whose sensitive data lacks consent: cao-loc-yen-trach/M014" in text
    code, out = run(data, "privacy", "--members")
    annex = out.split("## Annex: the consent of every member")[1].splitlines()
    rows = [line for line in annex if line.startswith("| ") and "/M" in line]
    assert len(rows) == 2473
    assert "| cao-loc-yen-trach/M014 | yes | none | — | — | — | lacks consent |" in rows, [
        r for r in rows if "cao-loc-yen-trach/M014" in r
    ]
    assert (
        "| chi-lang-dong-mo/M028 | yes | full record | 19 September 2023 | basic data, "
        "ethnicity, household status | 15 July 2026: health measurements | — |" in rows
    )
