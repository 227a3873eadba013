"""The cache never changes a result, never trusts a bad entry, and survives two runs at once."""

from __future__ import annotations

import json
import os
import pickle
import shutil
import stat
import subprocess
import sys
import threading
from collections.abc import Iterator
from datetime import date
from importlib.metadata import version
from pathlib import Path

import pytest
from cli_run import invoke

from lstg import cache
from lstg.core.i18n import current_language, set_language
from lstg.core.problems import Problem, error, problem_from_data, problem_to_data

BROKEN = Path(__file__).parent / "broken"
TODAY = "2026-12-01"
CASES = sorted(p.name for p in BROKEN.iterdir() if (p / "expected.txt").is_file())

_NO_CACHE = shutil.ignore_patterns(cache.CACHE_DIR)


@pytest.fixture(autouse=True)
def _restore() -> Iterator[None]:
    before = current_language()
    yield
    set_language(before)
    cache.set_enabled(None)
    cache.set_refresh(False)


def run(*args: str, cached: bool = True, env: dict[str, str] | None = None) -> tuple[int, str]:
    """Run ``lstg <args>`` in-process: exit code and output."""
    environment = {
        "LSTG_TODAY": TODAY,
        "LSTG_NO_CACHE": "" if cached else "1",
        "LSTG_GENERATED_AT": "2026-11-29T08:00:00+00:00",
        **(env or {}),
    }
    ran = invoke(*args, env=environment)
    return ran.code, ran.output


def entries(root: Path, kind: str) -> list[Path]:
    return sorted((cache.cache_folder(root) / f"v{cache.FORMAT}" / kind).rglob("*.json"))


@pytest.fixture
def data(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(BROKEN / "_base", target, ignore=_NO_CACHE)
    return target


@pytest.mark.parametrize("case", CASES)
def test_validate_gives_the_same_output_with_and_without_the_cache(
    tmp_path: Path, case: str
) -> None:
    root = tmp_path / case
    shutil.copytree(BROKEN / case, root, ignore=_NO_CACHE)
    runs = [
        ("validate", "--data", str(root), "--format", output, "--lang", "en")
        for output in ("text", "json")
    ]
    uncached = [run(*args, cached=False) for args in runs]
    assert not cache.cache_folder(root).exists()
    assert [run(*args) for args in runs] == uncached, "cold cache"
    assert [run(*args) for args in runs] == uncached, "warm cache"


def test_a_changed_file_is_checked_again(data: Path) -> None:
    args = ("validate", "--data", str(data), "--lang", "en")
    assert run(*args)[0] == 0
    loans = data / "clubs/chi-lang-quang-lac/loans.yaml"
    text = loans.read_text("utf-8")
    loans.write_text(text.replace("member: ", "member: X", 1), "utf-8")
    changed = run(*args)
    assert changed == run(*args, cached=False)
    assert changed[0] == 1
    assert "loan.unknown-member" in changed[1]
    loans.write_text(text, "utf-8")
    assert run(*args) == run(*args, cached=False)


def test_a_changed_province_file_invalidates_every_club(data: Path) -> None:
    args = ("validate", "--data", str(data), "--lang", "en")
    run(*args)
    province = data / "province.yaml"
    text = province.read_text("utf-8")
    club = (data / "clubs/chi-lang-quang-lac/club.yaml").read_text("utf-8")
    code = club.split('code: "', 1)[1].split('"', 1)[0]
    province.write_text(text.replace(f'"{code}"', '"99999"'), "utf-8")
    changed = run(*args)
    assert changed == run(*args, cached=False)
    assert "commune" in changed[1]


def test_check_and_report_give_the_same_output_with_and_without_the_cache(data: Path) -> None:
    for args in (
        ("check", "--data", str(data), "--plan", "2016-2020", "--as-of", "2020-11-30"),
        ("report", "--province", "--data", str(data), "--as-of", "2020-11-30"),
        ("report", "--province", "--data", str(data), "--format", "json"),
        ("export", "rollup", "--province", "--data", str(data), "--as-of", "2020-11-30"),
    ):
        uncached = run(*args, cached=False)
        assert run(*args) == uncached
        assert run(*args) == uncached


def test_a_cache_turned_off_writes_nothing(data: Path) -> None:
    run("validate", "--data", str(data), cached=False)
    assert not cache.cache_folder(data).exists()
    run("validate", "--data", str(data))
    assert entries(data, "club")


def test_no_cache_reads_nothing_and_puts_right_what_was_stored(data: Path) -> None:
    args = ("validate", "--data", str(data), "--lang", "en")
    loans = data / "clubs/chi-lang-quang-lac/loans.yaml"
    loans.write_text(loans.read_text("utf-8").replace("member: ", "member: X", 1), "utf-8")
    expected = run(*args, cached=False)
    assert expected[0] == 1
    run(*args)
    from lstg.validate.cached import _entry

    store = cache.Cache(data)
    clean = _entry([], {"places": [], "people": []})
    for path in entries(data, "club"):
        store.put("club", path.stem, clean)  # a stale entry, signed: it says the club is clean
    assert run(*args)[0] == 0
    assert run("--no-cache", *args) == expected
    assert run(*args) == expected


def test_the_cache_is_outside_the_data_folder_and_its_owners_alone(data: Path) -> None:
    run("validate", "--data", str(data))
    folder = cache.cache_folder(data)
    assert folder.is_dir()
    assert not folder.resolve().is_relative_to(data.resolve())
    assert folder.parent.parent == cache.cache_home()
    if os.name == "posix":
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert not any(p.suffix == ".json" for p in data.rglob("*") if cache.CACHE_DIR in p.parts)
    assert (folder / "folder").read_text("utf-8") == f"{data.absolute()}\n"
    copy = data.parent / "copy" / data.name
    shutil.copytree(data, copy, ignore=_NO_CACHE)
    assert cache.cache_folder(copy) != folder


def test_lstg_cache_dir_moves_the_cache(data: Path, tmp_path: Path) -> None:
    home = tmp_path / "elsewhere"
    command = [sys.executable, "-m", "lstg", "validate", "--data", str(data)]
    env = {**os.environ, "LSTG_TODAY": TODAY, "LSTG_NO_CACHE": "", "LSTG_CACHE_DIR": str(home)}
    assert subprocess.run(command, capture_output=True, env=env).returncode == 0
    (moved,) = (home / "folders").iterdir()
    assert list((moved / f"v{cache.FORMAT}" / "club").rglob("*.json"))


def test_cache_show_and_clear(data: Path) -> None:
    run("validate", "--data", str(data))
    folder = cache.cache_folder(data)
    files = sum(1 for p in folder.rglob("*") if p.is_file())
    code, shown = run("cache", "show", "--data", str(data), "--lang", "en")
    assert code == 0
    assert shown.startswith(f"Cache of {data}: {folder} ({files} files, ")
    code, cleared = run("cache", "clear", "--data", str(data), "--lang", "en")
    assert code == 0
    assert cleared.startswith(f"Emptied the cache of {data}: {files} files, ")
    assert not folder.exists()
    code, shown = run("cache", "show", "--data", str(data))
    assert shown == f"Bộ nhớ đệm của {data}: {folder} (0 tệp, 0 KB).\n"
    assert run("validate", "--data", str(data)) == run(
        "validate", "--data", str(data), cached=False
    )
    assert folder.is_dir()
    code, cleared = run("cache", "clear", "--all", "--lang", "en")
    assert code == 0
    assert not (cache.cache_home() / "folders").exists()


def test_an_upgraded_package_makes_new_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    from lstg.cache import keys

    monkeypatch.setattr(keys, "_code", None)
    now = keys.code_fingerprint()
    assert "pydantic==" + version("pydantic") in keys.package_versions()
    monkeypatch.setattr(keys, "_code", None)
    monkeypatch.setattr(keys, "package_versions", lambda: ["pydantic==0.0.1"])
    assert keys.code_fingerprint() != now


def test_a_facts_entry_that_is_not_plain_figures_is_ignored(data: Path) -> None:
    args = (
        "report",
        "--province",
        "--data",
        str(data),
        "--format",
        "json",
        "--as-of",
        "2020-11-30",
    )
    expected = run(*args, cached=False)
    run(*args)
    store = cache.Cache(data)
    planted = {"folder": "clubs/x", "values": [["members", "2020-01-01", "2020-11-30", "9"]]}
    for path in entries(data, "facts"):
        store.put("facts", path.stem, {**planted, "errors": []})
    assert run(*args) == expected


class _Exploit:
    """Unpickling this would create the file ``marker``."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.system, (f"touch {self.marker}",))


@pytest.mark.parametrize("damage", ["garbage", "truncated", "pickle", "foreign", "empty"])
def test_a_bad_entry_is_ignored_and_rebuilt(data: Path, tmp_path: Path, damage: str) -> None:
    args = ("validate", "--data", str(data), "--lang", "en")
    data_club = data / "clubs/chi-lang-quang-lac/loans.yaml"
    data_club.write_text(data_club.read_text("utf-8").replace("member: ", "member: X", 1), "utf-8")
    expected = run(*args, cached=False)
    run(*args)
    marker = tmp_path / "exploited"
    other = tmp_path / "other"
    if damage == "foreign":
        shutil.copytree(BROKEN / "_base", other, ignore=_NO_CACHE)
        run("validate", "--data", str(other))
    stored = entries(data, "club") + entries(data, "index")
    assert stored
    for path in stored:
        raw = path.read_bytes()
        if damage == "garbage":
            path.write_bytes(b"\x00\xffnot json\n{")
        elif damage == "truncated":
            path.write_bytes(raw[: len(raw) // 2])
        elif damage == "pickle":
            path.write_bytes(pickle.dumps(_Exploit(marker)))
        elif damage == "empty":
            path.write_bytes(b"")
        else:
            path.write_bytes(entries(other, "club")[0].read_bytes())
    assert run(*args) == expected
    assert not marker.exists()
    assert run(*args) == expected


def test_an_entry_changed_without_its_key_is_not_trusted(data: Path) -> None:
    store = cache.Cache(data)
    store.put("club", "k" * 32, [["a.yaml", "x.y", "m", "error", None, [], False, 1, 1]])
    assert store.get("club", "k" * 32) == [["a.yaml", "x.y", "m", "error", None, [], False, 1, 1]]
    path = store._entry_path("club", "k" * 32)
    raw = path.read_bytes()
    path.write_bytes(raw.replace(b'"m"', b'"n"'))
    assert store.get("club", "k" * 32) is None
    (cache.cache_folder(data) / "key").write_bytes(os.urandom(32))
    path.write_bytes(raw)
    assert cache.Cache(data).get("club", "k" * 32) is None


def test_threads_writing_the_same_entries_leave_them_whole(data: Path) -> None:
    values = [[str(i) * 2000, i] for i in range(8)]

    def write(value: list[object]) -> None:
        store = cache.Cache(data)
        for _ in range(30):
            store.put("club", "same", value)
            got = store.get("club", "same")
            assert got is None or got in values

    threads = [threading.Thread(target=write, args=(v,)) for v in values]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert cache.Cache(data).get("club", "same") in values
    leftovers = [p for p in cache.cache_folder(data).rglob(".tmp-*")]
    assert leftovers == []


def test_two_processes_at_once_agree_and_leave_a_sound_cache(data: Path) -> None:
    for index in range(6):
        shutil.copytree(data / "clubs/chi-lang-quang-lac", data / f"clubs/copy-{index}")
    command = [sys.executable, "-m", "lstg", "validate", "--data", str(data), "--lang", "en"]
    env = {**os.environ, "LSTG_TODAY": TODAY, "LSTG_NO_CACHE": ""}
    uncached = subprocess.run(
        command, capture_output=True, text=True, env={**env, "LSTG_NO_CACHE": "1"}
    )
    both = [subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=env) for _ in range(2)]
    outputs = [p.communicate()[0] for p in both]
    assert outputs == [uncached.stdout, uncached.stdout]
    store = cache.Cache(data)
    club_entries = entries(data, "club")
    assert len(club_entries) >= 7
    for path in club_entries:
        assert store.get("club", path.stem) is not None
    again = subprocess.run(command, capture_output=True, text=True, env=env)
    assert again.stdout == uncached.stdout


def test_problems_survive_the_round_trip_through_json() -> None:
    problem = error(
        "clubs/a/loans.yaml", "loan.x", "Một “lỗi”.", where=(3, "amount"), hint="h", line=4
    )
    back = problem_from_data(json.loads(json.dumps(problem_to_data(problem))))
    assert back == problem
    assert isinstance(back, Problem)


def test_snapshot_keys_a_club_by_its_own_files_only(data: Path) -> None:
    shutil.copytree(data / "clubs/chi-lang-quang-lac", data / "clubs/other")
    first = cache.Cache(data).snapshot()
    members = data / "clubs/other/members.yaml"
    members.write_text(members.read_text("utf-8") + "\n", "utf-8")
    second = cache.Cache(data).snapshot()
    assert second.clubs["chi-lang-quang-lac"] == first.clubs["chi-lang-quang-lac"]
    assert second.clubs["other"] != first.clubs["other"]
    assert second.shared == first.shared
    shutil.copytree(data / "clubs/other", data / "clubs/third")
    third = cache.Cache(data).snapshot()
    assert third.shared == first.shared
    assert third.whole() != second.whole()
    (data / "plans/extra.yaml").write_text("id: x\n", "utf-8")
    assert cache.Cache(data).snapshot().shared != first.shared


def test_validating_some_clubs_reads_only_their_folders(data: Path) -> None:
    shutil.copytree(data / "clubs/chi-lang-quang-lac", data / "clubs/other")
    full = cache.Cache(data).snapshot()
    only = cache.Cache(data).snapshot(["other"])
    assert only.clubs["other"] == full.clubs["other"]
    assert only.shared == full.shared
    assert not any(rel.startswith("clubs/chi-lang-quang-lac/") for rel in only.files)
    again = cache.Cache(data).snapshot()
    assert again.files == full.files
    loans = data / "clubs/other/loans.yaml"
    loans.write_text(loans.read_text("utf-8").replace("member: ", "member: X", 1), "utf-8")
    for args in (
        ("validate", str(loans), "--lang", "en"),
        ("validate", str(data / "clubs/chi-lang-quang-lac"), "--lang", "en"),
        ("validate", "--data", str(data), "--lang", "en"),
    ):
        assert run(*args) == run(*args, cached=False)
        assert run(*args) == run(*args, cached=False)


def test_validate_library_gives_the_same_problems_with_and_without_the_cache(data: Path) -> None:
    from lstg.validate.run import validate

    loans = data / "clubs/chi-lang-quang-lac/loans.yaml"
    loans.write_text(loans.read_text("utf-8").replace("member: ", "member: X", 1), "utf-8")
    set_language("en")
    day = date.fromisoformat(TODAY)
    cache.set_enabled(False)
    uncached = validate(data, today=day)
    cache.set_enabled(True)
    cold = validate(data, today=day)
    warm = validate(data, today=day)
    assert cold.problems == warm.problems == uncached.problems
    assert cold.clubs == warm.clubs == uncached.clubs == 1


def test_a_cached_report_names_the_time_of_this_run(data: Path) -> None:
    args = (
        "report",
        "--province",
        "--data",
        str(data),
        "--format",
        "json",
        "--as-of",
        "2020-11-30",
    )
    first = run(*args, env={"LSTG_GENERATED_AT": "2026-11-29T08:00:00+00:00"})
    assert entries(data, "facts")
    second = run(*args, env={"LSTG_GENERATED_AT": "2026-11-29T09:30:00+00:00"})
    assert json.loads(first[1])["provenance"]["generated_at"] == "2026-11-29T08:00:00+00:00"
    assert json.loads(second[1])["provenance"]["generated_at"] == "2026-11-29T09:30:00+00:00"
    first_figures = {k: v for k, v in json.loads(first[1]).items() if k != "provenance"}
    second_figures = {k: v for k, v in json.loads(second[1]).items() if k != "provenance"}
    assert first_figures == second_figures


def test_old_entries_are_pruned_once_a_day(data: Path) -> None:
    run("validate", "--data", str(data))
    store = cache.Cache(data)
    club = entries(data, "club")
    index = entries(data, "index")
    assert club
    assert index
    old = 1_000_000_000
    for path in club + index:
        os.utime(path, (old, old))
    store.prune()
    assert entries(data, "club") == club, "pruned at most once a day"
    marker = cache.cache_folder(data) / ".pruned"
    os.utime(marker, (old, old))
    store.prune()
    assert entries(data, "club") == []
    assert entries(data, "index") == index
    assert run("validate", "--data", str(data)) == run(
        "validate", "--data", str(data), cached=False
    )


REPORT_2020 = ("report", "--province", "--format", "json", "--as-of", "2020-11-30")


def _recordings(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count the runs that note the figures a report asks (the first of its two passes)."""
    from lstg.indicators import stream

    counted: list[int] = []
    real = stream.recording

    def counting():  # type: ignore[no-untyped-def]
        counted.append(1)
        return real()

    monkeypatch.setattr(stream, "recording", counting)
    return counted


def test_the_figures_a_report_asks_are_noted_once_until_a_club_file_changes(
    data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    args = (*REPORT_2020, "--data", str(data))
    expected = run(*args, cached=False)
    counted = _recordings(monkeypatch)
    assert run(*args) == expected
    assert len(counted) == 1  # the first cached run notes them
    meeting = next((data / "clubs").glob("*/meetings/*.yaml"))
    meeting.write_text(meeting.read_text("utf-8") + "# một dòng ghi chú\n", "utf-8")
    assert run(*args) == run(*args, cached=False)
    assert len(counted) == 2  # a meeting file changed: only the uncached run notes them
    club = next((data / "clubs").glob("*/club.yaml"))
    club.write_text(club.read_text("utf-8") + "# một dòng ghi chú\n", "utf-8")
    assert run(*args) == run(*args, cached=False)
    assert len(counted) == 4  # a club file changed: the cached run notes them again


def test_a_needs_entry_that_is_not_figures_asked_is_ignored(
    data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    args = (*REPORT_2020, "--data", str(data))
    expected = run(*args, cached=False)
    run(*args)
    store = cache.Cache(data)
    for planted in (
        {"members": 1},
        [["members", "2020-01-01", "2020-11-30"]],
        "members|not a date|2020-11-30",
        "members|2020-11-30",
    ):
        for path in entries(data, "needs"):
            store.put("needs", path.stem, planted)
        counted = _recordings(monkeypatch)
        assert run(*args) == expected
        assert counted == [1]


@pytest.mark.parametrize("readv", [True, False], ids=["readv", "read"])
@pytest.mark.parametrize("size", [0, 1, (1 << 18) - 1, 1 << 18, 3 * (1 << 18) + 7])
def test_a_file_digest_read_through_one_buffer_is_the_digest_of_its_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, readv: bool, size: int
) -> None:
    """The snapshot hashes each file through one reused buffer, on systems with
    ``os.readv`` and on Windows alike; the digest is that of the whole content."""
    from lstg.cache.keys import digest, file_digest
    from lstg.core import safefiles

    monkeypatch.setattr(safefiles, "_READV", readv and hasattr(os, "readv"))
    path = tmp_path / "f.yaml"
    content = os.urandom(size)
    path.write_bytes(content)
    assert file_digest(path, size) == digest(content)
    # A length that is not the stat's (the file was being written) is read again whole.
    assert file_digest(path, size + 1) == digest(content)


def test_a_file_digest_never_follows_a_link(tmp_path: Path) -> None:
    from lstg.cache.keys import file_digest
    from lstg.core.safefiles import NotRegular

    target = tmp_path / "outside.yaml"
    target.write_text("a: 1\n", encoding="utf-8")
    link = tmp_path / "link.yaml"
    try:
        link.symlink_to(target)
    except OSError:
        pytest.skip("this system makes no symbolic links")
    with pytest.raises(NotRegular):
        file_digest(link, 5)


STATUS = ("status", "--period", "2020", "--format", "json")


def test_status_gives_the_same_output_with_and_without_the_cache(data: Path) -> None:
    for args in (STATUS, ("status", "--period", "2020-Q1"), ("status", "--as-of", "2020-03-31")):
        uncached = run(*args, "--data", str(data), cached=False)
        assert run(*args, "--data", str(data)) == uncached
        assert run(*args, "--data", str(data)) == uncached
    # One entry a club and window: 2020-Q1 and an as-of date of 2020-03-31 are one window.
    assert len(entries(data, "status")) == 2


def test_a_changed_meeting_file_changes_the_status_told_from_the_cache(data: Path) -> None:
    code, before = run(*STATUS, "--data", str(data))
    assert code == 0
    meetings = data / "clubs" / "chi-lang-quang-lac" / "meetings" / "2020.yaml"
    with meetings.open("a", encoding="utf-8") as out:
        out.write("- date: 2020-04-11\n  activities: [health]\n  attendance: [M001]\n")
    code, after = run(*STATUS, "--data", str(data))
    assert code == 0
    assert after == run(*STATUS, "--data", str(data), cached=False)[1]
    [club] = json.loads(after)["units"][0]["clubs"]
    [club_before] = json.loads(before)["units"][0]["clubs"]
    assert [m["state"] for m in club_before["months"]][3] == "missing"
    assert [m["state"] for m in club["months"]][3] == "held"
    assert club["last_record"] == "2020-04-11"


@pytest.mark.parametrize(
    "planted",
    [
        {"months": [["2020-01-01", "on fire"]]},
        {"months_late": "9"},
        {"done": [12, "3", 25.0, 1, []]},
        {"done": [12, 3, "25", 1, []]},
        {"name": 7},
        {"last_record": "yesterday"},
        {"months": "all"},
    ],
)
def test_a_status_entry_that_is_not_a_status_is_ignored(
    data: Path, planted: dict[str, object]
) -> None:
    expected = run(*STATUS, "--data", str(data), cached=False)
    run(*STATUS, "--data", str(data))
    store = cache.Cache(data)
    [path] = entries(data, "status")
    sound = store.get("status", path.stem)
    assert isinstance(sound, dict)
    store.put("status", path.stem, {**sound, **planted})
    assert run(*STATUS, "--data", str(data)) == expected


def test_a_status_read_while_its_club_changed_is_not_kept(
    data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from lstg.indicators import status

    told = status._club_status
    meetings = data / "clubs" / "chi-lang-quang-lac" / "meetings" / "2020.yaml"

    def edited_meanwhile(root: Path, folder: Path, **kwargs: object) -> object:
        found = told(root, folder, **kwargs)  # type: ignore[arg-type]
        with meetings.open("a", encoding="utf-8") as out:
            out.write("- date: 2020-04-11\n  activities: [health]\n  attendance: [M001]\n")
        return found

    monkeypatch.setattr(status, "_club_status", edited_meanwhile)
    run(*STATUS, "--data", str(data))
    assert entries(data, "status") == []


def _index_digests(root: Path) -> dict[str, str]:
    stored = cache.Cache(root).get("index", "files")
    return {rel: entry[-1] for rel, entry in stored["files"].items()}


def test_the_first_run_reads_each_club_file_once_and_keeps_its_digest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On the cache's first use, validate hashes no club file beforehand: each one's digest
    is that of the bytes the checks read, in the worker processes (42 clubs). The index
    then holds the digest of every file, and every club has its entry."""
    from lstg.cache import store
    from lstg.cache.keys import digest

    root = tmp_path / "data"
    shutil.copytree(Path(__file__).parent.parent / "data", root, ignore=_NO_CACHE)
    hashed: list[str] = []
    real = store.file_digest

    def noted(path: Path, size: int) -> str:
        hashed.append(path.relative_to(root).as_posix())
        return real(path, size)

    monkeypatch.setattr(store, "file_digest", noted)
    # The files were just written: without this, the snapshot at the end of the run would
    # read them all again, as it does for files changed in the last seconds.
    monkeypatch.setattr(store, "RACY_SECONDS", 0)
    code, cached_output = run("validate", "--data", str(root))
    assert [rel for rel in hashed if rel.startswith("clubs/")] == []
    files = {p.relative_to(root).as_posix(): p for p in root.rglob("*.yaml")}
    club_files = {rel for rel in files if rel.startswith("clubs/")}
    assert len(club_files) > 200
    index = _index_digests(root)
    assert {rel: index.get(rel) for rel in files} == {
        rel: digest(path.read_bytes()) for rel, path in files.items()
    }
    clubs = sorted(p.name for p in (root / "clubs").iterdir())
    assert len(entries(root, "club")) == len(clubs) == 42
    # The second run finds every club in the cache, and says the same.
    put: list[str] = []
    monkeypatch.setattr(store.Cache, "put", lambda self, kind, key, value: put.append(kind))
    assert run("validate", "--data", str(root)) == (code, cached_output)
    assert "club" not in put
    assert run("validate", "--data", str(root), cached=False) == (code, cached_output)


def test_a_club_changed_after_the_first_run_read_it_is_not_kept(
    data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A club file changed between its reading by the checks and the end of the run: the
    digest the checks took is not that of the file, so the club's problems are not kept,
    and the index holds the digest of what the file now holds."""
    from lstg.cache.keys import digest
    from lstg.read import reader

    members = data / "clubs" / "chi-lang-quang-lac" / "members.yaml"
    parse = reader.parse_text

    def edited_meanwhile(raw: bytes, rel: str, **kwargs: bool) -> reader.ReadResult:
        found = parse(raw, rel, **kwargs)
        if rel.endswith("members.yaml"):
            with members.open("a", encoding="utf-8") as out:
                out.write("# read, then changed\n")
        return found

    monkeypatch.setattr(reader, "parse_text", edited_meanwhile)
    run("validate", "--data", str(data))
    assert entries(data, "club") == []
    assert _index_digests(data)["clubs/chi-lang-quang-lac/members.yaml"] == digest(
        members.read_bytes()
    )
    monkeypatch.setattr(reader, "parse_text", parse)
    run("validate", "--data", str(data))
    assert len(entries(data, "club")) == 1


def test_a_temporary_file_a_killed_run_left_among_entries_is_pruned(data: Path) -> None:
    """Entries are written without a look for leftovers beside them; the daily pruning
    removes a temporary file once it is some minutes old, and never one being written."""
    import time

    from lstg.core.atomicfile import STALE_SECONDS

    run("validate", "--data", str(data))
    folder = entries(data, "club")[0].parent
    left = folder / ".0123.json.abcd1234.tmp"
    writing = folder / ".4567.json.ef901234.tmp"
    left.write_bytes(b"cut short")
    writing.write_bytes(b"being written")
    then = time.time() - STALE_SECONDS - 60
    os.utime(left, (then, then))
    marker = cache.cache_folder(data) / ".pruned"
    os.utime(marker, (1_000_000_000, 1_000_000_000))
    cache.Cache(data).prune()
    assert not left.exists()
    assert writing.exists()
    assert entries(data, "club")
