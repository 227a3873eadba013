"""Translations of messages, from gettext catalogs compiled with Babel.

Source strings are English. The active language is process-wide and is set once
by the command line (``--lang``, else the province file's default language).
Messages are translated when they are made, so set the language before loading.
"""

from __future__ import annotations

import gettext
from collections.abc import Iterator
from contextlib import contextmanager

from lstg.core.resources import locale_dir

LOCALE_DIR = locale_dir()
DOMAIN = "lstg"
LANGUAGES = ("vi", "en")

_translation: gettext.NullTranslations = gettext.NullTranslations()
_language = "en"


def set_language(language: str) -> None:
    """Make ``language`` (``vi`` or ``en``) the language of every later message."""
    global _translation, _language
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}")
    _language = language
    _translation = gettext.translation(
        DOMAIN, localedir=LOCALE_DIR, languages=[language], fallback=True
    )


def current_language() -> str:
    return _language


def _(message: str) -> str:
    """Translate ``message`` into the active language."""
    return _translation.gettext(message)


def N_(message: str) -> str:
    """Mark ``message`` for the catalog without translating it: it is translated later,
    with :func:`_`, once the language is known."""
    return message


def ngettext(singular: str, plural: str, n: int) -> str:
    return _translation.ngettext(singular, plural, n)


LANGUAGE_VAR = "LSTG_LANG"
"""Environment variable naming the language, as ``--lang`` does."""

_requested: str | None = None


def request_language(language: str | None) -> None:
    """Record the language the user asked for (``--lang`` or ``LSTG_LANG``), and use it.

    ``None`` forgets the request: the language is then the data's, else Vietnamese.
    """
    global _requested
    _requested = language
    if language is not None:
        set_language(language)


def requested_language() -> str | None:
    """The language the user asked for, if any."""
    return _requested


def in_language(language: str, message: str) -> str:
    """``message`` translated into ``language``, whatever the active language is."""
    return gettext.translation(
        DOMAIN, localedir=LOCALE_DIR, languages=[language], fallback=True
    ).gettext(message)


@contextmanager
def using(language: str) -> Iterator[None]:
    """Make ``language`` the language of messages within a ``with`` block, then restore it."""
    before = _language
    set_language(language)
    try:
        yield
    finally:
        set_language(before)
