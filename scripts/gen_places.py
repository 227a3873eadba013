"""Lạng Sơn's administrative units in every era, from the reference tables beside this script.

The tables and their sources are described in ``scripts/reference/README.md``. Four eras:
the units before 1/1/2020, from 1/1/2020 (Nghị quyết 818/NQ-UBTVQH14), from 1/12/2024
(Nghị quyết 1246/NQ-UBTVQH15) and from 1/7/2025 (Nghị quyết 1672/NQ-UBTVQH15). A unit of
one era lists in ``becomes`` the units of the next era that took its territory; a unit
that did not change becomes the unit with its own code and name.
"""

from __future__ import annotations

import csv
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from gen_yaml import Code, flow_map, header, scalar

REFERENCE = Path(__file__).resolve().parent / "reference"
BEFORE_2020 = "before-2020"
FROM_2020 = "2020-01"
BEFORE = "2024-12"
AFTER = "2025-07"

PARTS: dict[str, tuple[str, str]] = {
    "dinh-lap-dinh-lap": (AFTER, "Xã Đình Lập"),
}
"""Clubs in a commune that was split: the era and name of the part the club lies in."""


@dataclass
class Unit:
    code: str
    name: str
    kind: str
    district: str | None = None
    becomes: list[str] = field(default_factory=list)
    split: bool = False
    note: str | None = None
    zone: str | None = None


@dataclass
class Era:
    id: str
    name: str
    valid_from: date | None
    valid_to: date | None
    basis: str
    aliases: tuple[str, ...] = ()
    districts: dict[str, tuple[str, str]] = field(default_factory=dict)
    communes: dict[str, Unit] = field(default_factory=dict)

    def contains(self, day: date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )


@dataclass
class Units:
    """The eras of the province, oldest first."""

    eras: list[Era]

    def era(self, era_id: str) -> Era:
        return next(e for e in self.eras if e.id == era_id)

    def era_at(self, day: date) -> Era:
        return next(e for e in self.eras if e.contains(day))

    def code_of(self, era_id: str, commune: str, district: str = "") -> str:
        """The code of the commune named ``commune`` (in the district named ``district``)."""
        era = self.era(era_id)
        found = [
            u.code
            for u in era.communes.values()
            if u.name == commune
            and (not district or era.districts[u.district or ""][0] == district)
        ]
        if len(found) != 1:
            raise KeyError(f"{commune} in {district or era_id}: {found}")
        return found[0]

    def district_of(self, era_id: str, code: str) -> str:
        """The district name of commune ``code`` of ``era_id``; for the era without districts,
        the one district whose communes make it up."""
        index = next(i for i, e in enumerate(self.eras) if e.id == era_id)
        codes = {code}
        while not self.eras[index].districts:
            before = self.eras[index - 1]
            codes = {u.code for u in before.communes.values() if set(u.becomes) & codes}
            index -= 1
        era = self.eras[index]
        found = {era.communes[c].district for c in codes}
        if len(found) != 1:
            raise ValueError(
                f"commune {code} of {era_id} spans districts {sorted(map(str, found))}"
            )
        return era.districts[found.pop() or ""][0]


def _rows(name: str) -> Iterator[dict[str, str]]:
    with (REFERENCE / name).open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            yield {k: " ".join(unicodedata.normalize("NFC", v).split()) for k, v in row.items()}


def _capitalised(name: str) -> str:
    """The source writes one new unit as "xã Bắc Sơn"; every other name is capitalised."""
    return name[:1].upper() + name[1:]


def _kind(name: str) -> str:
    for kind in ("Thị trấn", "Thành phố", "Phường", "Huyện", "Xã"):
        if name.startswith(kind + " "):
            return kind.lower()
    raise ValueError(f"no kind in {name!r}")


def _district_list(era: Era, district_code: str, district: str) -> None:
    era.districts.setdefault(district_code, (district, _kind(district)))


def _read_list(era: Era, name: str) -> None:
    for row in _rows(name):
        _district_list(era, row["district_code"], row["district"])
        era.communes[row["code"]] = Unit(
            row["code"], row["name"], row["kind"], row["district_code"]
        )


def _link(before: Era, after: Era, changes: str) -> None:
    """Fill ``becomes`` of ``before``'s units: from the table of changes, else themselves."""
    changed: dict[str, list[dict[str, str]]] = {}
    for row in _rows(changes):
        changed.setdefault(row["old_code"], []).append(row)
    for unit in before.communes.values():
        rows = changed.get(unit.code)
        if rows is None:
            same = after.communes.get(unit.code)
            if same is None or same.name != unit.name:
                raise ValueError(f"{unit.code} {unit.name} has no row in {changes}")
            unit.becomes = [unit.code]
            continue
        for row in rows:
            if row["old_name"] != unit.name:
                raise ValueError(f"{changes}: {row['old_code']} is {unit.name}")
            if row["new_code"]:
                if after.communes[row["new_code"]].name != row["new_name"]:
                    raise ValueError(f"{changes}: {row['new_code']} is not {row['new_name']}")
                unit.becomes.append(row["new_code"])
        unit.split = any(row["share"] == "part" for row in rows)
        if any(not row["new_code"] for row in rows):
            unit.note = (
                "Chưa xác định được đơn vị đã nhận phần còn lại của địa bàn."
                if unit.becomes
                else "Chưa xác định được đơn vị đã nhận địa bàn."
            )


def read_units() -> Units:
    """Every era's units and their links, checked against one another."""
    eras = [
        Era(
            BEFORE_2020,
            "Trước 01/01/2020 (11 huyện, thành phố; 226 xã, phường, thị trấn)",
            None,
            date(2019, 12, 31),
            "Danh mục đơn vị hành chính của Tổng cục Thống kê, bản ngày 01/12/2019",
        ),
        Era(
            FROM_2020,
            "Từ 01/01/2020 đến 30/11/2024 (11 huyện, thành phố; 200 xã, phường, thị trấn)",
            date(2020, 1, 1),
            date(2024, 11, 30),
            "Nghị quyết 818/NQ-UBTVQH14 ngày 21/11/2019, hiệu lực từ 01/01/2020",
        ),
        Era(
            BEFORE,
            "Từ 01/12/2024 đến 30/6/2025 (11 huyện, thành phố; 194 xã, phường, thị trấn)",
            date(2024, 12, 1),
            date(2025, 6, 30),
            "Nghị quyết 1246/NQ-UBTVQH15, hiệu lực từ 01/12/2024",
            ("before-2025-07",),
        ),
        Era(
            AFTER,
            "Từ 01/7/2025 (65 xã, phường; không còn cấp huyện)",
            date(2025, 7, 1),
            None,
            "Nghị quyết 1672/NQ-UBTVQH15 ngày 16/6/2025, hiệu lực từ 01/7/2025",
            ("from-2025-07",),
        ),
    ]
    before_2020, from_2020, before, after = eras
    _read_list(before_2020, "lang-son-units-2019.csv")
    _read_list(from_2020, "lang-son-units-2020.csv")
    for row in _rows("lang-son-admin-units-2025.csv"):
        code = row["old_commune_code"]
        _district_list(before, row["old_district_code"], row["old_district"])
        unit = before.communes.setdefault(
            code,
            Unit(code, row["old_commune"], _kind(row["old_commune"]), row["old_district_code"]),
        )
        unit.becomes.append(row["new_commune_code"])
        unit.split = len(unit.becomes) > 1
        new = _capitalised(row["new_commune"])
        after.communes.setdefault(
            row["new_commune_code"], Unit(row["new_commune_code"], new, _kind(new))
        )
    for row in _rows("lang-son-zones-2025.csv"):
        if after.communes[row["code"]].name != row["name"]:
            raise ValueError(f"zones: {row['code']} is not {row['name']}")
        after.communes[row["code"]].zone = row["zone"]
    _link(before_2020, from_2020, "lang-son-changes-2020.csv")
    _link(from_2020, before, "lang-son-changes-2024.csv")
    for era in eras:
        era.communes = dict(sorted(era.communes.items()))
        era.districts = dict(sorted(era.districts.items()))
    return Units(eras)


HEADER = """\
Tỉnh Lạng Sơn: mã tỉnh, ngôn ngữ mặc định và các đơn vị hành chính theo từng thời kỳ.

Bốn thời kỳ, mỗi thời kỳ một danh sách đơn vị (mã, tên, loại, huyện khi còn cấp huyện):
- before-2020: trước 01/01/2020, 11 huyện, thành phố và 226 xã, phường, thị trấn;
- 2020-01: 01/01/2020 - 30/11/2024, 200 đơn vị (Nghị quyết 818/NQ-UBTVQH14);
- 2024-12: 01/12/2024 - 30/6/2025, 194 đơn vị (Nghị quyết 1246/NQ-UBTVQH15);
- 2025-07: từ 01/7/2025, 65 xã, phường, không còn cấp huyện (Nghị quyết 1672/NQ-UBTVQH15).
`becomes` là mã các đơn vị của thời kỳ sau đã nhận địa bàn của đơn vị; `split: true` khi
địa bàn được chia cho nhiều đơn vị (CLB ở đó phải ghi rõ thuộc phần nào: `communes`).
Một mã có thể được dùng lại ở thời kỳ khác cho đơn vị khác (05977, 06040, 06112, ...):
một đơn vị được xác định bằng mã và thời kỳ.

Nguồn: danh mục của Tổng cục Thống kê (dvhcvn, các bản 01/12/2019, 01/3/2020,
01/01/2025), Nghị quyết 818/NQ-UBTVQH14, 1246/NQ-UBTVQH15 và 1672/NQ-UBTVQH15,
Công văn 1027/CTK-CSCL; chi tiết ở scripts/reference/README.md và docs/places.md.

Chưa xác định được (để trống, không đoán):
- 15 xã trước 01/01/2020 đã nhập hẳn vào một xã khác, chưa rõ xã nào: Song Giáp (Cao Lộc);
  Việt Yên, Chu Túc, Tràng Sơn (Văn Quan); Quỳnh Sơn, Hữu Vĩnh (Bắc Sơn); Tân Lập,
  Đô Lương (Hữu Lũng); Quang Lang (Chi Lăng); Xuân Lễ, Như Khuê, Lục Thôn, Hiệp Hạ,
  Nhượng Bạn, Quan Bản (Lộc Bình) -- và xã Vĩnh Lại (Văn Quan) bị giải thể;
  `becomes` của các xã này để trống; huyện của chúng vẫn biết.
- phần còn lại của xã Trùng Quán và xã Xuân Mai (bị giải thể) về đâu;
- hai bản danh mục trước 01/3/2020 dùng mã tạm cho các xã mới; tệp này dùng mã từ 01/3/2020.

Vùng (`zone`, cho chỉ tiêu của Quyết định 1648/QĐ-TTg): mọi xã, phường của Lạng Sơn là
miền núi (`mountain`); 11 xã có đường biên giới với Trung Quốc là `border` (tính từ ranh
giới hành chính 2025, xem scripts/reference/README.md). Không có xã đồng bằng, hải đảo."""


def _era_lines(era: Era) -> Iterator[str]:
    yield f"  - id: {scalar(era.id)}"
    yield f"    name: {era.name}"
    if era.aliases:
        yield f"    aliases: [{', '.join(era.aliases)}]"
    if era.valid_from is not None:
        yield f"    valid_from: {era.valid_from.isoformat()}"
    if era.valid_to is not None:
        yield f"    valid_to: {era.valid_to.isoformat()}"
    yield f"    basis: {era.basis}"
    if era.districts:
        yield "    districts:"
        for code, (name, kind) in era.districts.items():
            yield f"      - {flow_map({'code': Code(code), 'name': name, 'kind': kind})}"
    yield "    communes:"
    for unit in era.communes.values():
        row: dict[str, object] = {"code": Code(unit.code), "name": unit.name, "kind": unit.kind}
        if unit.district is not None:
            row["district"] = Code(unit.district)
        if unit.zone is not None:
            row["zone"] = unit.zone
        if unit.becomes or unit.note:
            row["becomes"] = [Code(c) for c in unit.becomes]
        if unit.split:
            row["split"] = True
        row["note"] = unit.note
        yield f"      - {flow_map(row)}"


def province_lines(units: Units) -> list[str]:
    """The text of ``province.yaml``."""
    lines = header(HEADER.splitlines())
    lines += ["name: Lạng Sơn", "kind: tỉnh", 'code: "20"', "language: vi"]
    lines += PRIVACY.splitlines()
    lines.append("eras:")
    for era in units.eras:
        lines += list(_era_lines(era))
    return lines


PRIVACY = """\
# Dữ liệu cá nhân của thành viên (Luật 91/2025/QH15, Nghị định 356/2025/NĐ-CP):
# mục đích được đồng ý, thời hạn lưu trữ từng loại dữ liệu, và các trường văn bản tự do
# không chứa dữ liệu cá nhân (chỉ những trường này được giữ khi xuất với --redact).
# Xem docs/privacy.md.
privacy:
  keeper: Ban Chủ nhiệm của từng Câu lạc bộ
  consent_from: 2026-01-01
  purposes:
    - id: management
      name: Quản lý thành viên và hoạt động của Câu lạc bộ
      kinds: [basic, ethnicity, household]
    - id: health
      name: Theo dõi sức khỏe tại buổi sinh hoạt
      kinds: [health]
    - id: loans
      name: Cho vay và thu hồi vốn từ Quỹ tăng thu nhập
      kinds: [basic, household]
    - id: reporting
      name: Báo cáo số liệu tổng hợp (không nêu tên) lên xã, huyện, tỉnh
      kinds: [basic, ethnicity, household, health]
  # Thời hạn tính từ ngày thành viên ra khỏi CLB (after: left) hoặc từ ngày ghi (recorded).
  retention:
    - {kind: health, years: 5, after: left}
    - {kind: ethnicity, years: 10, after: left}
    - {kind: household, years: 10, after: left}
    - {kind: basic, years: 10, after: left}
  public_text: [meetings.reason]"""
