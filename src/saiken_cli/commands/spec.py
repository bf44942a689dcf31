"""Each command's inputs, declared once (issue 16 §1).

A command module declares its inputs as one ``Command`` of ``Flag`` rows::

    SPEC = Command("damages", HELP, (
        Flag("principal", "yen", "元本", "Principal: 500000, 50万.", required=True, aliases=("元本",)),
        Flag("payment", "date:amount", "一部弁済", "Partial payment DATE:AMOUNT.", repeatable=True),
        Flag("compare", "switch", "全方式を比較", "Show every method side by side."),
        ...
    ))

and everything that reads those inputs is derived from it:

- the Typer options of the command (``Command.typer_command``; Typer is imported only there);
- the Typer-free ``--json`` fast path of entry.py (``Command.fast``);
- the batch/report record reader (``Command.read``: a record → the keyword arguments of the
  command's ``build_input``), so ``record(fields)`` is ``payload(SPEC.read(fields))``;
- the validation of the keys of a case-file table or a batch header (``validate_keys`` and
  ``Command.key``: ``_``/``-``, case, full-width and the declared aliases — Japanese column
  headers such as 元本 — are accepted; an unknown key is an error naming the key and the
  closest accepted key);
- the input part of ``saiken schema COMMAND --input`` (``Command.input_schema``);
- the flag tables of docs/commands/*.md (``Command.markdown_table``, written by
  scripts/update_readme.py, which fails the tests when a table is stale).

Adding an option is one ``Flag`` row (plus its use in ``build_input``, or, for an option
about how to print — ``role="output"`` — in the command's ``run``).

Commands without records (``report``, ``batch``, ``schema``, ``rules``, ``draft``) declare their
arguments and options the same way, as a ``Command(…, record=False)`` named ``OPTIONS``
(``SPEC`` is kept for the calculators, which batch, the case files and the fast path find
by that name): their ``--help``, the flag tables of their docs and the checks of their
choice flags (``Command.choice``) come from it; every flag is ``role="argument"`` or
``role="option"`` (a command-line option only).

Where the aliases live: the ``aliases=`` of each ``Flag`` (the spellings a batch file or a
case file may use for it besides its long name; the long name's ``_``/``-``/case variants
need no alias). Aliases are per command: 起算日 is ``from`` in damages but not in seigen.

This module imports neither typer nor rich (it is on the start-up fast path).
"""

from __future__ import annotations

import keyword
import unicodedata
from typing import Any, Iterable, Mapping

from saiken_cli.errors import ConflictError, InputError, SaikenError

#: value kinds: kind → (metavar, what is accepted, in English; in Japanese). The parser of
#: each kind is in saiken_cli/parsing.py (or the command module for event/period/percent).
KINDS: dict[str, tuple[str, str, str]] = {
    "yen": ("YEN", "an amount in yen: 500000, 500,000, 50万, 50万円", "金額 (円): 500000, 500,000, 50万, 50万円"),
    "rate": ("RATE", "a yearly rate: 0.2, 20%, 1割8分", "年利: 0.2, 20%, 1割8分"),
    "date": ("DATE", "a date: 2019-05-01, 2019/5/1, R1.5.1, 令和元年5月1日", "日付: 2019-05-01, 2019/5/1, R1.5.1, 令和元年5月1日"),
    "int": ("N", "a whole number", "整数"),
    "percent": ("P", "a percentage per period: 10 or 10%", "期間あたりの百分率: 10 または 10%"),
    "choice": ("CHOICE", "one of the listed words", "列挙された語のいずれか"),
    "date:amount": ("DATE:AMOUNT", "DATE:AMOUNT, e.g. 2020-06-30:300000", "日付:金額 (例 2020-06-30:300000)"),
    "event": ("DATE:KIND", "DATE:KIND, e.g. 2024-03-01:承認", "日付:事由 (例 2024-03-01:承認)"),
    "period": ("PERIOD", "a pay period: monthly, semimonthly, days:N …", "支払期: monthly, semimonthly, days:N …"),
    "path": ("FILE", "a file path", "ファイルのパス"),
    "text": ("TEXT", "text", "文字列"),
    "switch": ("", "true or false (1/0, yes/no) in a file; no value on the command line", "真偽 (ファイルでは true/false, 1/0, yes/no)"),
}

ROLES = ("input", "argument", "output", "option")

TRUE_WORDS = frozenset({"1", "true", "yes", "y", "on", "はい"})
FALSE_WORDS = frozenset({"", "0", "false", "no", "n", "off", "いいえ"})


class Flag:
    """One input of a command.

    ``name``: the long flag name without ``--`` (also the batch column and case-file key);
    ``kind``: a key of KINDS; ``ja``/``en``: help text; ``doc``: longer English text for
    docs/commands (default: ``en``); ``aliases``: other keys a batch or case file may use;
    ``choices``: the accepted words of a ``choice`` (canonical names, for docs and schema);
    ``role``: ``input`` (a record field: batch, case file, fast path), ``argument`` (a
    positional input, e.g. kabarai's FILE) or ``output`` (how to print, e.g. ``--format``:
    Typer only, not a record field), or ``option`` (an option of a command without records,
    ``record=False``); ``short``: a short option such as ``-o``; ``metavar``: what the
    help shows for the value (default: the kind's; a metavar listing the choices,
    ``jsonl|csv|xlsx``, is not followed by them again in the help text).

    A plain class, not a NamedTuple or dataclass: creating those classes costs start-up
    (≈2.5 million instructions of `saiken damages … --json` for two NamedTuples, issue 16).
    """

    __slots__ = ("name", "kind", "ja", "en", "required", "repeatable", "default", "aliases", "choices", "doc", "role",
                 "short", "metavar")

    def __init__(self, name: str, kind: str, ja: str, en: str, *, required: bool = False, repeatable: bool = False,
                 default: Any = None, aliases: tuple[str, ...] = (), choices: tuple[str, ...] = (), doc: str = "",
                 role: str = "input", short: str = "", metavar: str = ""):
        self.name, self.kind, self.ja, self.en = name, kind, ja, en
        self.required, self.repeatable, self.default = required, repeatable, default
        self.aliases, self.choices, self.doc, self.role, self.short, self.metavar = aliases, choices, doc, role, short, metavar

    def __repr__(self) -> str:
        return f"Flag({self.name!r}, {self.kind!r})"

    @property
    def switch(self) -> bool:
        return self.kind == "switch"

    @property
    def param(self) -> str:
        """The Python name of the flag (``due-date`` → ``due_date``; ``from`` → ``from_``)."""
        name = self.name.replace("-", "_")
        return name + "_" if keyword.iskeyword(name) else name

    @property
    def shown_metavar(self) -> str:
        return self.metavar or KINDS[self.kind][0]


def norm_key(key: str) -> str:
    """A batch column or case-file key as a flag name: ``Due_Date`` → ``due-date``."""
    return key.strip().lstrip("-").replace("_", "-").lower()


def fold_key(key: str) -> str:
    """norm_key after NFKC (full-width ``ｐｒｉｎｃｉｐａｌ``, ``元本　``)."""
    return norm_key(unicodedata.normalize("NFKC", key))


def closest_key(raw: str, spellings: Iterable[str], cutoff: float = 0.75) -> str | None:
    """The spelling in ``spellings`` closest to the misspelt key ``raw`` (both compared as
    ``fold_key``: NFKC, ``_`` → ``-``, case), as it is spelt there; None when none is as
    close as ``cutoff`` (difflib's ratio). The one rule for every "did you mean" of a key:
    case-file tables, batch headers, matter files."""
    import difflib

    folded: dict[str, str] = {}
    for spelling in spellings:
        folded.setdefault(fold_key(spelling), spelling)
    match = difflib.get_close_matches(fold_key(raw), sorted(folded), n=1, cutoff=cutoff)
    return folded[match[0]] if match else None


class NormFields(dict):
    """A record whose keys are flag names (``Command.key``) and hold only flags:
    ``Command.read`` looks them up directly (the batch runner and validate_keys build these)."""

    __slots__ = ()


class UnknownKeyError(InputError):
    """Keys of a case-file table (or a record) that are not inputs of the command (exit 2).

    ``keys``: every unknown key as given; ``suggestions``: key → the closest accepted key (or None)."""

    def __init__(self, where: str, keys: list[str], suggestions: dict[str, str | None], accepted: Iterable[str]):
        self.flag = where
        self.given = keys
        self.keys = keys
        self.suggestions = suggestions
        self.accepted = ", ".join(accepted)
        parts = []
        for k in keys:
            shown = repr(k if len(k) <= 40 else k[:39] + "…")
            close = suggestions.get(k)
            parts.append(f"{shown} (did you mean {close!r}?)" if close else shown)
        noun = "unknown key" if len(keys) == 1 else "unknown keys"
        SaikenError.__init__(self, f"{where}: {noun} {', '.join(parts)}; accepted keys: {self.accepted}")


class Fast:
    """What the start-up fast path (entry.py) needs: long names by how they are typed.
    Unpacks as ``switches, valued, repeatable, required``."""

    __slots__ = ("switches", "valued", "repeatable", "required")

    def __init__(self, switches: frozenset[str], valued: frozenset[str], repeatable: frozenset[str], required: tuple[str, ...]):
        self.switches, self.valued, self.repeatable, self.required = switches, valued, repeatable, required

    def __iter__(self):
        return iter((self.switches, self.valued, self.repeatable, self.required))


class Command:
    """The declaration of one command: its name, help and inputs (see the module docstring)."""

    def __init__(self, name: str, help: str, flags: tuple[Flag, ...], *, json: bool = True, lang: bool = True,
                 record: bool = True):
        self.name = name
        self.help = help
        self.flags = tuple(flags)
        self.json = json
        self.lang = lang
        #: False: a command without records (no batch, case file or fast path): its flags are
        #: command-line arguments and options only
        self.record = record
        for f in self.flags:
            if f.kind not in KINDS or f.role not in ROLES:
                raise ValueError(f"{name}: --{f.name}: unknown kind {f.kind!r} or role {f.role!r}")
            if f.switch and (f.required or f.repeatable):
                raise ValueError(f"{name}: --{f.name}: a switch is neither required nor repeatable")
            if (f.role == "option") == record and f.role != "argument":
                raise ValueError(f"{name}: --{f.name}: role 'option' is for a command without records (record=False), "
                                 "and only it")
        #: the record fields (batch columns, case-file keys): inputs and arguments
        self.inputs = tuple(f for f in self.flags if f.role != "output") if record else ()
        self.outputs = tuple(f for f in self.flags if f.role == "output")
        self.names = tuple(f.name for f in self.inputs)
        keys: dict[str, str] = {}
        for f in self.inputs:
            for spelling in (f.name, *f.aliases):
                k = fold_key(spelling)
                if keys.setdefault(k, f.name) != f.name:
                    raise ValueError(f"{name}: the key {spelling!r} names both --{keys[k]} and --{f.name}")
        self._keys = keys
        options = [f for f in self.inputs if f.role == "input"]
        self.fast = Fast(
            switches=frozenset(f.name for f in options if f.switch),
            valued=frozenset(f.name for f in options if not f.switch),
            repeatable=frozenset(f.name for f in options if f.repeatable),
            required=tuple(f.name for f in self.inputs if f.required),
        )
        # for the record reader (one batch row each): the inputs by how they are read
        self._strs = tuple((f.name, f.param, f.default) for f in self.inputs if not f.switch and not f.repeatable)
        self._bools = tuple((f.name, f.param) for f in self.inputs if f.switch)
        self._lists = tuple((f.name, f.param) for f in self.inputs if f.repeatable)
        self._required = tuple(
            (f.param, f"missing --{f.name}" if f.role == "input" else f"missing {f.name} ({f.en.rstrip('.')})")
            for f in self.inputs if f.required
        )

    def __repr__(self) -> str:
        return f"Command({self.name!r}, {len(self.flags)} flags)"

    def flag(self, name: str) -> Flag:
        for f in self.flags:
            if f.name == name:
                return f
        raise KeyError(name)

    def choice(self, name: str, value: Any, synonyms: Mapping[str, str] | None = None) -> Any:
        """The value of the choice flag ``--name`` as one of its declared ``choices`` (None
        stays None: not given; ``synonyms``: other words for them, e.g. txt → text); exit 2
        naming the flag and the choices otherwise."""
        if value is None:
            return None
        from saiken_cli.parsing import parse_choice

        choices = self.flag(name).choices
        return parse_choice(str(value), f"--{name}", {**{c: c for c in choices}, **synonyms} if synonyms else choices)

    # --- keys ----------------------------------------------------------------------------

    def key(self, raw: str) -> str | None:
        """The flag name that a batch column or case-file key means (None: not an input)."""
        k = norm_key(raw)
        found = self._keys.get(k)
        if found is None and not k.isascii():
            found = self._keys.get(fold_key(raw))
        return found

    def closest(self, raw: str) -> str | None:
        """The accepted key (long name or alias) closest to ``raw``, if one is close; the
        spelling that was matched (an alias stays an alias: 元本, not principal)."""
        return closest_key(raw, [spelling for f in self.inputs for spelling in (f.name, *f.aliases)])

    def validate_keys(self, mapping: Mapping[str, Any], where: str) -> NormFields:
        return validate_keys(mapping, self, where=where)

    # --- the record reader ---------------------------------------------------------------

    def read(self, fields: Mapping[str, Any]) -> dict[str, Any]:
        """A record (flag name → str / bool / list, as in a batch file or case file) → the
        keyword arguments of the command's ``build_input``: strings as typed (None when
        absent or blank, then the declared default), switches as bool, repeatable flags as
        lists. Keys that are not inputs are ignored (ids); use ``validate_keys`` to refuse them."""
        if type(fields) is not NormFields:
            fields = self.normalise(fields)
        get = fields.get
        out: dict[str, Any] = {}
        for name, param, default in self._strs:
            value = get(name)
            if type(value) is str:  # a CSV cell: the common case (blank: "" or only spaces, not copied by strip)
                out[param] = value if value and not value.isspace() else default
            elif value is None:
                out[param] = default
            else:
                value = _one_text(value, name)
                out[param] = default if value is None else value
        for name, param in self._bools:
            value = get(name)
            out[param] = value if type(value) is bool else _bool(value, name)
        for name, param in self._lists:
            out[param] = _list(get(name))
        for param, missing in self._required:
            if out[param] is None:
                raise ConflictError(missing)
        return out

    def normalise(self, fields: Mapping[str, Any]) -> NormFields:
        """The input keys of ``fields`` by flag name (other keys dropped; first spelling wins)."""
        out = NormFields()
        for raw, value in fields.items():
            name = self.key(str(raw))
            if name is not None and name not in out:
                out[name] = value
        return out

    # --- Typer ---------------------------------------------------------------------------

    def typer_command(self, *, payload=None, view=None, run=None, context: bool = False):
        """The Typer command function, its options built from the declaration.

        Either ``payload`` (inputs → the --json payload) and ``view`` (payload, lang → View):
        the standard calculator command; or ``run(values, **options)`` for a command that
        prints otherwise (``values``: the inputs by param name — every flag of a command
        without records —; ``options``: the ``output`` flags and ``json_out``/``lang``, and
        ``ctx``, the Typer context, with ``context=True``: a group's callback asks it
        whether a subcommand follows)."""
        import inspect
        from typing import Annotated, Optional

        import typer

        if run is None:
            if payload is None:
                raise TypeError("typer_command needs payload (and view) or run")
            run = _calculator_run(payload, view)
        params = []
        if context:
            params.append(inspect.Parameter("ctx", inspect.Parameter.KEYWORD_ONLY, annotation=typer.Context))
        for f in self.flags:
            help_text = plain_help(f.en + (f" ({' | '.join(f.choices)})" if f.choices and not f.metavar else ""))
            if f.role == "argument":
                info = typer.Argument(help=help_text, show_default=False, metavar=f.shown_metavar)
                annotation = str if f.required or f.default is not None else Optional[str]
                default = inspect.Parameter.empty if f.required else f.default
            else:
                decls = [f"--{f.name}"] + ([f.short] if f.short else [])
                if f.switch:
                    info = typer.Option(*decls, help=help_text)
                    annotation, default = bool, False
                elif f.repeatable:
                    info = typer.Option(*decls, help=help_text, metavar=f.shown_metavar)
                    annotation, default = Optional[list[str]], None
                else:
                    info = typer.Option(*decls, help=help_text, metavar=f.shown_metavar, show_default=f.default is not None)
                    annotation = str if (f.required or f.default is not None) else Optional[str]
                    default = inspect.Parameter.empty if f.required else f.default
            params.append(inspect.Parameter(f.param, inspect.Parameter.KEYWORD_ONLY, default=default,
                                            annotation=Annotated[annotation, info]))
        if self.json:
            params.append(inspect.Parameter("json_out", inspect.Parameter.KEYWORD_ONLY, default=False, annotation=Annotated[
                bool, typer.Option("--json", help="Print only JSON on stdout (stable contract with schema_version).")]))
        if self.lang:
            params.append(inspect.Parameter("lang", inspect.Parameter.KEYWORD_ONLY, default="ja", annotation=Annotated[
                str, typer.Option("--lang", help="Language of the human output: ja (default) or en.", metavar="ja|en")]))
        # the values of the command: its inputs (a calculator), or every flag (record=False)
        input_params = frozenset(f.param for f in (self.inputs if self.record else self.flags))

        def command(**kwargs: Any) -> Any:
            values = {k: v for k, v in kwargs.items() if k in input_params}
            options = {k: v for k, v in kwargs.items() if k not in input_params}
            return run(values, **options)

        command.__signature__ = inspect.Signature(params)  # type: ignore[attr-defined]
        command.__annotations__ = {p.name: p.annotation for p in params}
        command.__name__ = command.__qualname__ = self.name.replace("-", "_")
        command.__doc__ = plain_help(self.help)
        return command

    def register(self, app, help: str | None = None, **how) -> None:
        """``app.command(NAME, help=HELP)`` of ``typer_command(**how)`` (``help``: another text
        than the declaration's, e.g. one with a generated table)."""
        app.command(self.name, help=plain_help(self.help if help is None else help))(self.typer_command(**how))

    # --- saiken schema COMMAND --input ---------------------------------------------------

    def input_schema(self) -> dict[str, Any]:
        """JSON Schema (draft 2020-12) of one input record: a JSON Lines record of
        ``saiken batch``, a CSV row (every value a string), or a case-file table."""
        props: dict[str, Any] = {}
        for f in self.inputs:
            if f.switch:
                prop: dict[str, Any] = {"type": ["boolean", "string"]}
            elif f.repeatable:
                prop = {"type": ["array", "string"], "items": {"type": "string"}}  # a list, or one string "a; b"
            elif f.kind in ("yen", "int"):
                prop = {"type": ["string", "integer"]}
            elif f.kind in ("rate", "percent"):
                prop = {"type": ["string", "number"]}
            else:
                prop = {"type": "string"}
            prop["description"] = f.en
            prop["x-saiken-description-ja"] = f.ja
            prop["x-saiken-kind"] = f.kind
            if f.choices:
                prop["x-saiken-choices"] = list(f.choices)
            if f.default is not None:
                prop["default"] = f.default
            if f.aliases:
                prop["x-saiken-aliases"] = list(f.aliases)
            props[f.name] = prop
        return {
            "title": f"saiken {self.name}: one input record (batch record or case-file table)",
            "description": (
                "Keys are the long flag names (without --); '_' for '-', any case, and the x-saiken-aliases "
                "are accepted. In `saiken batch` other keys are id columns carried through; in a case file "
                "they are an error naming the closest accepted key."
            ),
            "type": "object",
            "properties": props,
            "required": [f.name for f in self.inputs if f.required],
        }

    # --- docs/commands/*.md --------------------------------------------------------------

    def markdown_table(self) -> str:
        """The flag table of docs/commands/NAME.md (generated: scripts/update_readme.py)."""

        def cell(text: str) -> str:
            return " ".join(text.split()).replace("|", "\\|")

        rows = (["| flag | 意味 | meaning | keys in files |", "|---|---|---|---|"] if self.record
                else ["| flag | 意味 | meaning |", "|---|---|---|"])
        for f in self.flags:
            if f.role == "argument":
                shown = f"`{f.shown_metavar}`"
            elif f.switch:
                shown = f"`--{f.name}`"
            else:
                shown = f"`--{f.name} {f.shown_metavar}`"
            if f.short:
                shown += f", `{f.short}`"
            marks = []
            if f.required:
                marks.append("required")
            if f.repeatable:
                marks.append("repeatable")
            if f.default is not None and not f.switch:
                marks.append(f"default `{f.default}`")
            if marks:
                shown += " (" + ", ".join(marks) + ")"
            meaning = f.doc or f.en
            if f.choices and not f.doc:
                meaning += " Accepted: " + ", ".join(f"`{c}`" for c in f.choices) + "."
            if not self.record:
                rows.append(f"| {cell(shown)} | {cell(f.ja)} | {cell(meaning)} |")
                continue
            if f.role == "output":
                keys = "— (how to print)"
            else:
                keys = ", ".join(f"`{k}`" for k in (f.name, *f.aliases))
            rows.append(f"| {cell(shown)} | {cell(f.ja)} | {cell(meaning)} | {keys} |")
        end = " | — |" if self.record else " |"
        if self.json:
            rows.append("| `--json` | JSONのみを標準出力へ (警告は標準エラーにも) | Print only JSON on stdout (stable contract with `schema_version`); warnings also on stderr." + end)
        if self.lang:
            rows.append("| `--lang ja\\|en` | 表示言語 (既定 ja) | Language of the human output: `ja` (default) or `en`." + end)
        return "\n".join(rows) + "\n"


def plain_help(text: str) -> str:
    """A help text shown as written: Typer reads help as rich markup, where "[case] as_of" or
    "[[debt]]" (TOML tables) are tags and vanish; an escaped bracket is shown as it is."""
    return text.replace("[", "\\[")


def _calculator_run(payload, view):
    def run(values: dict[str, Any], *, json_out: bool = False, lang: str = "ja") -> None:
        from saiken_cli.commands.common import check_lang
        from saiken_cli.render import emit

        lang = check_lang(lang)
        data = payload(values)
        emit(data, None if json_out else view(data, lang), json_mode=json_out, lang=lang)

    return run


def validate_keys(mapping: Mapping[str, Any], spec: Command, *, where: str) -> NormFields:
    """The keys of a case-file table (or any record) checked against ``spec``: a NormFields
    by flag name, ready for ``record()``. Raises UnknownKeyError (exit 2) naming EVERY key
    that is not an input of the command, each with the closest accepted key, and
    ConflictError when two keys name the same flag (``due_date`` and ``弁済期``).

    ``where`` starts the message: ``"[[debt]] #2"``, ``"CASE x.toml [damages]"``."""
    out = NormFields()
    given: dict[str, str] = {}
    unknown: list[str] = []
    for raw, value in mapping.items():
        key = str(raw)
        name = spec.key(key)
        if name is None:
            unknown.append(key)
            continue
        if name in out:
            raise ConflictError(f"{where}: the keys {given[name]!r} and {key!r} both name --{name}")
        given[name] = key
        out[name] = value
    if unknown:
        raise UnknownKeyError(where, unknown, {k: spec.closest(k) for k in unknown}, spec.names)
    return out


def _one_text(value: Any, name: str) -> str | None:
    if isinstance(value, list):
        raise InputError(f"--{name}", value, "a single value")
    text = str(value)
    return None if text.strip() == "" else text


def _bool(value: Any, name: str) -> bool:
    if value is None or isinstance(value, bool):
        return bool(value)
    text = str(value).strip().lower()
    if text in TRUE_WORDS:
        return True
    if text in FALSE_WORDS:
        return False
    raise InputError(f"--{name}", value, "true or false (1/0, yes/no)")


def _list(value: Any) -> list[str]:
    """A repeatable flag: a JSON list, or a CSV cell with values separated by ';'."""
    if value is None:
        return []
    if isinstance(value, list):
        return [str(v) for v in value]
    return [part.strip() for part in str(value).split(";") if part.strip()]
