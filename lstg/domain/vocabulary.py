"""The coded values of the data files, with the words people use for them.

The data files hold short English codes (``female``, ``near-poor``, ``health``);
people type and read Vietnamese (*Nữ*, *Cận nghèo*, *Chăm sóc sức khỏe*). Each
:class:`Vocabulary` here is one list of codes with, for each code, the word shown
to a Vietnamese reader and the other ways it is written. Every option of a command,
every register column and every export goes through these lists, so that a word
that one of them accepts is accepted by all, and an export reads back in an import.

Words are compared after :func:`lstg.edit.values.fold` (no case, no accents, no
punctuation, single spaces): *CẬN NGHÈO*, *cận nghèo* and *can ngheo* are one word.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from lstg.core.i18n import N_, _


def fold(text: str) -> str:
    """``text`` without case, accents, punctuation or extra spaces, for matching words."""
    text = unicodedata.normalize("NFC", str(text)).strip()
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^0-9a-z]+", " ", plain.casefold()).split())


@dataclass(frozen=True, slots=True)
class Term:
    """One code, the Vietnamese word for it, and other ways of writing it."""

    code: str
    vi: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Vocabulary:
    """One list of codes.

    Attributes:
        what: what a value of the list is, for messages (an English source string).
        terms: the codes in their order, each with its words.
        numbered: a value may also be given by its number in the list (1, 2, …).
        prefixes: words a value may start with and that say nothing (*Quỹ*, *Hộ*).
    """

    what: str
    terms: tuple[Term, ...]
    numbered: bool = False
    prefixes: tuple[str, ...] = ()
    _index: dict[str, str] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        for term in self.terms:
            for word in (term.code, term.vi, *term.aliases):
                self._index.setdefault(fold(word), term.code)

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(t.code for t in self.terms)

    def find(self, value: Any) -> str | None:
        """The code that ``value`` writes, or ``None``."""
        folded = fold(str(value))
        found = self._index.get(folded)
        if found is not None:
            return found
        if self.numbered and folded.isdigit() and 1 <= int(folded) <= len(self.terms):
            return self.terms[int(folded) - 1].code
        for prefix in self.prefixes:
            if folded.startswith(prefix + " "):
                found = self._index.get(folded[len(prefix) + 1 :])
                if found is not None:
                    return found
        return None

    def parse(self, value: Any) -> str:
        """The code that ``value`` writes, in Vietnamese or as the code itself.

        Raises:
            ValueError: ``value`` is none of the list, with the words to use.
        """
        found = self.find(value)
        if found is None:
            raise ValueError(
                _("“{value}” is not {what}; write one of: {choices}").format(
                    value=str(value).strip(), what=_(self.what), choices=self.choices()
                )
            )
        return found

    def label(self, code: str, language: str) -> str:
        """The word for ``code`` in ``language``: Vietnamese, else the code itself."""
        if language != "vi":
            return code
        return next((t.vi for t in self.terms if t.code == code), code)

    def choices(self, language: str | None = None) -> str:
        """The words to write, as a message lists them: ``Nam, Nữ (male, female)``."""
        from lstg.core.i18n import current_language

        numbers = f"1–{len(self.terms)}, " if self.numbered else ""
        if (language or current_language()) != "vi":
            return numbers + ", ".join(self.codes)
        words = ", ".join(t.vi for t in self.terms)
        return f"{numbers}{words} ({', '.join(self.codes)})"


GENDER = Vocabulary(
    N_("a gender"),
    (
        Term("female", "Nữ", ("f", "nu gioi", "ba")),
        Term("male", "Nam", ("m", "nam gioi", "ong")),
    ),
)

HOUSEHOLD = Vocabulary(
    N_("a household status"),
    (
        Term("poor", "Nghèo", ("hn", "ho ngheo")),
        Term("near-poor", "Cận nghèo", ("near poor", "hcn", "cn", "ho can ngheo")),
        Term("none", "Không", ("", "khong ngheo", "binh thuong")),
    ),
    prefixes=("ho",),
)

ACTIVITY = Vocabulary(
    N_("one of the 8 activity areas"),
    (
        Term("income", "Tăng thu nhập", ("thu nhap", "sinh ke", "phat trien kinh te")),
        Term("health", "Chăm sóc sức khỏe", ("suc khoe", "cham soc suc khoe ban dau")),
        Term(
            "home-care",
            "Chăm sóc tại nhà",
            ("home care", "cham soc tai nha dua vao tinh nguyen vien", "cham soc tai gia"),
        ),
        Term(
            "self-help",
            "Tự giúp nhau",
            ("self help", "tu giup nhau va ho tro cong dong", "ho tro cong dong"),
        ),
        Term("rights", "Quyền và lợi ích", ("quyen", "quyen loi", "quyen va loi ich hop phap")),
        Term(
            "learning",
            "Nâng cao nhận thức",
            ("hoc tap", "nang cao nhan thuc kien thuc", "hoc tap suot doi"),
        ),
        Term(
            "culture",
            "Văn hóa, văn nghệ, thể thao",
            ("van hoa", "van hoa van nghe", "van nghe", "the thao", "van hoa tinh than"),
        ),
        Term("resources", "Vận động nguồn lực", ("nguon luc", "huy dong nguon luc")),
    ),
    numbered=True,
    prefixes=("hoat dong",),
)

MEETING_KIND = Vocabulary(
    N_("a kind of meeting"),
    (
        Term("regular", "Thường kỳ", ("dinh ky", "hang thang", "thuong le")),
        Term("extra", "Bất thường", ("dot xuat", "bo sung")),
        Term("skipped", "Không họp", ("nghi", "khong sinh hoat", "nghi hop")),
    ),
    prefixes=("sinh hoat", "hop", "buoi"),
)

FUND = Vocabulary(
    N_("one of the two funds"),
    (
        Term(
            "income",
            "Quỹ tăng thu nhập",
            ("tang thu nhap", "thu nhap", "phat trien kinh te", "kinh te", "quy ptkt", "ttn"),
        ),
        Term("activity", "Quỹ hoạt động", ("hoat dong", "quy hd")),
    ),
    prefixes=("quy",),
)

SOURCE = Vocabulary(
    N_("a source of money"),
    (
        Term("members", "Thành viên đóng góp", ("thanh vien", "hoi vien", "dong gop", "hoi phi")),
        Term("commune", "Xã hỗ trợ", ("xa", "ubnd xa", "ngan sach xa", "phuong")),
        Term("donors", "Nhà hảo tâm", ("nha tai tro", "con chau", "tai tro", "hao tam")),
        Term("business", "Doanh nghiệp", ("cong ty",)),
        Term("production", "Sản xuất của CLB", ("san xuat", "tu san xuat")),
        Term("state-budget", "Ngân sách nhà nước", ("state budget", "ngan sach", "nsnn")),
        Term("transfer", "Chuyển quỹ", ("chuyen khoan",)),
        Term("other", "Khác", ("nguon khac",)),
    ),
)

USE = Vocabulary(
    N_("a use of money"),
    (
        Term("equipment", "Mua sắm thiết bị", ("thiet bi", "mua sam", "trang thiet bi")),
        Term("activities", "Chi hoạt động", ("hoat dong", "sinh hoat")),
        Term("support", "Hỗ trợ, thăm hỏi", ("ho tro", "tham hoi", "tro giup")),
        Term("home-care", "Chăm sóc tại nhà", ("home care", "cham soc")),
        Term("transfer", "Chuyển quỹ", ("chuyen khoan",)),
        Term("other", "Khác", ("chi khac",)),
    ),
)

ROLE = Vocabulary(
    N_("a board role"),
    (
        Term("chair", "Chủ nhiệm", ("chu nhiem clb", "truong ban")),
        Term("vice-chair", "Phó Chủ nhiệm", ("vice chair", "pho chu nhiem clb", "pho ban")),
        Term("accountant", "Kế toán", ()),
        Term("treasurer", "Thủ quỹ", ()),
        Term("member", "Ủy viên", ("uy vien ban chu nhiem", "thanh vien ban chu nhiem")),
    ),
)

STATUS = Vocabulary(
    N_("a club status"),
    (
        Term("operating", "Hoạt động", ("hoat dong tro lai", "dang hoat dong")),
        Term("suspended", "Tạm dừng", ("tam ngung", "ngung hoat dong")),
        Term("dissolved", "Giải thể", ("giai the clb",)),
    ),
)

YES_NO = Vocabulary(
    N_("yes or no"),
    (
        Term("true", "Có", ("x", "yes", "y", "1", "c", "co")),
        Term("false", "Không", ("no", "n", "0", "k", "")),
    ),
)

VOCABULARIES: dict[str, Vocabulary] = {
    "gender": GENDER,
    "household": HOUSEHOLD,
    "activities": ACTIVITY,
    "kind": MEETING_KIND,
    "fund": FUND,
    "source": SOURCE,
    "use": USE,
    "role": ROLE,
    "status": STATUS,
}
"""The vocabulary of each field of the data files that holds a code."""


def suggest_code(value: Any, choices: list[str]) -> str | None:
    """The code among ``choices`` that ``value`` writes in some vocabulary, if one does:
    ``Chăm sóc sức khỏe`` among the activity areas gives ``health``."""
    for vocabulary in VOCABULARIES.values():
        if not set(choices) <= set(vocabulary.codes):
            continue
        found = vocabulary.find(value)
        if found is not None and found in choices:
            return found
    return None
