"""Turning pydantic's validation errors into problems a club secretary understands."""

from __future__ import annotations

import difflib
import re
import types
import typing
from collections.abc import Mapping, Sequence
from typing import Any

from pydantic import BaseModel, ValidationError

from lstg.core.i18n import _
from lstg.core.problems import PathPart, Problem, error
from lstg.domain.vocabulary import suggest_code
from lstg.schema.common import IDENT, ISO_DATE_FAST, FieldError
from lstg.schema.meeting import HEALTH_ROW_MODELS


def problems_from(
    exc: ValidationError,
    *,
    file: str,
    prefix: tuple[PathPart, ...],
    model: type[BaseModel],
    labels: Mapping[str, str] | None = None,
) -> list[Problem]:
    """One problem per pydantic error, located by the error's path inside the file.

    Args:
        exc: the validation error.
        file: the file's path relative to the data folder.
        prefix: the path of the validated value inside the file (a list index, say).
        model: the model that was validated, to suggest field names.
        labels: what to call fields in messages, by field name (or dotted path,
            ``left.date``): the option that set it, the register column that held
            it. Fields not in it are called by their name in the data files.
    """
    problems = []
    for err in _worded(exc):
        loc = tuple(p for p in err["loc"] if not _is_union_tag(p))
        if err["loc"] and err["loc"][-1] == "[key]":
            problems.append(_key_problem(err, loc, file=file, prefix=prefix))
            continue
        problems.append(_problem(err, loc, file=file, prefix=prefix, model=model, labels=labels))
    return problems


def error_fields(exc: ValidationError) -> list[tuple[str, ...]]:
    """The path of the field each of ``exc``'s errors is about, in the order of
    :func:`problems_from`: the error's own path, or the field that a model's
    validator named (:class:`~lstg.schema.common.FieldError`)."""
    found = []
    for err in _worded(exc):
        loc = tuple(str(p) for p in err["loc"] if not _is_union_tag(p))
        named = (err.get("ctx") or {}).get("error")
        if isinstance(named, FieldError):
            loc = loc + tuple(named.field.split("."))
        found.append(loc)
    return found


def _label(loc: Sequence[PathPart], labels: Mapping[str, str] | None) -> str:
    """What to call the field at ``loc``: its label if it has one, else its name."""
    names = [str(p) for p in loc if isinstance(p, str)]
    if labels:
        for n in range(len(names), 0, -1):
            found = labels.get(".".join(names[:n]))
            if found is not None:
                return found
    return names[-1] if names else ""


def _key_problem(
    err: Any, loc: tuple[PathPart, ...], *, file: str, prefix: tuple[PathPart, ...]
) -> Problem:
    """A mapping whose keys are fixed names (such as the funds) has a key not among them."""
    key = str(err.get("input"))
    parent = _field_label(loc[:-1])
    expected = str((err.get("ctx") or {}).get("expected", "")).replace("'", "")
    choices = [c.strip() for c in expected.replace(" or ", ",").split(",") if c.strip()]
    close = difflib.get_close_matches(key, choices, n=1, cutoff=0.6)
    if close:
        hint = _("Did you mean “{name}”?").format(name=close[0])
    else:
        hint = _("Use one of: {choices}.").format(choices=", ".join(choices))
    return error(
        file,
        "schema.unknown-key",
        _("“{key}” is not one of the keys allowed in “{field}”.").format(key=key, field=parent),
        where=prefix + loc,
        hint=hint,
        key=True,
    )


_ID_LIKE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
_DECIMAL_COMMA = re.compile(r"^\s*(-?\d+),(\d+)\s*$")

SHOWN_CHARS = 60
"""Longest value quoted in a message; a longer one is cut, so that a 10 MB name does not
fill the screen."""


def _shown(value: Any) -> str:
    """A value as quoted in a message: cut to :data:`SHOWN_CHARS`, controls made visible."""
    if isinstance(value, dict):
        return "{…}"
    if isinstance(value, list):
        return "[…]"
    text = str(value)
    if len(text) > SHOWN_CHARS:
        text = text[: SHOWN_CHARS - 1] + "…"
    if not text.isprintable():
        text = "".join(c if c.isprintable() else f"\\x{ord(c):02x}" for c in text)
    return text


def _worded(exc: ValidationError) -> list[Any]:
    """The errors to word: those of a date read the quick way are left out, since the
    careful way that follows it words the same value's error (:data:`ISO_DATE_FAST`)."""
    return [e for e in exc.errors(include_url=False) if ISO_DATE_FAST not in e["loc"]]


def _is_union_tag(part: Any) -> bool:
    return isinstance(part, str) and ("[" in part or part.startswith("function-"))


def _field_label(loc: Sequence[PathPart]) -> str:
    names = [str(p) for p in loc if isinstance(p, str)]
    return names[-1] if names else ""


def _problem(
    err: Any,
    loc: tuple[PathPart, ...],
    *,
    file: str,
    prefix: tuple[PathPart, ...],
    model: type[BaseModel],
    labels: Mapping[str, str] | None = None,
) -> Problem:
    kind: str = err["type"]
    ctx: dict[str, Any] = err.get("ctx") or {}
    value = err.get("input")
    shown = _shown(value)
    field = _shown(_label(loc, labels))
    where = prefix + loc
    hint: str | None = None
    key = False
    code = "schema.invalid"

    if kind == "missing":
        code = "schema.missing"
        message = _("The required field “{field}” is missing.").format(field=field)
        where = prefix + loc[:-1]
        key = True
    elif kind == "extra_forbidden":
        code = "schema.unknown-field"
        key = True
        message = _("Unknown field “{field}”.").format(field=field)
        known = _known_fields(model, loc[:-1])
        close = difflib.get_close_matches(field, known, n=1, cutoff=0.6) if len(field) < 60 else []
        if close:
            hint = _("Did you mean “{name}”?").format(name=close[0])
        elif known:
            hint = _("The fields here are: {names}.").format(names=", ".join(known))
    elif kind == "literal_error":
        code = "schema.choice"
        message = _("“{value}” is not one of the allowed values for “{field}”.").format(
            value=shown, field=field
        )
        expected = str(ctx.get("expected", "")).replace("'", "")
        hint = _("Use one of: {choices}.").format(choices=expected.replace(" or ", ", "))
        choices = [c.strip() for c in expected.replace(" or ", ",").split(",")]
        close = difflib.get_close_matches(shown, choices, n=1) if len(str(value)) < 60 else []
        said = suggest_code(value, choices) if isinstance(value, str) else None
        if said is not None:
            close = [said]
        if close:
            hint = _("Did you mean “{name}”?").format(name=close[0])
    elif kind in ("int_parsing", "int_type", "int_from_float"):
        code = "schema.type"
        message = _("“{field}” should be a whole number, not “{value}”.").format(
            field=field, value=shown
        )
    elif kind in ("float_parsing", "float_type"):
        code = "schema.type"
        message = _("“{field}” should be a number, not “{value}”.").format(field=field, value=shown)
        comma = _DECIMAL_COMMA.match(str(value)) if isinstance(value, str) else None
        if comma is not None:
            hint = _("Write the number with a point: “{key}: {whole}.{part}”.").format(
                key=field, whole=comma.group(1), part=comma.group(2)
            )
    elif kind in ("bool_parsing", "bool_type"):
        code = "schema.type"
        message = _("“{field}” should be true or false, not “{value}”.").format(
            field=field, value=shown
        )
        hint = _("Write true for yes (có) and false for no (không).")
    elif kind == "string_type" and _is_number(value) and _holds_ident(model, loc):
        code = "schema.value"
        reason = _("an id is text; write it in quotes, or start it with a letter")
        message = _("“{field}”: {reason}.").format(field=field, reason=reason)
    elif kind == "string_type":
        code = "schema.type"
        message = _("“{field}” should be text, not “{value}”.").format(field=field, value=shown)
    elif kind in ("list_type", "tuple_type"):
        code = "schema.type"
        message = _("“{field}” should be a list.").format(field=field)
        hint = _("Write the items one per line, each starting with “- ”.")
    elif kind in ("dict_type", "model_type", "model_attributes_type"):
        code = "schema.type"
        message = _("“{field}” should be a mapping of keys and values.").format(
            field=field or _("this entry")
        )
    elif kind == "string_pattern_mismatch":
        code = "schema.format"
        message = _("“{value}” is not a valid value for “{field}”.").format(
            value=shown, field=field
        )
        parts = value.split() if isinstance(value, str) else []
        if len(parts) > 1 and all(_ID_LIKE.match(p) for p in parts):
            hint = _("A comma is missing between “{first}” and “{second}”: write {fixed}.").format(
                first=parts[0], second=parts[1], fixed=", ".join(parts)
            )
        else:
            hint = _("Ids use letters, digits, “-”, “_” and “.”; codes are digits in quotes.")
    elif kind in ("string_too_short", "too_short"):
        code = "schema.empty"
        message = _("“{field}” must not be empty.").format(field=field or _("this entry"))
    elif kind in ("too_long", "string_too_long"):
        code = "schema.too-long"
        message = _("“{field}” is too long: {n} characters, more than the {limit} allowed.").format(
            field=field,
            n=len(value) if isinstance(value, (str, list)) else "?",
            limit=ctx.get("max_length", "?"),
        )
    elif kind in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
        code = "schema.range"
        bound = ctx.get("ge", ctx.get("gt", ctx.get("le", ctx.get("lt"))))
        if kind.startswith("greater"):
            message = _("“{field}” is {value}, below the smallest allowed, {bound}.")
        else:
            message = _("“{field}” is {value}, above the largest allowed, {bound}.")
        message = message.format(field=field, value=shown, bound=bound)
    elif kind == "blood_pressure":
        code = "schema.value"
        reason = _("blood pressure is written systolic/diastolic, such as 130/85")
        message = _("“{field}”: {reason}.").format(field=field, reason=reason)
    elif kind == "value_error" and isinstance(ctx.get("error"), FieldError):
        code = "schema.value"
        named: FieldError = ctx["error"]
        path = loc + tuple(named.field.split("."))
        where = prefix + path
        reason = named.named(_shown(_label(path, labels)))
        message = reason[:1].upper() + reason[1:] + "."
        key = True
    elif kind == "value_error":
        code = "schema.value"
        reason = str(ctx.get("error", err.get("msg", "")))
        message = (
            _("“{field}”: {reason}.").format(field=field, reason=reason)
            if field
            else (reason[:1].upper() + reason[1:] + ".")
        )
    elif kind.startswith("date"):
        code = "schema.date"
        message = _("“{field}” is not a valid date: “{value}”.").format(field=field, value=shown)
        hint = _("Write dates as YYYY-MM-DD, such as 2020-11-30.")
    else:
        message = _("“{field}” is not valid: {reason}.").format(
            field=field or _("this entry"), reason=err.get("msg", kind)
        )
    return error(file, code, message, where=where, hint=hint, key=key)


def _annotation_at(model: type[BaseModel], loc: Sequence[PathPart]) -> tuple[Any, list[Any]] | None:
    """The annotation found by following ``loc`` from ``model``, with the metadata of its
    field (:func:`_marks`); ``None`` when ``loc`` leads out of the models' fields.

    A list index or a key of a mapping such as ``funds`` steps into the items.
    """
    current: Any = model
    marks: list[Any] = []
    for part in loc:
        if _is_container(current):
            current = _unwrap_item(current)
            marks = _marks(current)
            continue
        fields = _model_of(current)
        if fields is None or part not in fields.model_fields:
            return None
        info = fields.model_fields[part]
        current = info.annotation
        marks = [*info.metadata, *_marks(current)]
    return current, marks


def _known_fields(model: type[BaseModel], loc: Sequence[PathPart]) -> list[str]:
    """Field names of the model found by following ``loc`` from ``model``."""
    at = _annotation_at(model, loc)
    found = _model_of(at[0]) if at is not None else None
    return list(found.model_fields) if found is not None else []


def _is_number(value: Any) -> bool:
    """A whole number, as YAML reads ``12`` or ``007`` written without quotes."""
    return isinstance(value, int) and not isinstance(value, bool)


def _holds_ident(model: type[BaseModel], loc: Sequence[PathPart]) -> bool:
    """Whether the value at ``loc`` of ``model`` is an :data:`~lstg.schema.common.Ident`."""
    at = _annotation_at(model, loc)
    return at is not None and any(mark is IDENT for mark in at[1])


def _marks(annotation: Any) -> list[Any]:
    """The metadata of ``annotation``'s ``Annotated`` forms, through ``X | None``."""
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Annotated:
        return [*args[1:], *_marks(args[0])]
    if origin in (typing.Union, types.UnionType):
        return [mark for arg in args for mark in _marks(arg)]
    return []


def _model_of(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if annotation in HEALTH_ROW_MODELS:
        return HEALTH_ROW_MODELS[annotation]
    for arg in typing.get_args(annotation):
        found = _model_of(arg)
        if found is not None:
            return found
    return None


def _is_container(annotation: Any) -> bool:
    origin = typing.get_origin(annotation)
    return origin in (list, dict, tuple) or (
        origin in (typing.Union, types.UnionType)
        and any(_is_container(a) for a in typing.get_args(annotation))
    )


def _unwrap_item(annotation: Any) -> Any:
    args = typing.get_args(annotation)
    origin = typing.get_origin(annotation)
    if origin is dict and len(args) == 2:
        return args[1]
    if origin in (list, tuple) and args:
        return args[0]
    for arg in args:
        if _is_container(arg):
            return _unwrap_item(arg)
    return annotation
