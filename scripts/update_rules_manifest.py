"""Regenerate src/saiken_cli/rules/data/MANIFEST.sha256: the SHA-256 of every rule file.

saiken checks each installed rule file against this manifest when it reads it (an edited
installed file is exit 4; see saiken_cli/rules/__init__.py). After editing a rule file on
purpose, run:

    .venv/bin/python scripts/update_rules_manifest.py

tests/test_rules_trust.py fails (naming this script) while the manifest is stale.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "src" / "saiken_cli" / "rules" / "data"
MANIFEST = DATA / "MANIFEST.sha256"
HEADER = (
    "# SHA-256 of every rule file, checked when saiken reads it (issue 15 §5).\n"
    "# Regenerate after editing a rule file: python scripts/update_rules_manifest.py\n"
)


def rule_files() -> list[Path]:
    return sorted(p for p in DATA.iterdir() if p.is_file() and p.suffix in (".toml", ".csv"))


def render() -> str:
    lines = [f"{hashlib.sha256(p.read_bytes()).hexdigest()}  {p.name}\n" for p in rule_files()]
    return HEADER + "".join(lines)


def main(argv: list[str]) -> int:
    text = render()
    if "--check" in argv:
        current = MANIFEST.read_text(encoding="utf-8") if MANIFEST.exists() else ""
        if current != text:
            print("rules/data/MANIFEST.sha256 is stale: run python scripts/update_rules_manifest.py", file=sys.stderr)
            return 1
        return 0
    MANIFEST.write_text(text, encoding="utf-8")
    print(f"wrote {MANIFEST.relative_to(DATA.parents[3])} ({len(rule_files())} files)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
