"""The README's examples are real: every ```console block's recorded output is what saiken prints."""

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _tool():
    spec = importlib.util.spec_from_file_location("update_readme", ROOT / "scripts" / "update_readme.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_readme_has_the_two_commands_and_the_disclaimer():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make demo" in text and "make test" in text
    assert "Not legal advice" in text


def test_readme_console_blocks_match_real_output():
    tool = _tool()
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert tool.BLOCK.search(text), "the README shows real examples"
    _, stale = tool.process(text, check=True)
    assert not stale, f"stale README output (run python scripts/update_readme.py): {stale}"


def test_command_reference_console_blocks_match_real_output():
    tool = _tool()
    docs = sorted((ROOT / "docs" / "commands").glob("*.md"))
    assert docs
    for doc in docs:
        _, stale = tool.process(doc.read_text(encoding="utf-8"), check=True)
        assert not stale, f"{doc.name}: stale output (run python scripts/update_readme.py): {stale}"
