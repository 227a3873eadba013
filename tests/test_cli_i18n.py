"""The command line in Vietnamese by default and in English on request: help, usage lines,
Click's own messages, and help texts shown whole."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer
from babel.messages.pofile import read_po
from cli_run import invoke
from conftest_validate import BASE

from lstg.cli import app as cli
from lstg.cli.translate import (
    CLICK_MESSAGES,
    first_paragraph,
    help_texts,
    translate,
    translate_help,
)
from lstg.core.i18n import LOCALE_DIR, set_language


@pytest.fixture(autouse=True)
def _english_afterwards() -> None:
    yield
    set_language("en")


def _vietnamese() -> dict[str, str]:
    with (LOCALE_DIR / "vi" / "LC_MESSAGES" / "lstg.po").open("rb") as po:
        catalog = read_po(po, locale="vi")
    return {str(m.id): str(m.string) for m in catalog if m.id and not isinstance(m.id, tuple)}


def _tree() -> object:
    app = cli._app()
    cli._register(app)
    return typer.main.get_command(app)


def test_every_help_text_and_placeholder_has_a_vietnamese_translation() -> None:
    vietnamese = _vietnamese()
    texts = [t for t in help_texts(_tree()) if "|" not in t]
    assert len(texts) > 150
    assert sorted({t for t in texts if not vietnamese.get(t)}) == []


def test_every_message_of_click_has_a_vietnamese_translation() -> None:
    vietnamese = _vietnamese()
    assert [m for m in CLICK_MESSAGES if not vietnamese.get(m)] == []


@pytest.mark.parametrize(
    ("english", "vietnamese"),
    [
        ("Missing option '--name'.", "Thiếu tùy chọn '--name'."),
        ("Missing argument 'CLUB'.", "Thiếu tham số 'CLUB'."),
        ("No such option: --bogus", "Không có tùy chọn --bogus"),
        ("No such option '--bogus'.", "Không có tùy chọn '--bogus'"),
        (
            "No such option: --provnce (Possible options: --province)",
            "Không có tùy chọn --provnce (có thể là: --province)",
        ),
        (
            "No such option: --provnce Did you mean --province?",
            "Không có tùy chọn --provnce (có thể là: --province)",
        ),
        ("No such command 'valdate'.", "Không có lệnh 'valdate'."),
        ("Got unexpected extra argument (x)", "Thừa tham số (x)"),
        ("Got unexpected extra arguments (x y)", "Thừa tham số (x y)"),
        ("Option '--format' requires an argument.", "Tùy chọn '--format' cần một giá trị."),
        (
            "Invalid value for '--as-of': Missing command.",
            "Giá trị không hợp lệ cho '--as-of': Thiếu lệnh.",
        ),
        ("Not one of Click's", "Not one of Click's"),
    ],
)
def test_clicks_messages_are_translated_with_their_values(english: str, vietnamese: str) -> None:
    set_language("vi")
    assert translate(english) == vietnamese


def test_the_notes_click_adds_to_an_option_are_translated() -> None:
    set_language("vi")
    assert translate_help("Định dạng.  [default: md]") == "Định dạng.  [mặc định: md]"
    assert translate_help("[env var: LSTG_LANG; required]") == (
        "[biến môi trường: LSTG_LANG; bắt buộc]"
    )
    assert translate_help("Show this message and exit.") == "Cho xem hướng dẫn này rồi thoát."


def test_help_is_vietnamese_by_default_and_english_on_request() -> None:
    vi = invoke("--help")
    assert vi.code == 0
    assert vi.stdout.splitlines()[0] == "Cách dùng: lstg [TÙY_CHỌN] LỆNH [THAM_SỐ]..."
    assert "Tùy chọn:" in vi.stdout.splitlines()
    assert "  --help        Cho xem hướng dẫn này rồi thoát." in vi.stdout.splitlines()
    en = invoke("--help", "--lang", "en")
    assert en.stdout.splitlines()[0] == "Usage: lstg [OPTIONS] COMMAND [ARGS]..."
    assert invoke("--help", env={"LSTG_LANG": "en"}).stdout == en.stdout
    assert invoke("validate", "--help", "--lang", "en").stdout.startswith(
        "Usage: lstg validate [OPTIONS] "
    )


def test_the_list_of_commands_shows_each_help_whole() -> None:
    listing = " ".join(invoke("--help", "--lang", "en").stdout.split())
    assert "..." not in listing.replace("COMMAND [ARGS]...", "")
    for _module, _attribute, help_text in cli._COMMANDS.values():
        assert first_paragraph(help_text) in listing


def test_a_misspelt_option_is_a_vietnamese_usage_error_with_exit_2() -> None:
    ran = invoke("report", "--provnce")
    assert ran.code == 2
    assert ran.stdout == ""
    usage, *rest = ran.stderr.splitlines()
    # Typer's versions write the optional summaries as "[BÁO_CÁO.json]..." or "BÁO_CÁO.json".
    assert usage.startswith("Cách dùng: lstg report [TÙY_CHỌN] ")
    assert "BÁO_CÁO.json" in usage
    assert rest == [
        "Xem hướng dẫn: “lstg report --help”.",
        "",
        "Lỗi: Không có tùy chọn --provnce (có thể là: --province)",
    ]


@pytest.mark.parametrize(
    ("args", "last"),
    [
        (["club", "new", "x"], "Error: Missing option '--name'."),
        (["club", "new"], "Error: Missing argument 'CLUB'."),
        (["valdate"], "Error: No such command 'valdate'."),
        (["schema", "province", "extra"], "Error: Got unexpected extra argument"),
        (["validate", "--format"], "Error: Option '--format' requires an argument."),
        (
            ["report", "--as-of", "2020-13-45"],
            "Error: Invalid value for '--as-of': 2020-13-45 is not a date that exists",
        ),
        (
            ["check", "--format", "xml"],
            "Error: Invalid value for '--format': “xml” is not one of: text, json.",
        ),
    ],
)
def test_usage_errors_in_english(args: list[str], last: str) -> None:
    """Click's own wording, which differs a little between versions (a suggestion, a plural)."""
    ran = invoke("--lang", "en", *args)
    assert ran.code == 2
    assert ran.stderr.splitlines()[-1].startswith(last)


def test_global_options_go_before_or_after_the_command() -> None:
    args = ["--data", str(BASE), "--today", "2026-11-29"]
    before = invoke("--no-cache", "--debug", "--lang", "en", "validate", *args)
    after = invoke("validate", *args, "--no-cache", "--debug", "--lang", "en")
    assert before.code == after.code == 0
    assert before.stdout == after.stdout == "No problems found (1 club checked).\n"


def test_the_language_of_the_data_is_the_default_of_outputs(tmp_path: Path) -> None:
    import shutil

    root = tmp_path / "data"
    shutil.copytree(BASE, root)
    province = root / "province.yaml"
    province.write_text(province.read_text("utf-8").replace("language: vi", "language: en"))
    assert "language: en" in province.read_text("utf-8")
    ran = invoke("validate", "--data", str(root), "--today", "2026-11-29")
    assert ran.stdout == "No problems found (1 club checked).\n"
    ran = invoke("validate", "--data", str(root), "--today", "2026-11-29", "--lang", "vi")
    assert ran.stdout == "Không có vấn đề nào (đã kiểm tra 1 câu lạc bộ).\n"


def test_the_program_or_a_group_alone_shows_its_help() -> None:
    english = {"LSTG_LANG": "en"}
    alone = invoke(env=english)
    assert (alone.code, alone.stdout) == (0, invoke("--help", env=english).stdout)
    group = invoke("club", env=english)
    assert group.code == 0
    assert group.stdout.splitlines()[0] == "Usage: lstg club [OPTIONS] COMMAND [ARGS]..."
