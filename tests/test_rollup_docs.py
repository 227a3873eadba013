"""docs/indicators.md documents every registered indicator, and nothing else."""

from __future__ import annotations

import re
from pathlib import Path

from lstg.indicators import INDICATORS

DOC = Path(__file__).resolve().parent.parent / "docs" / "indicators.md"


def sections() -> dict[str, str]:
    text = DOC.read_text(encoding="utf-8")
    parts = re.split(r"^### `([a-z0-9_]+)`$", text, flags=re.MULTILINE)
    return dict(zip(parts[1::2], parts[2::2], strict=True))


def test_every_indicator_has_a_section_and_every_section_an_indicator() -> None:
    assert list(sections()) == list(INDICATORS)


def test_each_section_names_its_languages_kind_and_function() -> None:
    for name, body in sections().items():
        indicator = INDICATORS[name]
        assert f"**vi**: {indicator.vi} · **en**: {indicator.en}" in body, name
        assert f"**stock or flow**: {indicator.kind} ·" in body, name
        for field in ("**window**:", "**denominator**:", "**missing data**:"):
            assert field in body, (name, field)
        if indicator.combine == "ratio":
            assert indicator.ratio is not None
            numerator, denominator = indicator.ratio
            assert f"`lstg.indicators.sets.share` over `{numerator}` and `{denominator}`" in body
        else:
            assert f"**computed by**: `{indicator.function}`" in body, name


def test_plan_rules_use_documented_indicators() -> None:
    plans = DOC.parent.parent / "data" / "plans"
    for plan in plans.glob("*.yaml"):
        for name in re.findall(r"^\s+indicator: (\S+)$", plan.read_text(encoding="utf-8"), re.M):
            assert name in sections(), (plan.name, name)
