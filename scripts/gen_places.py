"""Lạng Sơn's administrative units, from the reference table kept beside this script."""

from __future__ import annotations

import csv
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from gen_yaml import Code, flow_map, header

REFERENCE = Path(__file__).resolve().parent / "reference" / "lang-son-admin-units-2025.csv"
BEFORE = "before-2025-07"
AFTER = "from-2025-07"


@dataclass
class Units:
    """The units of both eras, by code."""

    districts: dict[str, str] = field(default_factory=dict)
    communes: dict[str, tuple[str, str]] = field(default_factory=dict)
    becomes: dict[str, list[str]] = field(default_factory=dict)
    new_communes: dict[str, str] = field(default_factory=dict)

    def old_code(self, district: str, commune: str) -> str:
        """The code of the old commune named ``commune`` in the district named ``district``."""
        for code, (name, district_code) in self.communes.items():
            if name == commune and self.districts[district_code] == district:
                return code
        raise KeyError(f"{commune} in {district}")

    def new_code(self, commune: str) -> str:
        for code, name in self.new_communes.items():
            if name == commune:
                return code
        raise KeyError(commune)

    def district_of_new(self, code: str) -> str:
        """The one old district whose communes make up new commune ``code``."""
        found = {self.communes[old][1] for old, new in self.becomes.items() if code in new}
        if len(found) != 1:
            raise ValueError(f"new commune {code} spans districts {sorted(found)}")
        return found.pop()


def read_units(path: Path = REFERENCE) -> Units:
    units = Units()
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            row = {k: unicodedata.normalize("NFC", v) for k, v in row.items()}
            units.districts[row["old_district_code"]] = row["old_district"]
            units.communes[row["old_commune_code"]] = (row["old_commune"], row["old_district_code"])
            units.becomes.setdefault(row["old_commune_code"], []).append(row["new_commune_code"])
            units.new_communes[row["new_commune_code"]] = _capitalised(row["new_commune"])
    return units


def _capitalised(name: str) -> str:
    """The source writes one new unit as "xã Bắc Sơn"; every other name is capitalised."""
    return name[:1].upper() + name[1:]


def province_lines(units: Units) -> list[str]:
    """The text of ``province.yaml``."""
    lines = header(
        [
            "Tỉnh Lạng Sơn: mã tỉnh, ngôn ngữ mặc định và các đơn vị hành chính theo từng thời kỳ.",
            "Trước 01/7/2025: 11 huyện, thành phố và 194 xã, phường, thị trấn;",
            "`becomes` là mã xã, phường mới mà đơn vị cũ được sắp xếp vào từ 01/7/2025.",
            "Từ 01/7/2025: 65 xã, phường (không còn cấp huyện).",
            "Nguồn: dvhcvn/20250701; Công văn 1027/CTK-CSCL; Nghị quyết 1672/NQ-UBTVQH15.",
        ]
    )
    lines += ["name: Lạng Sơn", 'code: "20"', "language: vi", "eras:"]
    lines += [
        f"  - id: {BEFORE}",
        "    name: Trước 01/7/2025 (11 huyện, thành phố; 194 xã, phường, thị trấn)",
        "    valid_to: 2025-06-30",
        "    districts:",
    ]
    for code, name in sorted(units.districts.items()):
        lines.append(f"      - {flow_map({'code': Code(code), 'name': name})}")
    lines.append("    communes:")
    for code, (name, district) in sorted(units.communes.items()):
        row = {
            "code": Code(code),
            "name": name,
            "district": Code(district),
            "becomes": [Code(c) for c in units.becomes[code]],
        }
        lines.append(f"      - {flow_map(row)}")
    lines += [
        f"  - id: {AFTER}",
        "    name: Từ 01/7/2025 (65 xã, phường)",
        "    valid_from: 2025-07-01",
        "    communes:",
    ]
    for code, name in sorted(units.new_communes.items()):
        lines.append(f"      - {flow_map({'code': Code(code), 'name': name})}")
    return lines
