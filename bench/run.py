"""The benchmark behind ``make bench``: lstg's speed and memory on a synthetic corpus.

It generates (or reuses) a deterministic corpus of N clubs with
``scripts/make_corpus.py``, then measures, in one run, each command as a
subprocess, interpreter start included, by its CPU time (its own and its
workers', from the operating system's account of finished children) and its
wall time:

- cold ``lstg validate`` (the cache removed before each run);
- warm ``lstg validate`` (nothing changed);
- ``lstg validate`` after one meeting file changed (a different file each run);
- cold ``lstg report --province`` (cache emptied) with its peak memory, warm
  ``lstg report --province``, and ``report`` and ``check`` after one meeting file
  changed;
- the peak memory of a cold validate: the largest sum of the resident memory
  of lstg and its worker processes, sampled every 20 ms.

The floors and baselines read the same files in the same run, interleaved with
the cold validates (a round is the yaml-rs parse, one cold validate, then each
floor and baseline once), so that the load of other work on the machine falls on
all of them alike. The yaml-rs parse of a round is the mean of the one just before
its cold validate and the one just after, so that the load the validate met falls
on its floor too:

- reading the bytes of every file;
- yaml-rs (the native parser lstg uses for plain texts), parse only;
- the same data as JSON (written once, beside the corpus) through orjson;
- PyYAML's C loader (``yaml.load(..., Loader=yaml.CSafeLoader)``), parse only;
- ruamel.yaml's round-trip loader (``YAML()``), parse only;
- ``check-jsonschema`` with lstg's own JSON Schemas (``lstg schema KIND``), one
  invocation per kind of file, its start-up taken off.

Parse floors are the CPU time of the parsing loop inside a fresh interpreter,
start-up excluded (which favours them). PyYAML, ruamel.yaml and check-jsonschema
take a fraction of a second to seconds per club, so by default they read a
fixed sample of the clubs (every k-th club) and their time is scaled by bytes to
the whole corpus
(``--full-baselines`` reads everything). Medians of the rounds are reported,
each with its ratio to the yaml-rs parse; the cold validate is also divided by the yaml-rs
parse of its own round, and the median of those ratios given, since the load of the
machine changes from round to round more than within one.

Usage::

    python bench/run.py --clubs 200 [--rounds 5] [--runs 5] [--full-baselines]
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import platform
import resource
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


def _pss_kb(pid: int) -> int:
    """The process's proportional set size: its resident pages, each shared page divided
    among the processes that share it (workers forked from lstg share most of theirs)."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as rollup:
            for line in rollup:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return _rss_kb(pid)


PEAK_PSS_MB = [0.0]
"""The peak proportional memory of the tree of the last :func:`timed` run, in MB."""


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(args: list[str], *, env: dict[str, str] | None = None) -> tuple[float, int, float, float]:
    """Run a command; give its wall time, exit code, peak resident memory (MB) of its tree,
    and the CPU time of its tree (its own and that of every worker it waited for)."""
    peak = 0
    peak_pss = 0
    cpu_before = _children_cpu()
    start = time.perf_counter()
    process = subprocess.Popen(
        args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env or ENV, cwd=CWD[0]
    )
    done = threading.Event()

    def sample() -> None:
        nonlocal peak, peak_pss
        while not done.is_set():
            pids = _tree(process.pid)
            peak = max(peak, sum(_rss_kb(p) for p in pids))
            peak_pss = max(peak_pss, sum(_pss_kb(p) for p in pids))
            done.wait(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _out, err = process.communicate()
    wall = time.perf_counter() - start
    cpu = _children_cpu() - cpu_before
    done.set()
    sampler.join()
    if process.returncode not in (0, 1):
        sys.stderr.write(err.decode("utf-8", errors="replace"))
    PEAK_PSS_MB[0] = peak_pss / 1024
    return wall, process.returncode, peak / 1024, cpu


def median_of(
    label: str, runs: int, prepare: Any, args: list[str]
) -> tuple[float, float, list[float]]:
    """Median wall and CPU seconds of ``runs`` runs of ``args``, each after ``prepare(i)``."""
    walls: list[float] = []
    cpus: list[float] = []
    for index in range(runs):
        prepare(index)
        wall, code, _peak, cpu = timed(args)
        if code not in (0, 1):
            raise SystemExit(f"{label}: {' '.join(args)} exited {code}")
        walls.append(wall)
        cpus.append(cpu)
    print(
        f"  {label}: wall {', '.join(f'{t:.2f}' for t in walls)} s;"
        f" CPU {', '.join(f'{t:.2f}' for t in cpus)} s",
        flush=True,
    )
    return statistics.median(walls), statistics.median(cpus), walls


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
start = time.process_time()
for path in paths:
    {load}
print(time.process_time() - start)
"""


def parse_time(setup: str, load: str, paths: list[Path]) -> float:
    """CPU seconds a fresh interpreter spends parsing ``paths`` (interpreter start excluded)."""
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
    """CPU seconds of ``check-jsonschema`` over the files, one run per kind, its start-up
    (measured with ``--version``) taken off each; and whether all were valid."""
    tool = str(BIN / "check-jsonschema")
    _wall, _code, _peak, start_up = timed([tool, "--version"])
    total = 0.0
    valid = True
    for kind, paths in files.items():
        if not paths:
            continue
        _wall, code, _peak, cpu = timed(
            [tool, "--schemafile", str(schemas / f"{kind}.json"), *map(str, paths)]
        )
        total += max(0.0, cpu - start_up)
        valid = valid and code == 0
    return total, valid


def json_copy(corpus: Path, paths: list[Path]) -> list[Path]:
    """The corpus's data written once as JSON files (``<corpus>-json/``), for the orjson floor."""
    import orjson
    import yaml_rs

    out = corpus.parent / f"{corpus.name}-json"
    marker = out / ".complete"
    copies = [out / p.relative_to(corpus).with_suffix(".json") for p in paths]
    if marker.is_file():
        return copies
    for source, target in zip(paths, copies, strict=True):
        target.parent.mkdir(parents=True, exist_ok=True)
        data = yaml_rs.loads(source.read_text(encoding="utf-8"), parse_datetime=False)
        target.write_bytes(orjson.dumps(data))
    marker.write_text("written from the YAML corpus beside it\n", encoding="utf-8")
    return copies


def freeze() -> None:
    """Run a copy of lstg's source taken now, so that edits to the working tree during the
    benchmark do not change lstg's code fingerprint (and so empty its cache) mid-run.

    The copy is compiled to bytecode, as pip and pipx compile a wheel they install: where
    ``PYTHONDONTWRITEBYTECODE`` is set, every run would otherwise compile lstg's modules
    from their source again, which no installed lstg does."""
    frozen = REPO / "bench" / "corpus" / "src"
    shutil.rmtree(frozen, ignore_errors=True)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(REPO / "lstg", frozen / "lstg", ignore=ignore)
    shutil.copytree(REPO / "templates", frozen / "templates", ignore=ignore)
    compileall.compile_dir(frozen / "lstg", quiet=1)
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


Floor = tuple[str, str, Any]
"""A floor or baseline: its key in the results, its label, and how to measure it once."""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clubs", type=int, default=200)
    parser.add_argument(
        "--rounds", type=int, default=5, help="rounds of cold validate, floors and baselines"
    )
    parser.add_argument("--runs", type=int, default=5, help="runs of each warm measure")
    parser.add_argument("--sample", type=int, default=3, help="clubs read by slow baselines")
    parser.add_argument(
        "--only-lstg",
        action="store_true",
        help="measure lstg and the parse floors only, not ruamel.yaml and check-jsonschema",
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
    all_paths = [p for paths in everything.values() for p in paths]
    json_paths = json_copy(corpus, all_paths)
    club_ids = sorted(p.name for p in (corpus / "clubs").iterdir())
    cache_dir = corpus / ".lstg-cache"
    ENV["LSTG_CACHE_DIR"] = str(cache_dir)
    validate = [*LSTG, "validate", "--data", str(corpus)]

    step = max(1, len(club_ids) // args.sample)
    sample_ids = club_ids if args.full_baselines else club_ids[::step][: args.sample]
    sampled = yaml_files(corpus, sample_ids)
    scale = corpus_bytes / size(sampled)
    sample_paths = [p for paths in sampled.values() for p in paths]
    schemas = corpus.parent / f"schemas-{args.clubs}"
    if not args.only_lstg:
        schemas.mkdir(exist_ok=True)
        for kind in KINDS:
            text = subprocess.run(
                [*LSTG, "schema", kind],
                capture_output=True,
                text=True,
                check=True,
                env=ENV,
                cwd=CWD[0],
            )
            (schemas / f"{kind}.json").write_text(text.stdout, encoding="utf-8")

    jsonschema_valid = [True]

    def check_jsonschema() -> float:
        seconds, valid = check_jsonschema_time(sampled, schemas)
        jsonschema_valid[0] = jsonschema_valid[0] and valid
        return seconds * scale

    floors: list[Floor] = [
        (
            "read_bytes_cpu_s",
            "read the bytes",
            lambda: parse_time("", "path.read_bytes()", all_paths),
        ),
        (
            "yaml_rs_parse_cpu_s",
            "yaml-rs parse",
            lambda: parse_time(
                "import yaml_rs",
                "yaml_rs.loads(path.read_bytes().decode('utf-8'), parse_datetime=False)",
                all_paths,
            ),
        ),
        (
            "orjson_parse_cpu_s",
            "the same data as JSON, orjson",
            lambda: parse_time("import orjson", "orjson.loads(path.read_bytes())", json_paths),
        ),
        (
            "pyyaml_c_parse_cpu_s",
            f"PyYAML C loader parse (x{scale:.0f})",
            lambda: (
                scale
                * parse_time(
                    "import yaml",
                    "yaml.load(path.read_text(encoding='utf-8'), Loader=yaml.CSafeLoader)",
                    sample_paths,
                )
            ),
        ),
    ]
    if not args.only_lstg:
        floors += [
            (
                "ruamel_rt_parse_cpu_s",
                f"ruamel.yaml round-trip parse (x{scale:.0f})",
                lambda: (
                    scale
                    * parse_time(
                        "from ruamel.yaml import YAML",
                        "YAML().load(path.read_text(encoding='utf-8'))",
                        sample_paths,
                    )
                ),
            ),
            ("check_jsonschema_cpu_s", f"check-jsonschema (x{scale:.0f})", check_jsonschema),
        ]

    print("rounds: cold lstg validate, then each floor and baseline", flush=True)
    cold_walls: list[float] = []
    cold_cpus: list[float] = []
    measured: dict[str, list[float]] = {key: [] for key, _label, _run in floors}
    peak_mb = 0.0
    peak_pss_mb = 0.0
    yaml_rs_floor = next(run for key, _label, run in floors if key == "yaml_rs_parse_cpu_s")
    parse_before: list[float] = []
    parse_after: list[float] = []
    for round_ in range(args.rounds):
        shutil.rmtree(cache_dir, ignore_errors=True)
        # The native parse just before the cold validate, and again just after (below):
        # the round's floor is the mean of the two, taken under the load the validate met.
        parse_before.append(yaml_rs_floor())
        wall, code, peak, cpu = timed(validate)
        if code != 0:
            raise SystemExit(f"cold validate exited {code}: the corpus should validate clean")
        cold_walls.append(wall)
        cold_cpus.append(cpu)
        peak_mb = max(peak_mb, peak)
        peak_pss_mb = max(peak_pss_mb, PEAK_PSS_MB[0])
        line = [f"cold validate {cpu:.2f} CPU-s ({wall:.2f} s)"]
        for key, label, run in floors:
            seconds = run()
            if key == "yaml_rs_parse_cpu_s":
                parse_after.append(seconds)
                seconds = (parse_before[-1] + seconds) / 2
                label += " (mean of before and after)"
            measured[key].append(seconds)
            line.append(f"{label} {seconds:.2f}")
        print(f"  round {round_ + 1}: " + "; ".join(line), flush=True)

    print("lstg, warm:", flush=True)
    timed(validate)
    warm, warm_cpu, _ = median_of("warm validate", args.runs, lambda _i: None, validate)

    changed: list[tuple[Path, bytes]] = []

    def change_one(index: int) -> None:
        club = club_ids[(index * 37) % len(club_ids)]
        path = corpus / "clubs" / club / "meetings" / "2024.yaml"
        original = path.read_bytes()
        changed.append((path, original))
        path.write_bytes(original + f"# changed by the benchmark, run {index}\n".encode())

    try:
        one_changed, one_changed_cpu, _ = median_of(
            "one file changed", args.runs, change_one, validate
        )
    finally:
        for path, original in changed:
            path.write_bytes(original)
    timed(validate)

    report = [*LSTG, "report", "--province", "--format", "json", "--data", str(corpus)]
    check = [*LSTG, "check", "--format", "json", "--data", str(corpus)]
    shutil.rmtree(cache_dir, ignore_errors=True)
    cold_report, report_code, report_peak, cold_report_cpu = timed(report)
    report_pss = PEAK_PSS_MB[0]
    print(
        f"  cold report --province: {cold_report_cpu:.2f} CPU-s ({cold_report:.2f} s),"
        f" peak {report_peak:.0f} MB resident, {report_pss:.0f} MB proportional",
        flush=True,
    )
    warm_report: float | None = None
    warm_report_cpu: float | None = None
    changed_report: tuple[float, float] | None = None
    changed_check: tuple[float, float] | None = None
    report_note = "measured"
    if report_code == 0:
        warm_report, warm_report_cpu, _ = median_of(
            "warm report --province", args.runs, lambda _i: None, report
        )
        timed(check)
        try:
            wall, cpu, _ = median_of(
                "report, one file changed", args.runs, lambda i: change_one(100 + i), report
            )
            changed_report = (wall, cpu)
            wall, cpu, _ = median_of(
                "check, one file changed", args.runs, lambda i: change_one(200 + i), check
            )
            changed_check = (wall, cpu)
        finally:
            for path, original in changed:
                path.write_bytes(original)
    else:
        report_note = f"lstg report --province exited {report_code}"
        print(f"  warm report: not measured ({report_note})", flush=True)

    def median(values: list[float]) -> float:
        return round(statistics.median(values), 3)

    ratios = [
        cpu / parse for cpu, parse in zip(cold_cpus, measured["yaml_rs_parse_cpu_s"], strict=True)
    ]
    results: dict[str, Any] = {
        "clubs": args.clubs,
        "corpus_dir": str(corpus.relative_to(REPO)),
        "corpus_files": len(all_paths),
        "corpus_bytes": corpus_bytes,
        "cold_validate_cpu_s": median(cold_cpus),
        "cold_validate_per_yaml_rs": median(ratios),
        "cold_validate_s": median(cold_walls),
        **{key: median(values) for key, values in measured.items()},
        "warm_validate_s": round(warm, 3),
        "warm_validate_cpu_s": round(warm_cpu, 3),
        "one_changed_s": round(one_changed, 3),
        "one_changed_cpu_s": round(one_changed_cpu, 3),
        "warm_report_s": None if warm_report is None else round(warm_report, 3),
        "warm_report_cpu_s": None if warm_report_cpu is None else round(warm_report_cpu, 3),
        "cold_report_s": round(cold_report, 3),
        "cold_report_cpu_s": round(cold_report_cpu, 3),
        "report_peak_rss_mb": round(report_peak, 1),
        "report_peak_pss_mb": round(report_pss, 1),
        "report_one_changed_s": None if changed_report is None else round(changed_report[0], 3),
        "report_one_changed_cpu_s": None if changed_report is None else round(changed_report[1], 3),
        "check_one_changed_s": None if changed_check is None else round(changed_check[0], 3),
        "check_one_changed_cpu_s": None if changed_check is None else round(changed_check[1], 3),
        "peak_rss_mb": round(peak_mb, 1),
        "peak_pss_mb": round(peak_pss_mb, 1),
        "notes": {
            "rounds": args.rounds,
            "cold_validate_cpu_s": [round(t, 3) for t in cold_cpus],
            "cold_validate_s": [round(t, 3) for t in cold_walls],
            "cold_validate_per_yaml_rs": [round(x, 3) for x in ratios],
            "yaml_rs_parse_before_cpu_s": [round(t, 3) for t in parse_before],
            "yaml_rs_parse_after_cpu_s": [round(t, 3) for t in parse_after],
            **{key: [round(t, 3) for t in values] for key, values in measured.items()},
            "runs": args.runs,
            "warm_report": report_note,
            "baseline_sample_clubs": len(sample_ids),
            "baseline_scale": round(scale, 3),
            "check_jsonschema_files_valid": jsonschema_valid[0],
            "lstg_times": "CPU of the lstg process and its workers, and wall time,"
            " interpreter start included",
            "parse_floors": "CPU of the parsing loop in a fresh interpreter, start excluded",
            "yaml_rs_parse": "each round's: the mean of the parse just before its cold"
            " validate and the one just after",
            "peak_rss": "largest sum of resident memory of lstg and its workers (pages the"
            " workers share with lstg after fork counted in each)",
            "peak_pss": "largest sum of proportional memory of lstg and its workers (each"
            " shared page divided among those sharing it): the memory the run takes",
        },
        "machine": machine(),
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "bench_seconds": round(time.perf_counter() - began, 1),
    }
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print_table(results, [(key, label) for key, label, _run in floors])
    print(f"wrote {args.out} in {results['bench_seconds']} s")


def print_table(r: dict[str, Any], floors: list[tuple[str, str]]) -> None:
    """The medians, each beside the native parse of the same files (``x/yaml-rs``)."""
    floor = r["yaml_rs_parse_cpu_s"]
    mb = r["corpus_bytes"] / 1e6
    print()
    print(
        f"{r['clubs']} clubs, {r['corpus_files']} files, {mb:.1f} MB of YAML;"
        f" medians of {r['notes']['rounds']} interleaved rounds"
    )
    print(f"{'measure':40} {'CPU s':>8} {'wall s':>8} {'x/yaml-rs':>10}")

    def row(label: str, cpu: float | None, wall: float | None = None) -> None:
        if cpu is None:
            print(f"{label:40} {'-':>8}")
            return
        shown_wall = "" if wall is None else f"{wall:.3f}"
        print(f"{label:40} {cpu:8.3f} {shown_wall:>8} {cpu / floor:10.2f}")

    row("cold lstg validate", r["cold_validate_cpu_s"], r["cold_validate_s"])
    for key, label in floors:
        row(label, r[key])
    row("warm lstg validate", r["warm_validate_cpu_s"], r["warm_validate_s"])
    row("validate, one file changed", r["one_changed_cpu_s"], r["one_changed_s"])
    row("cold lstg report --province", r["cold_report_cpu_s"], r["cold_report_s"])
    row("warm lstg report --province", r["warm_report_cpu_s"], r["warm_report_s"])
    row("report, one file changed", r["report_one_changed_cpu_s"], r["report_one_changed_s"])
    row("check, one file changed", r["check_one_changed_cpu_s"], r["check_one_changed_s"])
    print(
        "cold validate / yaml-rs parse of the same round: "
        + ", ".join(f"{x:.2f}" for x in r["notes"]["cold_validate_per_yaml_rs"])
        + f"; median {r['cold_validate_per_yaml_rs']:.2f}"
    )
    print(
        f"peak memory, resident (summed over processes): {r['peak_rss_mb']} MB (cold"
        f" validate), {r['report_peak_rss_mb']} MB (cold report --province)"
    )
    print(
        f"peak memory, proportional (shared pages counted once): {r['peak_pss_mb']} MB"
        f" (cold validate), {r['report_peak_pss_mb']} MB (cold report --province)"
    )


if __name__ == "__main__":
    main()
