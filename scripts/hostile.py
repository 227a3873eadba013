"""Hostile runs of lstg: fuzzed files, kills during edits, concurrent edits, large files.

    python scripts/hostile.py fuzz --cases 5000 [--seed 1] [--cli 200]
    python scripts/hostile.py kills --trials 200
    python scripts/hostile.py pairs --pairs 50
    python scripts/hostile.py large

Every run works on copies of the bundled data in a temporary folder and prints
what it found; it exits 1 if any case broke a rule:

- ``fuzz``: mutations of the bundled files (byte flips, hostile YAML tokens,
  indentation, control and combining characters, truncation…) read by the
  loader and by the editor in this process: anything but a located problem or a
  one-line user error is a failure. ``--cli N`` runs N of them through the real
  command line too: exit 0, 1 or 2, a ``file:line:`` or ``lstg:`` line, under 5 s.
- ``kills``: ``lstg member add``/``member edit`` killed (SIGKILL) at a random
  moment: every data file is then the old one or the new one and validates,
  ``git status`` shows nothing but the edited file, the system's temporary
  folder holds nothing, and the next edit removes what the killed one left.
- ``pairs``: two edits of one club started together: both are recorded, or one
  is refused with its message; never one lost.
- ``large``: validate and edit a 3 MB and a 5.7 MB members file, timed.

The mutator is also used, with a few hundred cases, by ``tests/test_fuzz.py``.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "data"
CLUB = "chi-lang-dong-mo"

TOKENS = [
    "&a ", "*a", "!!int ", "!!bool ", "!!float ", "!!str ", "!!python/object ", "!custom ",
    "<<: ", "---\n", "...\n", "~", "null", "? ", ": ", "- ", "[", "]", "{", "}", ",", "#",
    "'", '"', "|\n", ">\n", "\t", "-_", "0x_", "0o_", "0b_", "._", ".inf", "-.inf", ".nan",
    "1e999", "9" * 5000, "\u0301", "\u0300\n", "\ufeff", "\x00", "\x1b[31m", "\r", "\u2028",
    "%YAML 1.1\n", "%TAG ! tag:x,2000:\n", "@", "`", "%", "\\", "=cmd|' /C calc'!A0",
    "<script>alert(1)</script>", "| a | b |", "ề", "Nguyễn", "M999", "2020-02-30",
]  # fmt: skip


def mutate(text: str, rng: random.Random) -> str:
    """One random hostile change to a YAML text (sometimes several)."""
    lines = text.splitlines(keepends=True) or [""]
    for _ in range(rng.choice([1, 1, 1, 2, 3])):
        kind = rng.randrange(12)
        at = rng.randrange(len(lines))
        if kind == 0:  # a token inserted anywhere
            line = lines[at]
            cut = rng.randrange(len(line) + 1)
            lines[at] = line[:cut] + rng.choice(TOKENS) + line[cut:]
        elif kind == 1:  # indentation changed
            delta = rng.choice([-3, -2, -1, 1, 2, 3])
            line = lines[at]
            lines[at] = " " * delta + line if delta > 0 else line[min(-delta, len(line)) :]
        elif kind == 2:  # a line removed
            del lines[at]
            lines = lines or [""]
        elif kind == 3:  # a line repeated
            lines.insert(at, lines[at])
        elif kind == 4:  # two lines swapped
            other = rng.randrange(len(lines))
            lines[at], lines[other] = lines[other], lines[at]
        elif kind == 5:  # truncated
            joined = "".join(lines)
            lines = [joined[: rng.randrange(len(joined) + 1)]]
        elif kind == 6:  # a value replaced by a hostile scalar
            line = lines[at]
            if ": " in line:
                key = line.split(": ", 1)[0]
                lines[at] = f"{key}: {rng.choice(TOKENS[:40]).strip() or '~'}\n"
        elif kind == 7:  # a line starting with a combining mark after a value
            lines.insert(at, rng.choice(["\u0301x\n", "\u0300\n", " \u0323a: 1\n"]))
        elif kind == 8:  # deep nesting
            depth = rng.choice([30, 45, 2000])
            lines.insert(at, "x: " + "[" * depth + "]" * depth + "\n")
        elif kind == 9:  # random bytes as text
            lines.insert(at, "".join(chr(rng.randrange(1, 0x3000)) for _ in range(8)) + "\n")
        elif kind == 10:  # an anchor on a value and its alias later
            line = lines[at]
            if ": " in line:
                key, value = line.split(": ", 1)
                lines[at] = f"{key}: &v {value}"
                lines.append(f"{key.split('- ')[-1]}: *v\n")
        else:  # whole file replaced by a null document or a scalar
            lines = [
                rng.choice(["~\n", "null\n", "---\n", "--- ~\n", "just text\n", "[]\n", "{}\n"])
            ]
    return "".join(lines)


def copy_data(target: Path) -> Path:
    """A copy of the bundled data (province, plans, one club) at ``target``."""
    target.mkdir(parents=True)
    shutil.copy2(DATA / "province.yaml", target / "province.yaml")
    shutil.copytree(DATA / "plans", target / "plans")
    (target / "clubs").mkdir()
    shutil.copytree(DATA / "clubs" / CLUB, target / "clubs" / CLUB)
    return target


def data_files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*.yaml") if ".lstg-cache" not in p.parts)


class Failures:
    def __init__(self) -> None:
        self.items: list[str] = []

    def add(self, what: str) -> None:
        self.items.append(what)
        if len(self.items) <= 20:
            print("FAIL", what, flush=True)


def check_library(root: Path, rel: str, failures: Failures, label: str) -> Counter[str]:
    """Validate the club in this process: problems only, each mutated one located."""
    from lstg.core.errors import UserError
    from lstg.validate.run import validate

    codes: Counter[str] = Counter()
    try:
        result = validate(root, clubs=[CLUB], today=None)
    except UserError:
        codes["UserError"] += 1
        return codes
    except Exception as exc:
        failures.add(f"{label}: validate raised {type(exc).__name__}: {exc}")
        return codes
    for problem in result.problems:
        codes[problem.code] += 1
        unlocated = problem.file == rel and problem.is_error and problem.line < 1
        if unlocated and problem.code not in ("file.unreadable", "file.symlink", "file.special"):
            failures.add(f"{label}: {problem.code} without a line in {rel}")
    return codes


def check_editor(text: str, rel: str, failures: Failures, label: str) -> None:
    """Open the text for editing and make a few edits: only user errors may come out."""
    from lstg.core.errors import UserError
    from lstg.edit.yamltext import Document

    try:
        doc = Document(text, rel)
        records = doc.data()
        doc.record_spans()
        doc.insert_record({"id": "M999", "name": "Hoàng Thị Lan", "gender": "female"})
        if records and isinstance(records[0], dict):
            doc.set_field([0], "name", "Lý Thị Mai")
            doc.set_field([0], "note", "ghi chú")
            doc.append_item([0], "groups", {"id": "x"})
    except UserError as exc:
        message = str(exc)
        if not message or "\n" in message.strip():
            failures.add(f"{label}: editor error is not one line: {message!r}")
    except Exception as exc:
        failures.add(f"{label}: editor raised {type(exc).__name__}: {exc}")


def run_cli(args: list[str], env: dict[str, str] | None = None) -> tuple[int, str, float]:
    start = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "lstg", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=60,
        check=False,
    )
    return done.returncode, done.stdout + done.stderr, time.monotonic() - start


def fuzz(cases: int, seed: int, cli: int) -> int:
    from lstg.core.i18n import set_language

    set_language("vi")
    rng = random.Random(seed)
    failures = Failures()
    codes: Counter[str] = Counter()
    with tempfile.TemporaryDirectory(prefix="lstg-fuzz-") as temp:
        base = copy_data(Path(temp) / "base")
        files = data_files(base)
        originals = {p: p.read_bytes() for p in files}
        slowest = 0.0
        started = time.monotonic()
        for case in range(cases):
            path = rng.choice(files)
            rel = path.relative_to(base).as_posix()
            text = mutate(originals[path].decode("utf-8"), rng)
            raw = text.encode("utf-8", errors="surrogatepass")
            if rng.random() < 0.05:
                raw = bytes(b ^ (1 << rng.randrange(8)) if rng.random() < 0.01 else b for b in raw)
            path.write_bytes(raw)
            label = f"case {case} ({rel})"
            codes += check_library(base, rel, failures, label)
            if rel.endswith(("members.yaml", "loans.yaml", "ledger.yaml")) or "/meetings/" in rel:
                check_editor(raw.decode("utf-8", errors="replace"), rel, failures, label)
            if case < cli:
                snapshot = {p: p.read_bytes() for p in data_files(base)}
                code, out, took = run_cli(["--no-cache", "validate", "--data", str(base)])
                slowest = max(slowest, took)
                if code not in (0, 1) or "Traceback" in out or took > 5:
                    failures.add(f"{label}: validate exit {code} in {took:.1f} s: {out[-300:]}")
                code, out, took = run_cli(
                    ["member", "add", CLUB, "--name", "Hoàng Thị Lan", "--gender", "female",
                     "--birth-year", "1956", "--joined", "2025-03-01", "--data", str(base)]
                )  # fmt: skip
                slowest = max(slowest, took)
                if code not in (0, 1, 2) or "Traceback" in out or took > 5:
                    failures.add(f"{label}: member add exit {code} in {took:.1f} s: {out[-300:]}")
                elif code != 0 and not any(
                    line.startswith(("lstg: ", "clubs/", "province", "plans/"))
                    for line in out.splitlines()
                ):
                    failures.add(f"{label}: member add refused without a located line: {out!r}")
                after = {p: p.read_bytes() for p in data_files(base)}
                changed = [p for p in after if after[p] != snapshot.get(p)]
                if code != 0 and changed:
                    failures.add(f"{label}: refused edit changed {changed}")
                for extra in set(after) - set(originals):
                    extra.unlink()
                for original, content in originals.items():
                    original.write_bytes(content)
            path.write_bytes(originals[path])
        took = time.monotonic() - started
    print(f"fuzz: {cases} mutations (seed {seed}), {min(cli, cases)} through the CLI, "
          f"{took:.0f} s; slowest CLI run {slowest:.2f} s")  # fmt: skip
    print("problem codes seen:", ", ".join(f"{c} {n}" for c, n in codes.most_common(25)))
    print(f"failures: {len(failures.items)}")
    return 1 if failures.items else 0


def _git(root: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=root, capture_output=True, text=True, check=True
    ).stdout


def kills(trials: int, seed: int) -> int:
    rng = random.Random(seed)
    failures = Failures()
    outcomes: Counter[str] = Counter()
    with tempfile.TemporaryDirectory(prefix="lstg-kills-") as temp:
        root = copy_data(Path(temp) / "data")
        _git(root, "init", "-q")
        _git(root, "add", ".")
        _git(root, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "data")
        members = root / "clubs" / CLUB / "members.yaml"
        scratch = Path(temp) / "tmpdir"
        for trial in range(trials):
            scratch.mkdir(exist_ok=True)
            before = {p: p.read_bytes() for p in data_files(root)}
            if trial % 2:
                args = ["member", "add", CLUB, "--name", f"Thành viên {trial}", "--gender",
                        "female", "--birth-year", "1956", "--joined", "2025-03-01"]  # fmt: skip
            else:
                args = ["member", "edit", CLUB, "M003", "--name", f"Vy Thế Hòa {trial}"]
            env = {**os.environ, "TMPDIR": str(scratch), "LSTG_NO_CACHE": str(trial % 3 == 0)}
            process = subprocess.Popen(
                [sys.executable, "-m", "lstg", *args, "--data", str(root)],
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            time.sleep(rng.uniform(0.05, 1.1))
            killed = process.poll() is None
            if killed:
                process.send_signal(signal.SIGKILL)
            process.wait()
            outcomes["killed" if killed else f"finished {process.returncode}"] += 1
            after = {p: p.read_bytes() for p in data_files(root)}
            if set(after) != set(before):
                failures.add(
                    f"trial {trial}: files appeared or vanished: {set(after) ^ set(before)}"
                )
            changed = [p for p in after if after.get(p) != before.get(p)]
            if [p for p in changed if p != members]:
                failures.add(f"trial {trial}: other files changed: {changed}")
            from lstg.read.reader import read_yaml

            if read_yaml(members, "members.yaml").problems:
                failures.add(f"trial {trial}: members.yaml torn or invalid")
            status = _git(root, "status", "--porcelain", "--untracked-files=all").splitlines()
            strays = [s for s in status if not s.endswith("clubs/" + CLUB + "/members.yaml")]
            if strays:
                failures.add(f"trial {trial}: git status shows {strays}")
            if any(scratch.iterdir()):
                failures.add(f"trial {trial}: left in TMPDIR: {sorted(os.listdir(scratch))}")
                shutil.rmtree(scratch)
            code, out, _took = run_cli(["--no-cache", "validate", "--data", str(root)])
            if code != 0:
                failures.add(f"trial {trial}: data does not validate after the kill: {out[-300:]}")
        code, out, _took = run_cli(["member", "edit", CLUB, "M003", "--name", "Vy Thế Hòa",
                                    "--data", str(root)])  # fmt: skip
        work = root / ".lstg-cache" / "tmp" / CLUB
        left = sorted(os.listdir(work)) if work.is_dir() else []
        if code != 0 or left:
            failures.add(f"the edit after the kills: exit {code}, left {left}: {out[-200:]}")
    print(f"kills: {trials} trials: {dict(outcomes)}; failures: {len(failures.items)}")
    return 1 if failures.items else 0


def pairs(count: int, seed: int) -> int:
    rng = random.Random(seed)
    failures = Failures()
    outcomes: Counter[str] = Counter()
    with tempfile.TemporaryDirectory(prefix="lstg-pairs-") as temp:
        root = copy_data(Path(temp) / "data")
        members = root / "clubs" / CLUB / "members.yaml"
        from lstg.read.reader import read_yaml

        for pair in range(count):
            both_add = pair % 2 == 0
            first = ["member", "add", CLUB, "--name", f"Người A {pair}", "--gender", "female",
                     "--birth-year", "1950", "--joined", "2025-03-01"]  # fmt: skip
            if both_add:
                second = ["member", "add", CLUB, "--name", f"Người B {pair}", "--gender", "male",
                          "--birth-year", "1951", "--joined", "2025-03-02"]  # fmt: skip
            else:
                second = ["member", "edit", CLUB, "M002", "--name", f"Người sửa {pair}"]
            env = {**os.environ, "LSTG_NO_CACHE": "1" if rng.random() < 0.5 else "0"}
            procs = [
                subprocess.Popen(
                    [sys.executable, "-m", "lstg", *args, "--data", str(root)],
                    env=env,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.PIPE,
                    text=True,
                )
                for args in (first, second)
            ]
            results = [(p.wait(timeout=120), *p.communicate()) for p in procs]
            records = read_yaml(members, "members.yaml").data or []
            names = {r.get("name") for r in records if isinstance(r, dict)}
            recorded = [
                f"Người A {pair}" in names,
                (f"Người B {pair}" if both_add else f"Người sửa {pair}") in names,
            ]
            for (code, out, err), done in zip(results, recorded, strict=True):
                if code == 0 and not done:
                    failures.add(f"pair {pair}: exit 0 but the edit is lost: {out} {err}")
                elif code != 0 and done:
                    failures.add(f"pair {pair}: refused (exit {code}) but written")
                elif code != 0 and not err.strip():
                    failures.add(f"pair {pair}: refused without a message")
                outcomes["recorded" if code == 0 else f"refused {code}"] += 1
            ids = [r.get("id") for r in records if isinstance(r, dict)]
            if len(ids) != len(set(ids)):
                failures.add(f"pair {pair}: duplicate member ids")
    print(f"pairs: {count} pairs of concurrent edits: {dict(outcomes)}; "
          f"failures: {len(failures.items)}")  # fmt: skip
    return 1 if failures.items else 0


def _members_file(size: int, typo: bool) -> str:
    out: list[str] = []
    total, n = 0, 0
    while total < size:
        n += 1
        entry = (
            f"- id: M{n:03d}\n  name: Lành Minh Lực {n}\n"
            f"  gender: {'female' if n % 2 else 'male'}\n"
            f"  birth_year: {1940 + n % 50}\n  ethnicity: Nùng\n  joined: 2017-05-12\n"
            f"  consent: 2023-07-17\n  team: T4\n  groups: [truyen-thong]\n"
        )
        out.append(entry)
        total += len(entry.encode("utf-8"))
    if typo:
        out[len(out) * 3 // 4] = out[len(out) * 3 // 4].replace("gender: ", "gender: femal", 1)
    return "".join(out)


def large() -> int:
    failures = Failures()
    rows: list[tuple[str, float]] = []
    with tempfile.TemporaryDirectory(prefix="lstg-large-") as temp:
        for megabytes in (3.0, 5.7):
            for typo in (False, True):
                root = Path(temp) / f"d{megabytes}{typo}"
                copy_data(root)
                club = root / "clubs" / CLUB
                for name in ("loans.yaml", "ledger.yaml"):
                    (club / name).unlink()
                shutil.rmtree(club / "meetings")
                (club / "members.yaml").write_text(
                    _members_file(int(megabytes * 1_000_000), typo), "utf-8"
                )
                label = f"{megabytes} MB{' with one typo' if typo else ''}"
                times = []
                for _ in range(3):
                    code, out, took = run_cli(["--no-cache", "validate", "--data", str(root)])
                    times.append(took)
                rows.append((f"validate {label}", sorted(times)[1]))
                if code != (1 if typo else 0):
                    failures.add(f"validate {label}: exit {code}: {out[-300:]}")
                if not typo:
                    code, out, took = run_cli(
                        ["member", "add", CLUB, "--name", "Hoàng Thị Lan", "--gender", "female",
                         "--birth-year", "1956", "--joined", "2025-03-01", "--data", str(root)]
                    )  # fmt: skip
                    rows.append((f"member add {label}", took))
                    code2, out2, took2 = run_cli(
                        [
                            "member",
                            "edit",
                            CLUB,
                            "M010",
                            "--name",
                            "Lý Thị Mai",
                            "--data",
                            str(root),
                        ]
                    )
                    rows.append((f"member edit {label}", took2))
                    if code or code2:
                        failures.add(f"edits {label}: {out[-200:]} {out2[-200:]}")
        bomb = Path(temp) / "bomb"
        copy_data(bomb)
        (bomb / "clubs" / CLUB / "members.yaml").write_text(
            "- &x {id: M001, name: A, gender: female}\n" + "- *x\n" * 1_000_000, "utf-8"
        )
        code, out, took = run_cli(["--no-cache", "validate", "--data", str(bomb)])
        rows.append(("validate 1,000,000 aliases (5 MB)", took))
        if code != 1 or "yaml.alias" not in out:
            failures.add(f"alias bomb: exit {code}: {out[-300:]}")
    for label, took in rows:
        print(f"{label:40} {took:6.2f} s")
        # The promise is 5 s for a 3 MB file; larger files are timed, not judged.
        if took > 5 and "5.7 MB" not in label:
            failures.add(f"{label} took {took:.1f} s")
    return 1 if failures.items else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="run", required=True)
    f = sub.add_parser("fuzz")
    f.add_argument("--cases", type=int, default=5000)
    f.add_argument("--cli", type=int, default=200)
    f.add_argument("--seed", type=int, default=1)
    k = sub.add_parser("kills")
    k.add_argument("--trials", type=int, default=200)
    k.add_argument("--seed", type=int, default=1)
    p = sub.add_parser("pairs")
    p.add_argument("--pairs", type=int, default=50)
    p.add_argument("--seed", type=int, default=1)
    sub.add_parser("large")
    args: Any = parser.parse_args(argv)
    sys.path.insert(0, str(REPO))
    if args.run == "fuzz":
        return fuzz(args.cases, args.seed, args.cli)
    if args.run == "kills":
        return kills(args.trials, args.seed)
    if args.run == "pairs":
        return pairs(args.pairs, args.seed)
    return large()


if __name__ == "__main__":
    sys.exit(main())
