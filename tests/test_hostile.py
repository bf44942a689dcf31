"""Issue 15 §6: hostile files and leaks — tracebacks only with SAIKEN_DEBUG=1, …

Every fault here was reproduced on the code before the fix ("before:").
"""

from __future__ import annotations

import pytest

ARGS = ["damages", "--principal", "500000", "--rate", "0.2", "--days", "90", "--json"]


@pytest.mark.parametrize("value, traceback", [("0", False), ("", False), ("no", False), ("false", False), ("1", True)])
def test_only_saiken_debug_1_turns_tracebacks_on(monkeypatch, capsys, value, traceback):
    # before: any non-empty value (SAIKEN_DEBUG=0!) re-raised the internal error with its traceback
    import saiken_cli.calc.damages as calc
    from saiken_cli.entry import main

    def boom(inp):
        raise RuntimeError("boom")

    monkeypatch.setattr(calc, "compute", boom)
    monkeypatch.setenv("SAIKEN_DEBUG", value)
    if traceback:
        with pytest.raises(RuntimeError):
            main(ARGS)
    else:
        assert main(ARGS) == 70
        assert "internal error (RuntimeError)" in capsys.readouterr().err
