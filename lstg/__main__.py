from __future__ import annotations

from lstg.cli import main

main()
