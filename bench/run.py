"""The benchmark behind ``make bench``: lstg's speed and memory on a synthetic corpus.

It generates (or reuses) a deterministic corpus of N clubs with
``scripts/make_corpus.py``, then measures, in one run, the median of several
runs of each command, as a subprocess, interpreter start included:

- cold ``lstg validate`` (the cache folder removed before each run);
- warm ``lstg validate`` (nothing changed);
- ``lstg validate`` after one meeting file changed (a different file each run);
- cold ``lstg report --province`` (cache emptied) and its peak memory, warm
  ``lstg report --province``, and ``report`` and ``check`` after one meeting file
  changed;
- the peak memory of a cold validate: the largest sum of the resident memory
  of lstg and its worker processes, sampled every 20 ms.

The cache is in a folder of the benchmark's own (``LSTG_CACHE_DIR``), emptied
before each cold run.

Baselines on the same files, in the same run:

- ruamel.yaml's round-trip loader (``YAML()``), parse only;
- PyYAML's C loader (``yaml.load(..., Loader=yaml.CSafeLoader)``), parse only;
- ``check-jsonschema`` with lstg's own JSON Schemas (``lstg schema KIND``), one
  invocation per kind of file.

The two slow baselines take minutes at 200 clubs, so by default they read a
fixed sample of the clubs (every k-th club) and their time is scaled by bytes
to the whole corpus (``--full-baselines`` reads everything). The sample and
the scale are written in the results.

Usage::

    python bench/run.py --clubs 200 [--runs 5] [--cold-runs 3] [--full-baselines]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
LSTG = [sys.executable, "-m", "lstg"]
ENV = os.environ.copy()
CWD = [REPO]
KINDS = ("province", "plan", "club", "members", "loans", "ledger", "meetings")

sys.path.insert(0, str(REPO / "scripts"))
import make_corpus  # noqa: E402


def _tree(pid: int) -> list[int]:
    """``pid`` and all its descendants, read from /proc."""
    found = [pid]
    index = 0
    while index < len(found):
        current = found[index]
        index += 1
        try:
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as children:
                    found += [int(c) for c in children.read().split()]
        except OSError:
            continue
    return found


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def timed(args: list[str], *, env: dict[str, str] | None = None) -> tuple[float, int, float]:
    """Run a command; give its wall time, exit code and peak resident memory (MB) of its tree."""
    peak = 0
    start = time.perf_counter()
    process = subprocess.Popen(
        args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env or ENV, cwd=CWD[0]
    )
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, sum(_rss_kb(p) for p in _tree(process.pid)))
            done.wait(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _out, err = process.communicate()
    wall = time.perf_counter() - start
    done.set()
    sampler.join()
    if process.returncode not in (0, 1):
        sys.stderr.write(err.decode("utf-8", errors="replace"))
    return wall, process.returncode, peak / 1024


def median_of(label: str, runs: int, prepare: Any, args: list[str]) -> tuple[float, list[float]]:
    times: list[float] = []
    for index in range(runs):
        prepare(index)
        wall, code, _peak = timed(args)
        if code not in (0, 1):
            raise SystemExit(f"{label}: {' '.join(args)} exited {code}")
        times.append(wall)
    print(f"  {label}: {', '.join(f'{t:.2f}' for t in times)} s", flush=True)
    return statistics.median(times), times


def yaml_files(corpus: Path, clubs: list[str] | None = None) -> dict[str, list[Path]]:
    """The corpus's data files by kind; only the given club folders if ``clubs`` is given."""
    files: dict[str, list[Path]] = {kind: [] for kind in KINDS}
    files["province"].append(corpus / "province.yaml")
    files["plan"] += sorted((corpus / "plans").glob("*.yaml"))
    for folder in sorted((corpus / "clubs").iterdir()):
        if clubs is not None and folder.name not in clubs:
            continue
        files["club"].append(folder / "club.yaml")
        files["members"].append(folder / "members.yaml")
        files["loans"].append(folder / "loans.yaml")
        files["ledger"].append(folder / "ledger.yaml")
        files["meetings"] += sorted((folder / "meetings").glob("*.yaml"))
    return files


def size(files: dict[str, list[Path]]) -> int:
    return sum(p.stat().st_size for paths in files.values() for p in paths)


PARSE = """
import sys, time
from pathlib import Path
paths = [Path(p) for p in sys.stdin.read().split("\\n") if p]
{setup}
start = time.perf_counter()
for path in paths:
    {load}
print(time.perf_counter() - start)
"""


def parse_time(setup: str, load: str, paths: list[Path]) -> float:
    """Seconds a fresh interpreter spends parsing ``paths`` (interpreter start excluded)."""
    script = PARSE.format(setup=setup, load=load)
    done = subprocess.run(
        [sys.executable, "-c", script],
        input="\n".join(str(p) for p in paths),
        capture_output=True,
        text=True,
        check=True,
    )
    return float(done.stdout.strip())


def check_jsonschema_time(files: dict[str, list[Path]], schemas: Path) -> tuple[float, bool]:
    """Wall seconds of ``check-jsonschema`` over the files, one run per kind; all valid?"""
    tool = str(BIN / "check-jsonschema")
    start_up, _code, _peak = timed([tool, "--version"])
    total = 0.0
    valid = True
    for kind, paths in files.items():
        if not paths:
            continue
        wall, code, _peak = timed(
            [tool, "--schemafile", str(schemas / f"{kind}.json"), *map(str, paths)]
        )
        total += wall - start_up
        valid = valid and code == 0
    return total, valid


def freeze() -> None:
    """Run a copy of lstg's source taken now, so that edits to the working tree during the
    benchmark do not change lstg's code fingerprint (and so empty its cache) mid-run."""
    frozen = REPO / "bench" / "corpus" / "src"
    shutil.rmtree(frozen, ignore_errors=True)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(REPO / "lstg", frozen / "lstg", ignore=ignore)
    shutil.copytree(REPO / "templates", frozen / "templates", ignore=ignore)
    ENV["PYTHONPATH"] = str(frozen)
    CWD[0] = frozen


def machine() -> dict[str, Any]:
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
        mem_kb = int(Path("/proc/meminfo").read_text().split()[1])
    except OSError:
        mem_kb = 0
    return {
        "nproc": os.cpu_count(),
        "cpu": model,
        "memory_gb": round(mem_kb / 1024 / 1024, 1),
        "python": platform.python_version(),
        "load_average_at_start": os.getloadavg()[0],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clubs", type=int, default=200)
    parser.add_argument("--runs", type=int, default=5, help="runs of each warm measure")
    parser.add_argument("--cold-runs", type=int, default=3, help="runs of cold validate")
    parser.add_argument("--sample", type=int, default=10, help="clubs read by slow baselines")
    parser.add_argument(
        "--only-lstg", action="store_true", help="measure lstg only, not the baselines"
    )
    parser.add_argument("--full-baselines", action="store_true")
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "results.json")
    parser.add_argument(
        "--live", action="store_true", help="run the working tree's lstg, not a copy of it"
    )
    args = parser.parse_args()

    began = time.perf_counter()
    if not args.live:
        freeze()
    print(f"corpus: {args.clubs} clubs", flush=True)
    corpus = make_corpus.make_corpus(args.clubs, make_corpus.default_out(args.clubs), REPO / "data")
    everything = yaml_files(corpus)
    corpus_bytes = size(everything)
    club_ids = sorted(p.name for p in (corpus / "clubs").iterdir())
    cache_dir = corpus.parent / f"cache-{args.clubs}"
    ENV["LSTG_CACHE_DIR"] = str(cache_dir)
    validate = [*LSTG, "validate", "--data", str(corpus)]

    print("lstg:", flush=True)

    def clear_cache(_index: int) -> None:
        shutil.rmtree(cache_dir, ignore_errors=True)

    cold_times: list[float] = []
    peak_mb = 0.0
    for index in range(args.cold_runs):
        clear_cache(index)
        wall, code, peak = timed(validate)
        if code != 0:
            raise SystemExit(f"cold validate exited {code}: the corpus should validate clean")
        cold_times.append(wall)
        peak_mb = max(peak_mb, peak)
    print(f"  cold validate: {', '.join(f'{t:.2f}' for t in cold_times)} s", flush=True)
    cold = statistics.median(cold_times)

    timed(validate)
    warm, _ = median_of("warm validate", args.runs, lambda _i: None, validate)

    changed: list[tuple[Path, bytes]] = []

    def change_one(index: int) -> None:
        club = club_ids[(index * 37) % len(club_ids)]
        path = corpus / "clubs" / club / "meetings" / "2024.yaml"
        original = path.read_bytes()
        changed.append((path, original))
        path.write_bytes(original + f"# changed by the benchmark, run {index}\n".encode())

    try:
        one_changed, _ = median_of("one file changed", args.runs, change_one, validate)
    finally:
        for path, original in changed:
            path.write_bytes(original)
    timed(validate)

    report = [*LSTG, "report", "--province", "--format", "json", "--data", str(corpus)]
    check = [*LSTG, "check", "--format", "json", "--data", str(corpus)]
    clear_cache(0)
    cold_report, report_code, report_peak = timed(report)
    print(f"  cold report --province: {cold_report:.2f} s, peak {report_peak:.0f} MB", flush=True)
    warm_report: float | None = None
    report_changed: float | None = None
    check_changed: float | None = None
    report_note = ""
    if report_code == 0:
        warm_report, _ = median_of("warm report --province", args.runs, lambda _i: None, report)
        timed(check)
        try:
            report_changed, _ = median_of(
                "report, one file changed", args.runs, lambda i: change_one(100 + i), report
            )
            check_changed, _ = median_of(
                "check, one file changed", args.runs, lambda i: change_one(200 + i), check
            )
        finally:
            for path, original in changed:
                path.write_bytes(original)
    else:
        report_note = f"lstg report --province exited {report_code}"
        print(f"  warm report: not measured ({report_note})", flush=True)
    report_figures = {
        "cold_report_s": round(cold_report, 3),
        "report_peak_rss_mb": round(report_peak, 1),
        "report_one_changed_s": None if report_changed is None else round(report_changed, 3),
        "check_one_changed_s": None if check_changed is None else round(check_changed, 3),
    }

    if args.only_lstg:
        results = {
            "clubs": args.clubs,
            "corpus_dir": str(corpus.relative_to(REPO)),
            "corpus_bytes": corpus_bytes,
            "cold_validate_s": round(cold, 3),
            "warm_validate_s": round(warm, 3),
            "one_changed_s": round(one_changed, 3),
            "warm_report_s": None if warm_report is None else round(warm_report, 3),
            **report_figures,
            "peak_rss_mb": round(peak_mb, 1),
            "notes": {"cold_runs_s": [round(t, 3) for t in cold_times], "baselines": "skipped"},
            "machine": machine(),
            "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "bench_seconds": round(time.perf_counter() - began, 1),
        }
        args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
        print(json.dumps(results, indent=2))
        return

    print("baselines:", flush=True)
    step = max(1, len(club_ids) // args.sample)
    sample_ids = club_ids if args.full_baselines else club_ids[::step][: args.sample]
    sampled = yaml_files(corpus, sample_ids)
    sample_bytes = size(sampled)
    scale = corpus_bytes / sample_bytes
    all_paths = [p for paths in everything.values() for p in paths]
    sample_paths = [p for paths in sampled.values() for p in paths]

    pyyaml = parse_time(
        "import yaml",
        "yaml.load(path.read_text(encoding='utf-8'), Loader=yaml.CSafeLoader)",
        all_paths,
    )
    print(f"  PyYAML CSafeLoader, all files: {pyyaml:.2f} s", flush=True)
    ruamel_sample = parse_time(
        "from ruamel.yaml import YAML",
        "YAML().load(path.read_text(encoding='utf-8'))",
        sample_paths,
    )
    ruamel = ruamel_sample * scale
    print(
        f"  ruamel.yaml round-trip, {len(sample_ids)} clubs: {ruamel_sample:.2f} s,"
        f" scaled to all: {ruamel:.2f} s",
        flush=True,
    )
    schemas = corpus.parent / f"schemas-{args.clubs}"
    schemas.mkdir(exist_ok=True)
    for kind in KINDS:
        text = subprocess.run(
            [*LSTG, "schema", kind], capture_output=True, text=True, check=True, env=ENV, cwd=CWD[0]
        )
        (schemas / f"{kind}.json").write_text(text.stdout, encoding="utf-8")
    jsonschema_sample, jsonschema_valid = check_jsonschema_time(sampled, schemas)
    jsonschema = jsonschema_sample * scale
    print(
        f"  check-jsonschema, {len(sample_ids)} clubs: {jsonschema_sample:.2f} s,"
        f" scaled to all: {jsonschema:.2f} s (files valid: {jsonschema_valid})",
        flush=True,
    )

    results: dict[str, Any] = {
        "clubs": args.clubs,
        "corpus_dir": str(corpus.relative_to(REPO)),
        "corpus_bytes": corpus_bytes,
        "cold_validate_s": round(cold, 3),
        "warm_validate_s": round(warm, 3),
        "one_changed_s": round(one_changed, 3),
        "warm_report_s": None if warm_report is None else round(warm_report, 3),
        **report_figures,
        "ruamel_rt_parse_s": round(ruamel, 3),
        "pyyaml_c_parse_s": round(pyyaml, 3),
        "check_jsonschema_s": round(jsonschema, 3),
        "peak_rss_mb": round(peak_mb, 1),
        "notes": {
            "cold_runs_s": [round(t, 3) for t in cold_times],
            "runs": args.runs,
            "warm_report": report_note or "measured",
            "baseline_sample_clubs": len(sample_ids),
            "baseline_sample_bytes": sample_bytes,
            "baseline_scale": round(scale, 3),
            "check_jsonschema_files_valid": jsonschema_valid,
            "parse_baselines": "parse time inside one interpreter, start excluded",
            "lstg_times": "wall time of the lstg subprocess, interpreter start included",
            "peak_rss": "largest sum of resident memory of lstg and its workers, cold validate",
        },
        "machine": machine(),
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "bench_seconds": round(time.perf_counter() - began, 1),
    }
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print_table(results)
    print(f"wrote {args.out} in {results['bench_seconds']} s")


def print_table(r: dict[str, Any]) -> None:
    rows = [
        ("cold lstg validate", r["cold_validate_s"]),
        ("warm lstg validate", r["warm_validate_s"]),
        ("validate, one file changed", r["one_changed_s"]),
        ("cold lstg report --province", r["cold_report_s"]),
        ("warm lstg report --province", r["warm_report_s"]),
        ("report, one file changed", r["report_one_changed_s"]),
        ("check, one file changed", r["check_one_changed_s"]),
        ("ruamel.yaml round-trip parse", r["ruamel_rt_parse_s"]),
        ("PyYAML C parse", r["pyyaml_c_parse_s"]),
        ("check-jsonschema", r["check_jsonschema_s"]),
    ]
    mb = r["corpus_bytes"] / 1e6
    print()
    print(
        f"{r['clubs']} clubs, {mb:.1f} MB of YAML; peak memory {r['peak_rss_mb']} MB (validate),"
        f" {r['report_peak_rss_mb']} MB (report --province)"
    )
    print(f"{'measure':32} {'seconds':>9} {'ruamel/x':>9} {'jsonschema/x':>13} {'x/PyYAML':>9}")
    for label, seconds in rows:
        if seconds is None:
            print(f"{label:32} {'-':>9}")
            continue
        print(
            f"{label:32} {seconds:9.3f} {r['ruamel_rt_parse_s'] / seconds:9.1f}"
            f" {r['check_jsonschema_s'] / seconds:13.1f} {seconds / r['pyyaml_c_parse_s']:9.2f}"
        )


if __name__ == "__main__":
    main()
