"""``python -m lstg``: the same as the ``lstg`` command."""

from __future__ import annotations

if __name__ == "__main__":
    from lstg.cli.app import main

    main()
