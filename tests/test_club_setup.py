"""A club from commands alone: funds, teams, groups and board set up and changed with
``lstg club``; options that take the secretary's words; confirmations in her terms."""

from __future__ import annotations

from pathlib import Path

from conftest_edit import CLUB, CLUB_YAML, make_data, run

from lstg.validate.run import validate

FOLDER = f"clubs/{CLUB}"


def lstg(root: Path, *args: str, lang: str = "vi") -> tuple[int, str]:
    return run(*args, "--data", str(root), "--lang", lang)


def errors(root: Path) -> list[str]:
    return [f"{p.file}:{p.line} {p.code}" for p in validate(root).problems if p.is_error]


def test_club_new_writes_funds_teams_and_groups(tmp_path: Path) -> None:
    root = make_data(tmp_path)
    code, out = lstg(
        root,
        "club",
        "new",
        "chi-lang-mai-sao",
        "--name",
        "CLB xã Mai Sao",
        "--commune",
        "06229",
        "--founded",
        "09/10/2018",
        "--launched",
        "20/11/2018",
        "--fund",
        "Quỹ tăng thu nhập",
        "--fund",
        "hoạt động=01/12/2018",
        "--regulations",
        "14/12/2018",
        "--team",
        "Tổ 1 (thôn Pò Mỏ)",
        "--team",
        "T7=Tổ 7",
        "--team",
        "Tổ 2",
        "--group",
        "suc-khoe=Nhóm chăm sóc sức khỏe",
        "--group",
        "Nhóm tăng thu nhập",
    )
    assert (code, out) == (0, "clubs/chi-lang-mai-sao: câu lạc bộ mới “CLB xã Mai Sao”\n")
    assert (root / "clubs" / "chi-lang-mai-sao" / "club.yaml").read_text("utf-8") == (
        "name: CLB xã Mai Sao\n"
        'commune: {code: "06229", era: "2008"}\n'
        "founded: 2018-10-09\n"
        "launched: 2018-11-20\n"
        "teams:\n"
        "  - {id: T1, name: Tổ 1 (thôn Pò Mỏ)}\n"
        "  - {id: T7, name: Tổ 7}\n"
        "  - {id: T2, name: Tổ 2}\n"
        "groups:\n"
        "  - {id: suc-khoe, name: Nhóm chăm sóc sức khỏe}\n"
        "  - {id: nhom-tang-thu-nhap, name: Nhóm tăng thu nhập}\n"
        "funds:\n"
        "  income: {name: Quỹ tăng thu nhập, opened: 2018-11-20}\n"
        "  activity: {name: Quỹ hoạt động, opened: 2018-12-01}\n"
        "fund_regulations: 2018-12-14\n"
    )
    assert errors(root) == []


def test_a_fund_that_is_not_one_of_the_two_is_refused_with_the_words_to_use(
    tmp_path: Path,
) -> None:
    root = make_data(tmp_path)
    code, out = lstg(
        root, "club", "new", "x-y", "--name", "X", "--commune", "06229",
        "--founded", "09/10/2018", "--fund", "quỹ khuyến học",
    )  # fmt: skip
    assert code == 2
    assert "“quỹ khuyến học” không phải là một trong hai quỹ; hãy ghi một trong: " in out
    assert "Quỹ tăng thu nhập, Quỹ hoạt động (income, activity)" in out
    assert not (root / "clubs" / "x-y").exists()


def test_club_yaml_edits_keep_comments_and_validate(tmp_path: Path) -> None:
    root = make_data(tmp_path)
    path = root / FOLDER / "club.yaml"
    assert lstg(root, "club", "team", "add", CLUB, "to-3", "Tổ 3 (thôn Nà Pàn)") == (
        0,
        f"{FOLDER}/club.yaml:11: đã thêm tổ to-3 “Tổ 3 (thôn Nà Pàn)”\n",
    )
    assert lstg(root, "club", "group", "rename", CLUB, "suc-khoe", "Nhóm sức khỏe") == (
        0,
        f"{FOLDER}/club.yaml:13: suc-khoe nay có tên “Nhóm sức khỏe”\n",
    )
    assert lstg(
        root, "club", "fund", "edit", CLUB, "income", "--name", "Quỹ phát triển kinh tế"
    ) == (0, f"{FOLDER}/club.yaml:15: đã sửa Quỹ tăng thu nhập\n")
    text = path.read_text("utf-8")
    assert text == CLUB_YAML.replace(
        "  - {id: to-2, name: Tổ 2}\n",
        "  - {id: to-2, name: Tổ 2}\n  - {id: to-3, name: Tổ 3 (thôn Nà Pàn)}\n",
    ).replace("Nhóm chăm sóc sức khỏe", "Nhóm sức khỏe").replace(
        "{name: Quỹ tăng thu nhập,", "{name: Quỹ phát triển kinh tế,"
    )
    assert text.startswith("# CLB Quang Lang: set up with the commune's Association")
    assert errors(root) == []


def test_fund_add_opens_a_fund_and_refuses_a_second_one(tmp_path: Path) -> None:
    root = make_data(tmp_path)
    path = root / FOLDER / "club.yaml"
    path.write_text(
        CLUB_YAML.replace("  activity: {name: Quỹ hoạt động, opened: 2019-04-15}\n", ""), "utf-8"
    )
    ledger = root / FOLDER / "ledger.yaml"
    ledger.write_text(
        "- {date: 2019-04-15, fund: income, amount: 5000000, source: commune}\n", "utf-8"
    )
    assert lstg(root, "club", "fund", "add", CLUB, "Quỹ hoạt động", "--opened", "01/05/2019") == (
        0,
        f"{FOLDER}/club.yaml:15: đã lập Quỹ hoạt động ngày 01/05/2019\n",
    )
    assert "  activity: {name: Quỹ hoạt động, opened: 2019-05-01}\n" in path.read_text("utf-8")
    code, out = lstg(root, "club", "fund", "add", CLUB, "activity", "--opened", "01/05/2019")
    assert (code, out) == (
        1,
        f"lstg: {FOLDER}/club.yaml đã có “Quỹ hoạt động”; hãy sửa bằng lệnh lstg club fund edit.\n",
    )


def test_a_loan_from_a_fund_not_opened_says_how_to_open_it(tmp_path: Path) -> None:
    root = make_data(tmp_path)
    path = root / FOLDER / "club.yaml"
    path.write_text(
        CLUB_YAML.replace("  income: {name: Quỹ tăng thu nhập, opened: 2019-04-15}\n", ""),
        "utf-8",
    )
    (root / FOLDER / "loans.yaml").write_text("[]\n", "utf-8")
    (root / FOLDER / "ledger.yaml").write_text("[]\n", "utf-8")
    code, out = lstg(
        root, "loan", "add", CLUB, "--member", "M002", "--amount", "1.000.000",
        "--interest", "0,5", "--term", "6", "--disbursed", "01/06/2019",
    )  # fmt: skip
    assert code == 1
    assert out.splitlines()[0] == (
        f"{FOLDER}/loans.yaml:1:3: lỗi loan.unknown-fund: Khoản vay L001 được cho vay từ "
        "“Quỹ tăng thu nhập”, nhưng câu lạc bộ không có quỹ này."
    )
    assert out.splitlines()[3] == (
        f"    Hãy lập quỹ bằng lệnh lstg club fund add {CLUB} income --opened NGÀY, "
        "hoặc thêm quỹ dưới “funds:” trong club.yaml."
    )


def test_board_set_hands_a_role_over_and_board_end_closes_a_seat(tmp_path: Path) -> None:
    root = make_data(tmp_path)
    path = root / FOLDER / "club.yaml"
    assert lstg(
        root, "club", "board", "set", CLUB, "M002", "Chủ nhiệm", "--start", "01/01/2020"
    ) == (
        0,
        f"{FOLDER}/club.yaml:8: M002 làm Chủ nhiệm từ ngày 01/01/2020; "
        "M001 (Chủ nhiệm) đến ngày 31/12/2019\n",
    )
    assert lstg(root, "club", "board", "set", CLUB, "M001", "thủ quỹ", "--start", "01/01/2020") == (
        0,
        f"{FOLDER}/club.yaml:9: M001 làm Thủ quỹ từ ngày 01/01/2020\n",
    )
    assert lstg(root, "club", "board", "end", CLUB, "M001", "--date", "30/06/2021") == (
        0,
        f"{FOLDER}/club.yaml:9: M001 thôi tham gia Ban Chủ nhiệm từ ngày 30/06/2021\n",
    )
    assert "board:\n" + "".join(
        f"  - {seat}\n"
        for seat in (
            "{member: M001, role: chair, start: 2019-04-15, end: 2019-12-31}",
            "{member: M002, role: chair, start: 2020-01-01}",
            "{member: M001, role: treasurer, start: 2020-01-01, end: 2021-06-30}",
        )
    ) in path.read_text("utf-8")
    assert errors(root) == []


def test_board_set_for_someone_not_in_the_club_is_refused_and_nothing_written(
    tmp_path: Path,
) -> None:
    root = make_data(tmp_path)
    path = root / FOLDER / "club.yaml"
    before = path.read_bytes()
    code, out = lstg(root, "club", "board", "set", CLUB, "M903", "chair", "--start", "01/01/2020")
    assert code == 1
    assert out.splitlines()[0].endswith(
        "lỗi board.unknown-member: Thành viên M903 không có trong danh sách thành viên."
    )
    assert "    Có phải là M003 không?" in out.splitlines()
    assert path.read_bytes() == before


def test_options_take_the_secretarys_words(tmp_path: Path) -> None:
    root = make_data(tmp_path)
    code, out = lstg(
        root, "meeting", "add", CLUB, "--date", "15/05/2020", "--kind", "Bất thường",
        "--activity", "Chăm sóc sức khỏe", "--activity", "7", "--attendance", "M001,M002",
    )  # fmt: skip
    assert (code, out) == (
        0,
        f"{FOLDER}/meetings/2020.yaml:16: đã thêm buổi sinh hoạt ngày 15/05/2020: "
        "2 người tham dự, 0 lượt khám sức khỏe\n",
    )
    meetings = (root / FOLDER / "meetings" / "2020.yaml").read_text("utf-8")
    assert "- date: 2020-05-15\n  kind: extra\n  activities: [health, culture]\n" in meetings
    assert lstg(
        root, "fund", "add", CLUB, "--date", "25/09/2020", "--fund", "Quỹ hoạt động",
        "--amount", "10.000.000", "--source", "Nhà hảo tâm",
    ) == (0, f"{FOLDER}/ledger.yaml:5: Quỹ hoạt động: 10.000.000 đ ngày 25/09/2020\n")  # fmt: skip
    assert lstg(
        root, "fund", "add", CLUB, "--date", "26/09/2020", "--fund", "hoạt động",
        "--amount", "450.000", "--use", "Mua sắm thiết bị",
    ) == (0, f"{FOLDER}/ledger.yaml:6: Quỹ hoạt động: -450.000 đ ngày 26/09/2020\n")  # fmt: skip
    ledger = (root / FOLDER / "ledger.yaml").read_text("utf-8")
    assert "{date: 2020-09-25, fund: activity, amount: 10000000, source: donors}" in ledger
    assert "{date: 2020-09-26, fund: activity, amount: -450000, use: equipment}" in ledger
    code, out = lstg(
        root, "meeting", "add", CLUB, "--date", "16/05/2020", "--activity", "múa",
        "--attendance", "M001",
    )  # fmt: skip
    assert code == 2
    assert "“múa” không phải là một trong 8 lĩnh vực hoạt động; hãy ghi một trong: 1–8, " in out


def test_confirmations_in_the_secretarys_terms(tmp_path: Path) -> None:
    root = make_data(tmp_path)
    assert lstg(
        root, "loan", "add", CLUB, "--member", "M001", "--amount", "3.000.000",
        "--interest", "0,5", "--term", "6", "--disbursed", "01/06/2020", "--fund", "tăng thu nhập",
    ) == (0, f"{FOLDER}/loans.yaml:11: đã thêm khoản vay L002 3.000.000 đ cho M001\n")  # fmt: skip
    assert lstg(
        root, "loan", "repay", CLUB, "L002", "--date", "01/09/2020",
        "--principal", "1.500.000", "--interest", "45.000",
    ) == (
        0,
        f"{FOLDER}/loans.yaml:17: khoản vay L002: ngày 01/09/2020 trả 1.500.000 đ gốc "
        "và 45.000 đ lãi\n",
    )  # fmt: skip
    assert lstg(
        root, "fund", "balance", CLUB, "--date", "30/09/2020", "--fund", "income",
        "--balance", "2.090.000",
    ) == (
        0,
        f"{FOLDER}/ledger.yaml:5: Quỹ tăng thu nhập: số dư 2.090.000 đ cuối ngày 30/09/2020\n",
    )  # fmt: skip
    assert lstg(
        root, "member", "leave", CLUB, "M003", "--date", "05/02/2021", "--reason", "Chuyển nơi ở"
    ) == (0, f"{FOLDER}/members.yaml:31: thành viên M003 ra khỏi câu lạc bộ ngày 05/02/2021\n")
    assert errors(root) == []


def test_fund_balance_counts_the_cash_without_money_lent_out(tmp_path: Path) -> None:
    root = make_data(tmp_path)
    code, out = lstg(root, "fund", "balance", "--help", lang="en")
    assert "money lent out and not yet repaid is not counted" in " ".join(out.split())
    # income: 5.000.000 in, 3.000.000 lent, 1.500.000 + 45.000 back = 3.545.000 in cash
    code, out = lstg(
        root, "fund", "balance", CLUB, "--date", "31/12/2019", "--fund", "income",
        "--balance", "6.545.000",
    )  # fmt: skip
    assert code == 1
    assert "theo sổ sách là 3.545.000 đ" in out


def test_a_missing_certification_year_names_the_option_and_writes_nothing(
    tmp_path: Path,
) -> None:
    root = make_data(tmp_path)
    path = root / FOLDER / "members.yaml"
    before = path.read_bytes()
    code, out = lstg(
        root, "member", "add", CLUB, "--name", "Vi Văn Đức", "--gender", "Nam",
        "--birth-year", "1950", "--joined", "01/03/2020", "--household", "Cận nghèo",
    )  # fmt: skip
    assert (code, out) == (
        2,
        "lstg: Hộ nghèo hoặc cận nghèo cần có “--household-certified”, năm được công nhận.\n",
    )
    code, out = lstg(root, "member", "edit", CLUB, "M001", "--household", "poor", lang="en")
    assert (code, out) == (
        2,
        "lstg: A poor or near-poor household needs “--household-certified”, "
        "the year it was certified.\n",
    )
    assert path.read_bytes() == before
    assert lstg(
        root, "member", "edit", CLUB, "M001", "--household", "nghèo",
        "--household-certified", "2021",
    ) == (
        0,
        f"{FOLDER}/members.yaml: thành viên M001: đã sửa --household (dòng 9), "
        "--household-certified (dòng 10)\n",
    )  # fmt: skip


def test_a_club_from_init_to_its_first_repayment_and_health_checks(tmp_path: Path) -> None:
    repo = tmp_path / "du-lieu"
    assert run("init", str(repo), "--lang", "vi")[0] == 0
    code, out = run("place", "search", "bac son", "--data", str(repo))
    assert code == 0
    assert "Xã Bắc Sơn — mã 06343, xã, Huyện Bắc Sơn" in out
    steps = [
        ("club", "new", "bac-son-bac-son", "--name", "CLB Liên thế hệ tự giúp nhau xã Bắc Sơn",
         "--commune", "06343", "--founded", "09/10/2018", "--launched", "20/11/2018",
         "--fund", "income", "--fund", "activity", "--regulations", "14/12/2018",
         "--team", "Tổ 1", "--team", "Tổ 2", "--group", "suc-khoe=Nhóm chăm sóc sức khỏe"),
        ("member", "add", "bac-son-bac-son", "--name", "Lý Văn Thành", "--gender", "Nam",
         "--birth-year", "1953", "--joined", "09/10/2018", "--team", "T1", "--group", "suc-khoe"),
        ("member", "add", "bac-son-bac-son", "--name", "Ngô Thị Hạnh", "--gender", "Nữ",
         "--birth-year", "1990", "--joined", "09/10/2018", "--team", "T2",
         "--household", "Nghèo", "--household-certified", "2018"),
        ("club", "board", "set", "bac-son-bac-son", "M001", "Chủ nhiệm", "--start", "20/11/2018"),
        ("club", "board", "set", "bac-son-bac-son", "M002", "Thủ quỹ", "--start", "20/11/2018"),
        ("fund", "add", "bac-son-bac-son", "--date", "20/11/2018", "--fund", "Quỹ tăng thu nhập",
         "--amount", "10.000.000", "--source", "Xã hỗ trợ"),
        ("loan", "add", "bac-son-bac-son", "--member", "M002", "--amount", "3.000.000",
         "--interest", "0,5", "--term", "6", "--disbursed", "01/12/2018", "--purpose", "Nuôi lợn"),
        ("loan", "repay", "bac-son-bac-son", "L001", "--date", "01/03/2019",
         "--principal", "1.500.000", "--interest", "45.000"),
        ("meeting", "add", "bac-son-bac-son", "--date", "14/12/2018",
         "--activity", "Chăm sóc sức khỏe", "--attendance", "M001,M002",
         "--health-csv", str(tmp_path / "health.csv")),
        ("fund", "balance", "bac-son-bac-son", "--date", "31/03/2019", "--fund", "income",
         "--balance", "8.545.000"),
    ]  # fmt: skip
    (tmp_path / "health.csv").write_text(
        "Mã thành viên,Cân nặng (kg),Huyết áp (mmHg),Đường huyết (mmol/l)\n"
        "M001,52.5,130/85,5.6\nM002,60,145/92,\n",
        "utf-8",
    )
    for step in steps:
        code, out = run(*step, "--data", str(repo))
        assert code == 0, (step, out)
    assert run("validate", "--data", str(repo)) == (
        0,
        "Không có vấn đề nào (đã kiểm tra 1 câu lạc bộ).\n",
    )
