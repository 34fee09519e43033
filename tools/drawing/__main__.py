"""``python -m tools.drawing [path]``: write the diagram to ``assets/head_regions.svg`` (or to
``path``, to compare)."""

from __future__ import annotations

import sys
from pathlib import Path

from tools.drawing import OUTPUT, generate


def main(argv: list[str]) -> None:
    target = Path(argv[0]) if argv else OUTPUT
    target.write_text(generate(), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
