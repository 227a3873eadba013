"""Decoding a data file's bytes into text: UTF-8, or a located problem saying why not.

Binary content, a file too large to be data, and text in a legacy Vietnamese
encoding (Windows-1258, TCVN3, VNI) are each reported at the first offending
byte, with a hint that a club secretary can act on.
"""

from __future__ import annotations

from lstg.core.i18n import _
from lstg.core.problems import Problem, error

MAX_FILE_BYTES = 20 * 1024 * 1024


def decode(raw: bytes, rel: str) -> tuple[str | None, list[Problem]]:
    """Decode a file's bytes as UTF-8, reporting binary content and other encodings."""
    if len(raw) > MAX_FILE_BYTES:
        return None, [
            error(
                rel,
                "file.too-large",
                _("The file is {size} MB, more than the {limit} MB a data file may have.").format(
                    size=len(raw) // (1024 * 1024), limit=MAX_FILE_BYTES // (1024 * 1024)
                ),
                hint=_("Split the records into several files, such as one meetings file a year."),
                line=1,
                column=1,
            )
        ]
    nul = raw.find(b"\x00")
    if nul < 0:
        nul = _first_binary_byte(raw)
    if nul >= 0:
        line, column = _byte_position(raw, nul)
        return None, [
            error(
                rel,
                "file.binary",
                _("The file is not text: it holds binary data."),
                hint=_("Data files are YAML text saved as UTF-8; restore this file from git."),
                line=line,
                column=column,
            )
        ]
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, column = _byte_position(raw, exc.start)
        return None, [
            error(
                rel,
                "file.encoding",
                _("The file is not saved as UTF-8 (byte 0x{byte:02X} cannot be read).").format(
                    byte=raw[exc.start]
                ),
                hint=_encoding_hint(raw),
                line=line,
                column=column,
            )
        ]
    return text, []


_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 13)) + b"\x7f"
_BINARY_SHARE = 0.03
"""Share of control bytes from which a file without NUL bytes counts as binary, not text."""


def _first_binary_byte(raw: bytes) -> int:
    """Offset of the first control byte if the start of ``raw`` is mostly not text, else -1."""
    head = raw[:4096]
    controls = len(head) - len(head.translate(None, _CONTROL))
    if not head or controls / len(head) < _BINARY_SHARE:
        return -1
    return min(i for i in (head.find(bytes([b])) for b in _CONTROL) if i >= 0)


def _encoding_hint(raw: bytes) -> str:
    try:
        raw.decode("cp1258")
    except UnicodeDecodeError:
        return _(
            "It may be in a legacy Vietnamese encoding (TCVN3 or VNI): open it in an editor "
            "and save it as UTF-8."
        )
    return _(
        "It looks like a legacy Vietnamese encoding (Windows-1258 or TCVN3): "
        "open it in an editor and save it as UTF-8."
    )


def _byte_position(raw: bytes, offset: int) -> tuple[int, int]:
    line_start = raw.rfind(b"\n", 0, offset) + 1
    line = raw.count(b"\n", 0, offset) + 1
    column = len(raw[line_start:offset].decode("utf-8", errors="replace")) + 1
    return line, column
