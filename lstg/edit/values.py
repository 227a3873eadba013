"""Reading values as people type them: Vietnamese dates, amounts, genders and yes/no.

Each function takes text (or a spreadsheet cell's value), normalises text to NFC
and returns the value the data files hold, or raises ``ValueError`` with a short
message saying what is expected.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from typing import Any

from lstg.core.i18n import _
from lstg.domain import vocabulary

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DMY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_AMOUNT = re.compile(r"^\d{1,3}([.,  ]\d{3})+$")


_SPACES = re.compile(r"[^\S\n]+")


def nfc(text: str) -> str:
    """``text`` in Unicode NFC, each run of spaces (tabs, no-break spaces) made one space,
    and surrounding spaces removed: ``"Vi   Văn  Đức "`` is ``"Vi Văn Đức"``."""
    lines = unicodedata.normalize("NFC", text).replace("\r\n", "\n").split("\n")
    return "\n".join(_SPACES.sub(" ", line).strip() for line in lines).strip()


def nfc_all(value: Any) -> Any:
    """``value`` with every text in it (in lists and mappings too) in NFC."""
    if isinstance(value, str):
        return nfc(value)
    if isinstance(value, list):
        return [nfc_all(v) for v in value]
    if isinstance(value, dict):
        return {k: nfc_all(v) for k, v in value.items()}
    return value


def fold(text: str) -> str:
    """``text`` without case, accents or extra spaces, for matching headers and names."""
    return vocabulary.fold(text)


def parse_date(value: Any) -> date:
    """A date from ``YYYY-MM-DD``, ``dd/mm/yyyy`` (or with ``.`` or ``-``) or a spreadsheet date."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = nfc(str(value))
    iso = _ISO.match(text)
    dmy = _DMY.match(text)
    try:
        if iso:
            return date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
        if dmy:
            return date(int(dmy.group(3)), int(dmy.group(2)), int(dmy.group(1)))
    except ValueError:
        raise ValueError(_("{text} is not a date that exists").format(text=text)) from None
    raise ValueError(_("“{text}” is not a date; write dd/mm/yyyy or YYYY-MM-DD").format(text=text))


def parse_amount(value: Any) -> int:
    """Whole đồng from ``1.000.000``, ``1,000,000``, ``1 000 000`` or ``1000000``."""
    if isinstance(value, bool):
        raise ValueError(_("an amount is a whole number of đồng"))
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if value.is_integer():
            return int(value)
        raise ValueError(_("an amount is a whole number of đồng, without decimals"))
    text = nfc(str(value)).removesuffix("đ").removesuffix("VNĐ").removesuffix("VND").strip()
    negative = text.startswith("-")
    text = text.lstrip("-").strip()
    if text.isdigit():
        amount = int(text)
    elif _AMOUNT.match(text):
        amount = int(re.sub(r"[.,  ]", "", text))
    else:
        raise ValueError(
            _("“{text}” is not an amount; write it as 1.000.000 or 1000000").format(text=value)
        )
    return -amount if negative else amount


def parse_number(value: Any) -> float:
    """A measurement or a rate: ``52.5`` or ``52,5``."""
    if isinstance(value, bool):
        raise ValueError(_("“{text}” is not a number").format(text=value))
    if isinstance(value, int | float):
        return float(value)
    text = nfc(str(value)).replace(",", ".").removesuffix("%").strip()
    try:
        return float(text)
    except ValueError:
        raise ValueError(_("“{text}” is not a number").format(text=value)) from None


def parse_int(value: Any) -> int:
    """A whole number such as a year: ``1956`` or ``1956.0`` from a spreadsheet."""
    number = parse_number(value)
    if not number.is_integer():
        raise ValueError(_("“{text}” is not a whole number").format(text=value))
    return int(number)


def parse_gender(value: Any) -> str:
    """``female`` or ``male``, from English or Vietnamese (``Nam``, ``Nữ``)."""
    found = vocabulary.GENDER.find(value)
    if found is None:
        raise ValueError(
            _("“{text}” is not a gender; write Nam or Nữ (male or female)").format(text=value)
        )
    return found


def parse_bool(value: Any) -> bool:
    """Yes or no, from ``Có``/``Không``, ``x``/empty, ``yes``/``no`` or ``true``/``false``."""
    if isinstance(value, bool):
        return value
    found = vocabulary.YES_NO.find(value)
    if found is None:
        raise ValueError(_("“{text}” is not yes or no; write Có or Không").format(text=value))
    return found == "true"


def parse_household(value: Any) -> str:
    """``poor``, ``near-poor`` or ``none``, from English or Vietnamese (Nghèo, Cận nghèo)."""
    found = vocabulary.HOUSEHOLD.find(value)
    if found is None:
        raise ValueError(
            _("“{text}” is not a household status; write Nghèo, Cận nghèo or Không").format(
                text=value
            )
        )
    return found


def parse_list(value: Any) -> list[str]:
    """Items separated by commas, semicolons or spaces: ``M001, M002``."""
    if isinstance(value, list):
        return [nfc(str(v)) for v in value if nfc(str(v))]
    return [item for item in re.split(r"[,;\s]+", nfc(str(value))) if item]
