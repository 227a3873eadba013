"""lstg: records, checks and periodic reviews for Intergenerational Self-Help Clubs."""

from __future__ import annotations

__version__ = "0.1.0"
