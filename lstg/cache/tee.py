"""Streams that keep a copy of what a run writes, for the run to be stored and replayed."""

from __future__ import annotations

from typing import Any


class Tee:
    """A text stream that writes through to another and keeps a copy of the bytes written,
    whether written as text or to its binary ``buffer``."""

    def __init__(self, stream: Any) -> None:
        self.stream = stream
        self.parts: list[bytes] = []
        self.encoding = getattr(stream, "encoding", None) or "utf-8"

    def write(self, text: str) -> int:
        if not isinstance(text, str):
            raise TypeError("write() argument must be str")
        self.parts.append(text.encode(self.encoding, "surrogateescape"))
        return int(self.stream.write(text))

    def flush(self) -> None:
        self.stream.flush()

    def isatty(self) -> bool:
        return bool(self.stream.isatty())

    @property
    def buffer(self) -> _BufferTee:
        return _BufferTee(self)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stream, name)

    def data(self) -> bytes:
        return b"".join(self.parts)


class _BufferTee:
    """The binary side of a :class:`Tee`."""

    def __init__(self, tee: Tee) -> None:
        self.tee = tee
        self.raw = tee.stream.buffer

    def write(self, data: bytes) -> int:
        self.tee.parts.append(bytes(data))
        return int(self.raw.write(data))

    def flush(self) -> None:
        self.raw.flush()

    def __getattr__(self, name: str) -> Any:
        return getattr(self.raw, name)
