"""The validation entry point, the paths given on the command line, and the docs of codes."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from conftest_validate import BASE, CLUB, copy_base, edit, isolated

import lstg
from lstg.core.errors import UserError
from lstg.core.i18n import set_language
from lstg.dataset.folder import Target, target_of
from lstg.validate.run import check_dataset, data_language, validate

__all__ = ["isolated"]
pytestmark = pytest.mark.usefixtures("isolated")

TODAY = date(2026, 11, 29)
PACKAGE = Path(lstg.__file__).parent
DOCS = PACKAGE.parent / "docs" / "validate.md"
BUNDLED = PACKAGE.parent / "data"


def test_clean_folder() -> None:
    result = validate(BASE, today=TODAY)
    assert (result.problems, result.errors, result.warnings, result.ok) == ([], 0, 0, True)
    assert (result.clubs, result.files) == (1, 0)
    assert list(result.dataset.clubs) == ["chi-lang-quang-lac"]


def test_problems_are_located_sorted_and_counted(tmp_path: Path) -> None:
    set_language("en")
    root = copy_base(tmp_path)
    edit(root, f"{CLUB}/loans.yaml", "member: M003", "member: M033")
    edit(root, f"{CLUB}/meetings/2020.yaml", "glucose: 6.1", "glucose: 61")
    edit(root, f"{CLUB}/members.yaml", "birth_year: 1960", "birth_yaer: 1960")
    result = validate(root, today=TODAY)
    assert [(p.file, p.line, p.column, p.code) for p in result.problems] == [
        (f"{CLUB}/loans.yaml", 16, 11, "loan.unknown-member"),
        (f"{CLUB}/meetings/2020.yaml", 8, 16, "health.glucose"),
        (f"{CLUB}/members.yaml", 13, 3, "schema.unknown-field"),
    ]
    assert (result.errors, result.warnings, result.files, result.ok) == (2, 1, 3, False)


def test_check_dataset_gives_unlocated_problems(tmp_path: Path) -> None:
    from lstg.dataset.loader import load_dataset

    root = copy_base(tmp_path)
    edit(root, f"{CLUB}/loans.yaml", "member: M003", "member: M033")
    problems = check_dataset(load_dataset(root), today=TODAY)
    assert [(p.code, p.where, p.line) for p in problems] == [
        ("loan.unknown-member", (1, "member"), 0)
    ]


def test_a_batch_of_clubs_reads_the_province_once_and_gives_only_club_problems(
    tmp_path: Path,
) -> None:
    from lstg.dataset.loader import keep_base, load_base_once
    from lstg.validate.run import _run

    root = copy_base(tmp_path)
    edit(root, f"{CLUB}/loans.yaml", "member: M003", "member: M033")
    edit(root, "province.yaml", "name: Lạng Sơn", "name: Lạng Sơn\nmotto: x")
    whole, whole_dataset = _run(root, None, TODAY)
    assert sorted(p.code for p in whole) == ["loan.unknown-member", "schema.unknown-field"]

    club_only, dataset = _run(root, ["chi-lang-quang-lac"], TODAY, shared="digest-1")
    assert [(p.file, p.line, p.code) for p in club_only] == [
        (f"{CLUB}/loans.yaml", 16, "loan.unknown-member")
    ]
    once = load_base_once(root, "digest-1")
    assert dataset.plans is once.plans
    assert load_base_once(root, "digest-1") is once
    assert load_base_once(root, "digest-2") is not once
    # What the main process read before starting its workers is theirs to start with.
    keep_base(root, "digest-3", whole_dataset)
    assert load_base_once(root, "digest-3") is whole_dataset


def test_one_club_only(tmp_path: Path) -> None:
    root = copy_base(tmp_path)
    broken = root / "clubs" / "other"
    broken.mkdir()
    (broken / "club.yaml").write_text("name: [\n", "utf-8")
    assert validate(root, clubs=["chi-lang-quang-lac"], today=TODAY).ok
    assert not validate(root, today=TODAY).ok


def test_unknown_club_and_missing_folder(tmp_path: Path) -> None:
    set_language("en")
    with pytest.raises(UserError, match="No club folder nowhere in"):
        validate(BASE, clubs=["nowhere"], today=TODAY)
    with pytest.raises(UserError, match="does not exist"):
        validate(tmp_path / "missing", today=TODAY)


def test_folder_with_only_clubs_is_reported_not_raised(tmp_path: Path) -> None:
    set_language("en")
    (tmp_path / "clubs").mkdir()
    result = validate(tmp_path, today=TODAY)
    assert [(p.file, p.code) for p in result.problems] == [
        ("plans", "data.no-plans"),
        ("province.yaml", "data.no-province"),
    ]


def test_a_folder_that_is_not_a_data_folder_is_one_line(tmp_path: Path) -> None:
    set_language("en")
    with pytest.raises(UserError) as raised:
        validate(tmp_path, today=TODAY)
    assert str(raised.value) == (
        f"{tmp_path} is not a data folder: it holds neither province.yaml nor clubs/."
    )
    club = BASE / CLUB
    with pytest.raises(UserError) as raised:
        validate(club, today=TODAY)
    assert str(raised.value) == (
        f"{club} is a club folder, not a data folder: give it as a path to check "
        f"(lstg validate {club}), or give the data folder with --data."
    )


def test_data_language(tmp_path: Path) -> None:
    root = copy_base(tmp_path)
    assert data_language(root) == "vi"
    edit(root, "province.yaml", "language: vi", "language: en")
    assert data_language(root) == "en"
    (root / "province.yaml").write_bytes(b"\x00\x01")
    assert data_language(root) == "vi"


def test_targets(tmp_path: Path) -> None:
    root = copy_base(tmp_path)
    club = root / CLUB
    default = tmp_path / "default"
    assert target_of([], data=None, default=default) == Target(default, None)
    assert target_of([], data=root, default=default) == Target(root, None)
    assert target_of(
        [club / "loans.yaml", club / "meetings" / "2020.yaml"], data=None, default=default
    ) == Target(root.resolve(), frozenset({"chi-lang-quang-lac"}))
    assert target_of([club], data=None, default=default) == Target(
        root.resolve(), frozenset({"chi-lang-quang-lac"})
    )
    assert target_of([club / "loans.yaml", root / "province.yaml"], data=None, default=default) == (
        Target(root.resolve(), None)
    )
    assert target_of([root], data=None, default=default) == Target(root.resolve(), None)
    assert target_of([root / "clubs"], data=None, default=default) == Target(root.resolve(), None)


def test_targets_refused(tmp_path: Path) -> None:
    set_language("en")
    root = copy_base(tmp_path)
    other = tmp_path / "other"
    other.mkdir()
    (other / "province.yaml").write_text("name: x\n", "utf-8")
    with pytest.raises(UserError, match="belong to different data folders"):
        target_of([root / "province.yaml", other / "province.yaml"], data=None, default=root)
    with pytest.raises(UserError, match="is not inside the data folder"):
        target_of([other / "province.yaml"], data=root, default=root)
    with pytest.raises(UserError, match="does not exist"):
        target_of([root / "nothing.yaml"], data=None, default=root)


def _codes_in_source() -> set[str]:
    pattern = re.compile(r'"([a-z]+(?:-[a-z]+)*\.[a-z]+(?:-[a-z]+)*)"')
    sources = [
        *sorted((PACKAGE / "validate").glob("*.py")),
        *sorted((PACKAGE / "read").glob("*.py")),
        PACKAGE / "core" / "safefiles.py",
        PACKAGE / "dataset" / "loader.py",
        PACKAGE / "dataset" / "modelerrors.py",
    ]
    codes = set()
    for source in sources:
        codes |= {c for c in pattern.findall(source.read_text("utf-8")) if not c.endswith("yaml")}
    return codes


def _documented_codes() -> set[str]:
    return set(re.findall(r"^\| `([a-z-]+\.[a-z-]+)` \|", DOCS.read_text("utf-8"), re.M))


def test_every_code_is_documented_and_every_documented_code_exists() -> None:
    documented = _documented_codes()
    codes = _codes_in_source()
    assert len(codes) > 80
    assert (sorted(codes - documented), sorted(documented - codes)) == ([], [])


@pytest.mark.skipif(not (BUNDLED / "province.yaml").is_file(), reason="no bundled data yet")
def test_bundled_data_validates_clean() -> None:
    result = validate(BUNDLED)
    assert [p for p in result.problems if p.is_error] == []
    assert result.clubs >= 18


def _mutations(text: str, seed: int) -> str:
    """One seeded, careless edit of a file's text: what a tired hand or a bad copy does."""
    import random

    rnd = random.Random(seed)
    lines = text.splitlines(keepends=True)
    i = rnd.randrange(len(lines))
    kind = seed % 6
    if kind == 0:
        del lines[i]
    elif kind == 1:
        lines.insert(i, lines[rnd.randrange(len(lines))])
    elif kind == 2:
        lines[i] = " " * rnd.randrange(1, 4) + lines[i]
    elif kind == 3:
        cut = rnd.randrange(len(lines[i]) + 1)
        token = rnd.choice(["-", ":", "[", "'", "&a ", "*a", "\t", "99"])
        lines[i] = lines[i][:cut] + token + lines[i][cut:]
    elif kind == 4:
        lines[i] = lines[i].replace("2019", "2091").replace("M00", "M0")
    else:
        lines = lines[: rnd.randrange(len(lines) + 1)]
    return "".join(lines)


def test_careless_edits_never_raise(tmp_path: Path) -> None:
    files = ["province.yaml", "plans/2016-2020.yaml"] + [
        f"{CLUB}/{name}"
        for name in ("club.yaml", "members.yaml", "loans.yaml", "ledger.yaml", "meetings/2020.yaml")
    ]
    documented = _documented_codes()
    for seed in range(70):
        root = copy_base(tmp_path / str(seed))
        rel = files[seed % len(files)]
        path = root / rel
        path.write_text(_mutations(path.read_text("utf-8"), seed), "utf-8")
        result = validate(root, today=TODAY)
        unknown = [p.code for p in result.problems if p.code not in documented]
        assert (seed, unknown) == (seed, [])
