"""Report writers: golden Markdown and HTML, and the same figures in Word, Excel and JSON."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, date, datetime
from io import BytesIO
from pathlib import Path
from xml.etree import ElementTree

import pytest
from conftest_report import sample_report, write_small_data
from docx import Document
from openpyxl import load_workbook

from lstg.core import format as fmt
from lstg.core.errors import UserError
from lstg.report import Report, Request, make_report, render
from lstg.report.model import TABLES

GOLDEN = Path(__file__).resolve().parent / "golden"
MADE = datetime(2020, 12, 1, 8, 15, tzinfo=UTC)


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_small_data(tmp_path_factory.mktemp("report") / "data")


def made(root: Path, lang: str, level: str = "province", name: str | None = None) -> Report:
    request = Request(level, name, None, date(2020, 11, 30), "2016-2020", lang)  # type: ignore[arg-type]
    return make_report(root, request, today=date(2026, 1, 15), generated_at=MADE)


def check_golden(name: str, text: str, update: bool) -> None:
    path = GOLDEN / name
    if update:
        path.write_text(text, encoding="utf-8")
    assert path.is_file(), f"no golden file {name}: run pytest with --update-golden"
    assert text == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("form", ["md", "html"])
def test_province_report_matches_its_golden_file(
    small: Path, lang: str, form: str, update_golden: bool
) -> None:
    text = render(made(small, lang), form).decode("utf-8")
    check_golden(f"report.province.{lang}.{form}", text, update_golden)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_district_report_matches_its_golden_file(
    small: Path, lang: str, update_golden: bool
) -> None:
    text = render(made(small, lang, "district", "CHI LĂNG"), "md").decode("utf-8")
    check_golden(f"report.district.{lang}.md", text, update_golden)


def test_html_is_one_file_with_a_chart_and_a_print_style(small: Path) -> None:
    html = render(made(small, "vi"), "html").decode("utf-8")
    assert html.count("<svg ") == 1
    assert "@page { size: A4;" in html
    assert "@media print" in html
    assert "src=" not in html
    assert "<link" not in html
    assert "Chỉ tiêu: mỗi đơn vị có Câu lạc bộ" in html


def test_html_escapes_names() -> None:
    report = sample_report()
    first = report.rows[0]
    odd = type(first.name)(
        full="Huyện <A&B>", short="<A&B>", kind="huyện", in_sentence="huyện <A&B>"
    )
    rows = [type(first)(odd, first.code, first.figures), *report.rows[1:]]
    html = render(replace(report, rows=rows), "html").decode("utf-8")
    assert "Huyện &lt;A&amp;B&gt;" in html
    assert "<A&B>" not in html


def table_rows(document: object) -> list[list[str]]:
    return [[c.text for c in row.cells] for t in document.tables for row in t.rows]  # type: ignore[attr-defined]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_word_has_the_same_figures(small: Path, lang: str) -> None:
    report = made(small, lang)
    document = Document(BytesIO(render(report, "docx")))
    rows = table_rows(document)
    for row in report.rows:
        cells = next(r for r in rows if r[1] == row.name.full)
        expected = [fmt.number(getattr(row.figures, k), lang) for k in TABLES["clubs"]]
        assert cells[2:] == expected
    total = "Tổng cộng" if lang == "vi" else "Total"
    totals = next(r for r in rows if r[1] == total)
    assert totals[2:6] == [fmt.number(v, lang) for v in (3, 2, 1, 12)]
    money = next(r for r in rows if r[1] == total and r[5] == fmt.number(5_000, lang))
    assert money[6] == fmt.number(3_500, lang)
    assert money[7] == fmt.percent(100, lang)
    text = "\n".join(p.text for p in document.paragraphs)
    header = "\n".join(c.text for c in document.tables[0]._cells)
    if lang == "vi":
        assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in header
        assert "tại 2/3 huyện, thành phố" in text
        assert "Có 02 chỉ tiêu vượt mục tiêu đề ra; 01 chỉ tiêu chưa đạt." in text
    targets = [r for r in rows if r[1] in ("Xây dựng 4 Câu lạc bộ", "Build 4 clubs")]
    assert targets[0][3:] == ["3", "Chưa đạt" if lang == "vi" else "Not met"]


def test_excel_stores_numbers_as_numbers(small: Path) -> None:
    report = made(small, "vi")
    book = load_workbook(BytesIO(render(report, "xlsx")))
    assert book.sheetnames == [
        "Thông tin báo cáo",
        "CLB và thành viên",
        "Vốn vay và quỹ",
        "Sinh hoạt",
        "Chỉ tiêu",
        "Chỉ tiêu theo đơn vị",
        "So với kỳ trước",
    ]
    clubs = book["CLB và thành viên"]
    assert clubs["A2"].value == "CLB VÀ THÀNH VIÊN"
    assert clubs["A3"].value.startswith("Kết quả thực hiện Đề án")
    assert [c.value for c in clubs[6]][:4] == [
        "TT",
        "Huyện, thành phố",
        "Số CLB",
        "CLB đang hoạt động",
    ]
    assert all(c.font.bold for c in clubs[6])
    assert [c.value for c in clubs[9]] == [3, "Huyện Chi Lăng", 2, 2, 0, 9, 7, 7, 2, 3]
    assert [c.value for c in clubs[10]] == [None, "Tổng cộng", 3, 2, 1, 12, 10, 9, 2, 3]
    assert clubs["C10"].number_format == "#,##0"
    assert clubs["C10"].border.left.style == "thin"
    assert clubs.freeze_panes == "C7"
    assert clubs.print_title_rows == "$6:$6"
    setup = clubs.page_setup
    assert (setup.paperSize, setup.orientation, setup.fitToWidth, setup.fitToHeight) == (
        9, "landscape", 1, 0,
    )  # fmt: skip
    assert clubs.sheet_properties.pageSetUpPr.fitToPage
    info = book.worksheets[0]
    setup = info.page_setup
    assert (setup.paperSize, setup.orientation, setup.fitToWidth, setup.fitToHeight) == (
        9, "portrait", 1, 0,
    )  # fmt: skip
    assert info.sheet_properties.pageSetUpPr.fitToPage
    assert info.column_dimensions["A"].width + info.column_dimensions["B"].width <= 90
    loans = book["Vốn vay và quỹ"]
    assert loans["F10"].value == 5_000_000
    assert loans["F10"].number_format == "#,##0"
    assert loans["J5"].value == "Đơn vị tính: đồng"
    assert loans["D10"].value == pytest.approx(2 / 8)
    assert loans["D10"].number_format == "0.0%"
    targets = book["Chỉ tiêu"]
    assert [c.value for c in targets[7]] == [
        1,
        "Xây dựng 4 Câu lạc bộ",
        "ít nhất",
        4,
        None,
        3,
        "Chưa đạt",
    ]
    assert book["Thông tin báo cáo"]["B9"].value == "Không"


CSV_EVERY_SHEET = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"
"""LibreOffice's CSV filter: commas, UTF-8, one file per sheet, formulas computed."""


def test_a_formula_on_a_share_gives_the_share(small: Path) -> None:
    """LibreOffice computes a formula on the stored shares: the borrowers' share of the
    members, from the cells, equals the share the workbook stores."""
    import shutil
    import subprocess

    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed")
    book = load_workbook(BytesIO(render(made(small, "vi"), "xlsx")))
    loans = book["Vốn vay và quỹ"]
    loans["L10"] = "=D10*100"
    loans["M10"] = "=ROUND(C10/D10,0)"
    source = small.parent / "formula.xlsx"
    book.save(source)
    subprocess.run(
        [soffice, "--headless", "--convert-to", CSV_EVERY_SHEET,
         "--outdir", str(small.parent), str(source)],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    rows = (small.parent / "formula-Vốn vay và quỹ.csv").read_text("utf-8").splitlines()
    last = rows[9].split(",")
    assert (last[11], last[12]) == ("25", "8")


def test_json_agrees_with_the_other_formats(small: Path) -> None:
    report = made(small, "vi")
    data = json.loads(render(report, "json"))
    parts = data["totals"].pop("parts")
    assert data["totals"] == report.totals.as_dict()
    assert parts == {name: list(pair) for name, pair in report.totals.parts.items()}
    assert parts["borrower_share"] == [2, 8]
    assert data["totals"]["borrower_share"] == 100 * 2 / 8
    assert [r["clubs"] for r in data["rows"]] == [0, 1, 2]


def test_a_users_template_replaces_the_bundled_one(small: Path, tmp_path: Path) -> None:
    own = tmp_path / "mine.md.j2"
    own.write_text(
        '{% from "labels.vi.j2" import total %}{{ total }}: {{ r.totals.members | number }} '
        "thành viên, {{ r.totals.fund_income | money }}\n",
        encoding="utf-8",
    )
    text = render(made(small, "vi"), "md", template=own).decode("utf-8")
    assert text == "Tổng cộng: 12 thành viên, 2.590.000 đ\n"


def test_templates_refuse_unknown_names(small: Path, tmp_path: Path) -> None:
    own = tmp_path / "typo.md.j2"
    own.write_text("{{ r.totals.membres }}\n", encoding="utf-8")
    with pytest.raises(UserError, match="membres"):
        render(made(small, "vi"), "md", template=own)


def test_template_syntax_errors_say_where(small: Path, tmp_path: Path) -> None:
    own = tmp_path / "open.md.j2"
    own.write_text("{% if r.targets %}\n{{ r.totals.members }}\n", encoding="utf-8")
    with pytest.raises(UserError, match=r"open.md.j2:2: "):
        render(made(small, "vi"), "md", template=own)


def test_province_report_shows_each_units_own_targets(small: Path) -> None:
    report = made(small, "vi")
    assert [
        (u.name.full, [(t.actual, t.status) for t in u.by_rule.values()])
        for u in report.unit_targets
    ] == [
        ("Thành phố Lạng Sơn", [(0, "not_met")]),
        ("Huyện Văn Lãng", [(0, "not_met")]),
        ("Huyện Chi Lăng", [(2, "exceeded")]),
    ]
    lines = render(report, "md").decode("utf-8").splitlines()
    assert "| 3 | Huyện Chi Lăng | Huyện có Câu lạc bộ hoạt động | 2 | Vượt |" in lines
    html = render(report, "html").decode("utf-8")
    assert html.count("<circle ") == 3
    assert '<td>0</td><td class="status-not_met">Chưa đạt</td></tr>' in html
    data = json.loads(render(report, "json"))
    assert data["unit_targets"][2]["targets"][0]["status"] == "exceeded"
    sheet = load_workbook(BytesIO(render(report, "xlsx")))["Chỉ tiêu theo đơn vị"]
    assert [c.value for c in sheet[9]] == [
        3,
        "Huyện Chi Lăng",
        "Huyện có Câu lạc bộ hoạt động",
        2,
        "Vượt",
    ]


def test_chart_is_well_formed_svg(small: Path) -> None:
    html = render(made(small, "en"), "html").decode("utf-8")
    svg = html[html.index("<svg ") : html.index("</svg>") + len("</svg>")]
    root = ElementTree.fromstring(
        svg.replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1)
    )
    drawn = [e.tag.split("}")[1] for e in root]
    assert drawn.count("rect") == 9
    assert drawn.count("circle") == 3
    assert drawn.count("line") == 1
