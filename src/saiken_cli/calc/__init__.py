"""Pure calculations: no I/O, no clock, no printing; never imports typer or rich.

Imports run one way: CLI → calc → rules.
"""
