"""Regenerate src/saiken_cli/rules/data/MANIFEST.sha256 and data/parsed/*.json.

saiken checks each installed rule file against this manifest when it reads it (an edited
installed file is exit 4; see saiken_cli/rules/__init__.py). Each TOML table also ships
parsed, as data/parsed/<table>.json naming the SHA-256 of the TOML it was made from: the
TOML stays the one source, the twin spares every run the pure-Python TOML parser (issue 16).
After editing a rule file on purpose, run:

    .venv/bin/python scripts/update_rules_manifest.py

tests/test_rules_trust.py fails (naming this script) while the manifest or a twin is stale.
"""

from __future__ import annotations

import hashlib
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from saiken_cli import rules  # noqa: E402

DATA = ROOT / "src" / "saiken_cli" / "rules" / "data"
PARSED = DATA / rules.PARSED_DIR
MANIFEST = DATA / "MANIFEST.sha256"
HEADER = (
    "# SHA-256 of every rule file, checked when saiken reads it (issue 15 §5).\n"
    "# Regenerate after editing a rule file: python scripts/update_rules_manifest.py\n"
)


def sources() -> list[Path]:
    return sorted(p for p in DATA.iterdir() if p.is_file() and p.suffix in (".toml", ".csv"))


def twins() -> dict[Path, str]:
    """data/parsed/<table>.json → its text, for every TOML table."""
    out = {}
    for p in sources():
        if p.suffix == ".toml":
            data = p.read_bytes()
            doc = tomllib.loads(data.decode("utf-8"))
            out[PARSED / f"{p.stem}.json"] = rules.twin_json(doc, p.name, hashlib.sha256(data).hexdigest())
    return out


def render(twin_texts: dict[Path, str]) -> str:
    files = [(p.name, p.read_bytes()) for p in sources()]
    files += [(f"{rules.PARSED_DIR}/{p.name}", text.encode("utf-8")) for p, text in sorted(twin_texts.items())]
    return HEADER + "".join(f"{hashlib.sha256(data).hexdigest()}  {name}\n" for name, data in files)


def main(argv: list[str]) -> int:
    twin_texts = twins()
    text = render(twin_texts)
    if "--check" in argv:
        stale = [p.name for p, t in twin_texts.items() if not p.exists() or p.read_text(encoding="utf-8") != t]
        extra = sorted(p.name for p in PARSED.glob("*.json") if p not in twin_texts) if PARSED.exists() else []
        current = MANIFEST.read_text(encoding="utf-8") if MANIFEST.exists() else ""
        if current != text or stale or extra:
            print("rules/data/MANIFEST.sha256 or data/parsed/ is stale: run python scripts/update_rules_manifest.py", file=sys.stderr)
            return 1
        return 0
    PARSED.mkdir(exist_ok=True)
    for p in PARSED.glob("*.json"):
        if p not in twin_texts:
            p.unlink()
    for p, t in twin_texts.items():
        p.write_text(t, encoding="utf-8")
    MANIFEST.write_text(text, encoding="utf-8")
    print(f"wrote {MANIFEST.relative_to(ROOT)} ({len(sources())} files) and {len(twin_texts)} parsed twins")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
