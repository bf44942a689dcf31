"""The matter case file: one debtor, every creditor (``saiken report MATTER.toml``).

A matter file is TOML with a ``[case]`` table, an optional ``[income]`` table (the inputs of
``saiken sashiosae``) and one ``[[debt]]`` table per creditor::

    [case]
    id = "2026-0415"
    debtor = "佐藤一郎"
    as_of = 2026-12-01            # 基準日 (default: today in Japan)

    [income]
    net = "31万"

    [[debt]]
    creditor = "株式会社Aサービサー"
    principal = "65万"
    damages-rate = "18%"
    acceleration-date = 2017-08-20
    payment = ["2019-09-30:5万"]
    transactions = "rireki-a.csv"  # relative to this file's folder

This module is the edge: it reads the file, checks every key of every table strictly (an
unknown key names the closest accepted one; all errors of a file are reported at once),
and turns each debt's facts into the flags of the single commands (``damages``, ``jikou``,
``kabarai``, ``sashiosae``). :func:`analyse` runs each command's own ``record()`` on those
flags, so a debt's figures are by construction the single commands' answers, and
:mod:`saiken_cli.calc.matter` (pure) adds the totals, deadlines and options.

API (used by ``report`` and by the document commands)::

    matter = load_matter(path)           # raises CaseFileError (exit 2) listing every problem
    payload = analyse(matter, today)     # the report's JSON payload (dict)

A file without ``[[debt]]`` or ``[income]`` tables is a *one-debt* case file (sections named
after commands: ``[damages]``, ``[jikou]``, ``[sashiosae]`` …); :func:`load_case` reads both
kinds and says which it is.
"""

from __future__ import annotations

import difflib
import tomllib
from datetime import date
from pathlib import Path
from typing import Any, Callable, NamedTuple

from saiken_cli import parsing
from saiken_cli.commands.spec import closest_key
from saiken_cli.commands.spec import fold_key as norm_key  # the one key spelling rule (NFKC, _ → -, case)
from saiken_cli.errors import InputError, SaikenError

MAX_CASE_BYTES = 1024 * 1024  # a case file is a few KB; more is not a case file

# --------------------------------------------------------------------------------------
# Key declarations: one row per key of each table. kind → how the value is checked;
# to → the single command's flag(s) the value feeds; aliases → other spellings accepted
# (``_`` and ``-`` are interchangeable everywhere, and keys are case-insensitive).


class Key(NamedTuple):
    kind: str
    to: tuple[tuple[str, str], ...] = ()  # (command, flag)
    aliases: tuple[str, ...] = ()
    label_ja: str = ""


CASE_KEYS: dict[str, Key] = {
    "id": Key("text", (), ("case-id", "事件番号"), "事件番号"),
    "title": Key("text", (), ("件名", "事件名"), "件名"),
    "debtor": Key("text", (), ("債務者", "依頼者"), "債務者"),
    "debtor-address": Key("text", (), ("債務者住所", "address"), "債務者住所"),
    "as-of": Key("date", (), ("基準日", "date"), "基準日"),
    "include-barred": Key("bool", (), ("時効完成債権を含める", "時効債権を含める"), "時効完成債権を含める"),
    "nin-i-base": Key("choice:nin-i-base", (), ("任意整理の基準額", "任意整理の元金"), "任意整理の基準額"),
    "liquidation-value": Key("yen0", (), ("清算価値",), "清算価値"),
    "disposable-income": Key("yen0", (), ("可処分所得2年分", "可処分所得の2年分"), "可処分所得2年分"),
    "office": Key("text", (), ("事務所",), "事務所"),
    "note": Key("text", (), ("memo", "備考", "メモ"), "備考"),
}

DEBT_KEYS: dict[str, Key] = {
    "creditor": Key("text", (), ("債権者", "債権者名"), "債権者"),
    "creditor-address": Key("text", (), ("債権者住所",), "債権者住所"),
    "original-creditor": Key("text", (), ("原債権者",), "原債権者"),
    "creditor-type": Key("choice:creditor", (("jikou", "creditor"),), ("債権者種別", "creditor-kind"), "債権者の種別"),
    "account-number": Key("text", (), ("契約番号", "会員番号", "account"), "契約番号"),
    "contract-date": Key("date", (("jikou", "contract-date"),), ("契約日",), "契約日"),
    "principal": Key("yen", (("damages", "principal"),), ("元本", "残元本", "元金"), "残元本"),
    "interest": Key("yen0", (), ("利息", "未払利息", "経過利息"), "未払利息"),
    "damages-rate": Key("rate", (("damages", "rate"),), ("損害金利率", "遅延損害金利率", "rate"), "遅延損害金の利率"),
    "acceleration-date": Key("date", (("damages", "due-date"), ("jikou", "acceleration-date")), ("期限の利益喪失日",), "期限の利益喪失日"),
    "due-date": Key("date", (("damages", "due-date"), ("jikou", "due-date")), ("期限", "弁済期"), "弁済期"),
    "damages-from": Key("date", (("damages", "from"),), ("from", "損害金起算日", "起算日"), "遅延損害金の起算日"),
    "method": Key("choice:method", (("damages", "method"),), ("計算方式",), "計算方式"),
    "commercial": Key("bool", (("damages", "commercial"),), ("商事",), "商事法定利率"),
    "allow-high-rate": Key("bool", (("damages", "allow-high-rate"),), (), "高利率の許容"),
    "last-payment": Key("date", (("jikou", "last-payment"),), ("最終返済日", "最終弁済日"), "最終返済日"),
    "payment": Key("payments", (("damages", "payment"),), ("payments", "弁済", "返済"), "期限の利益喪失後の弁済"),
    "event": Key("events", (("jikou", "event"),), ("events", "時効事由", "事由"), "時効の事由"),
    "judgment-date": Key("date", (("jikou", "judgment-date"),), ("判決確定日",), "判決確定日"),
    "subrogation-date": Key("date", (("jikou", "subrogation-date"),), ("代位弁済日",), "代位弁済日"),
    "debtor-merchant": Key("bool", (("jikou", "debtor-merchant"),), ("商人",), "債務者が商人"),
    "claim-type": Key("choice:claim-type", (("jikou", "claim-type"),), ("債権の種類",), "債権の種類"),
    "apply-142": Key("bool", (("jikou", "apply-142"),), (), "民法142条の適用"),
    "transactions": Key("path", (("kabarai", "file"),), ("取引履歴", "history", "rireki"), "取引履歴"),
    "overpay-interest": Key("choice:overpay-interest", (("kabarai", "overpay-interest"),), ("過払利息",), "過払利息の利率"),
    "first-day": Key("choice:first-day", (("kabarai", "first-day"),), (), "初日の扱い"),
    "leap": Key("choice:leap", (("kabarai", "leap"),), (), "閏年の扱い"),
    "split-at": Key("dates", (("kabarai", "split-at"),), ("分断",), "取引の分断日"),
    "note": Key("text", (), ("memo", "備考", "メモ"), "備考"),
}

def _declared(command: str) -> tuple[tuple[str, ...], dict[str, str], frozenset[str]]:
    """A command's input names, aliases (alias → name) and switches, from its declaration
    (``SPEC``, commands/spec.py)."""
    import importlib

    spec = importlib.import_module(f"saiken_cli.commands.{command}").SPEC
    aliases = {a: f.name for f in spec.inputs for a in f.aliases}
    return tuple(spec.names), aliases, frozenset(spec.fast.switches)


def income_keys() -> dict[str, Key]:
    """[income] holds the inputs of `saiken sashiosae` (paid-on defaults to the 基準日), as that
    command declares them."""
    names, aliases, switches = _declared("sashiosae")
    return {
        f: Key("bool" if f in switches else "date" if f == "paid-on" else "flag", (("sashiosae", f),),
               tuple(a for a, t in aliases.items() if t == f))
        for f in names
    }


SECTIONS = ("case", "income", "debt")
NIN_I_BASES = {"total": "total", "合計": "total", "principal": "principal", "元本": "principal", "元金": "principal"}


def _alias_map(keys: dict[str, Key]) -> dict[str, str]:
    out = {k: k for k in keys}
    for k, spec in keys.items():
        for a in spec.aliases:
            out[norm_key(a)] = k
    return out


def closest(given: str, accepted: list[str]) -> str | None:
    """The accepted key nearest to a misspelt one (or None when nothing is near): the
    declarations' closest_key (commands/spec.py), with a wider net (a ratio from 0.4: a
    matter file's keys are few and long, 債権者住所 for 債権者の住所)."""
    return closest_key(given, accepted, cutoff=0.4)


# --------------------------------------------------------------------------------------
# Errors: every problem of a file, reported in one run (exit 2).


class CaseFileError(SaikenError):
    """One or more problems in a case file (exit 2). Each problem is one line."""

    exit_code = 2

    def __init__(self, problems: list[str], partial: "Matter | None" = None):
        self.problems = list(problems)
        self.partial = partial  # what could be read, for checking the rest (load_and_analyse)
        super().__init__("\nsaiken: error: ".join(self.problems))


class _Problems:
    def __init__(self, file: str):
        self.file = file
        self.items: list[str] = []

    def add(self, where: str, text: str) -> None:
        self.items.append(f"{self.file}: {where}: {text}" if where else f"{self.file}: {text}")

    def input_error(self, where: str, exc: SaikenError) -> None:
        if isinstance(exc, InputError):
            shown = parsing_shorten(str(exc.given))
            self.add(where, f"{shown!r} is not accepted: {exc.accepted}")
        else:
            self.add(where, exc.message)

    def raise_if_any(self) -> None:
        if self.items:
            raise CaseFileError(self.items)


def parsing_shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --------------------------------------------------------------------------------------
# Reading


def read_toml(path: str) -> dict[str, Any]:
    """The TOML document of a case file (exit 2 with the file named when it cannot be read)."""
    from saiken_cli.errors import ConflictError

    p = Path(path)
    try:
        if p.is_dir():
            raise InputError("CASE", path, "a case file (TOML), not a directory")
        with open(p, "rb") as fh:
            data = fh.read(MAX_CASE_BYTES + 1)
    except FileNotFoundError:
        raise InputError("CASE", path, "a readable case file (TOML)") from None
    except OSError as exc:
        raise InputError("CASE", path, f"a readable case file (TOML): {exc.strerror or exc}") from None
    if len(data) > MAX_CASE_BYTES:
        raise InputError("CASE", path, f"a case file of at most {MAX_CASE_BYTES // 1024} KB")
    from saiken_cli import limits

    try:
        text = data.decode("utf-8-sig")
        limits.check_toml(text, "CASE")  # keys/tables nested over 32 deep: refused before tomllib (a TOML bomb)
        return tomllib.loads(text)
    except UnicodeDecodeError:
        raise ConflictError(f"CASE {path}: not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConflictError(f"CASE {path}: not valid TOML: {exc}") from None
    except RecursionError:
        raise ConflictError(f"CASE {path}: nested too deeply to be a case file") from None


def is_matter(doc: dict[str, Any]) -> bool:
    """A matter file has [[debt]] tables (or [income]); a one-debt file has command sections."""
    keys = {norm_key(k) for k in doc}
    if keys & {"debt", "debts", "income"}:
        return True
    # a misspelt [[debt]] or [income] ([[dept]], [incom]) is a matter file with a typo
    return any(difflib.get_close_matches(k, ["debt", "income"], n=1, cutoff=0.7) for k in keys - {"case"})


# --------------------------------------------------------------------------------------
# Values: TOML value → the string the command's flag parser reads (checked here, per key,
# so that every bad value of the file is reported at once).


def _text(value: Any) -> str:
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _choices(kind: str):
    name = kind.partition(":")[2]
    if name == "creditor":
        from saiken_cli.calc.jikou import CREDITOR_ALIASES

        return CREDITOR_ALIASES
    if name == "claim-type":
        from saiken_cli.calc.jikou import CLAIM_TYPES

        return tuple(CLAIM_TYPES)
    if name == "method":
        from saiken_cli.calc.damages import METHODS

        return METHODS
    if name == "nin-i-base":
        return NIN_I_BASES
    from saiken_cli.commands import kabarai

    return {"overpay-interest": kabarai.OVERPAY, "first-day": kabarai.FIRST_DAY, "leap": kabarai.LEAP}[name]


def _type_name(value: Any) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, date):
        return "a date"
    return "a value"


class _TypeError(Exception):
    def __init__(self, value: Any, accepted: str):
        self.value, self.accepted = value, accepted


def check_value(kind: str, value: Any, label: str) -> str | list[str] | bool:
    """Check one value of a case file and return it in the form the command's flag takes.
    Raises InputError (a value the parser refuses) or _TypeError (a TOML value of the wrong type)."""
    if kind in ("payments", "events", "dates"):
        items = value if isinstance(value, list) else [value]
        out = []
        for item in items:
            if isinstance(item, (bool, dict, list, float)) or item is None:
                raise _TypeError(value, 'a list of strings, e.g. ["2019-09-30:5万"]')
            text = _text(item)
            if kind == "payments":
                parsing.parse_date_amount(text, label)
            elif kind == "events":
                from saiken_cli.commands.jikou import parse_event

                parse_event(text, label)
            else:
                parsing.parse_date(text, label)
            out.append(text)
        return out
    if isinstance(value, (dict, list)):
        raise _TypeError(value, "a single value, not " + _type_name(value))
    if kind == "bool":
        if isinstance(value, bool):
            return value
        from saiken_cli.commands.common import FALSE_WORDS, TRUE_WORDS

        word = str(value).strip().lower()
        if isinstance(value, str) and word in TRUE_WORDS | FALSE_WORDS and word:
            return word in TRUE_WORDS
        raise _TypeError(value, "true or false")
    if isinstance(value, bool):
        raise _TypeError(value, {"yen": 'an amount such as 650000 or "65万"', "yen0": 'an amount such as 0 or "3万"',
                                 "rate": 'a rate such as "18%" or "legal"', "date": "a date such as 2017-08-20"}.get(kind, "text"))
    if isinstance(value, float):
        raise _TypeError(value, {"yen": 'whole yen (650000 or "65万"), not a decimal number',
                                 "rate": 'the rate as a string ("18%" or "0.18"), not a TOML number'}.get(kind, "text or a whole number"))
    if kind == "rate" and isinstance(value, int):
        raise _TypeError(value, 'the rate as a string with its unit, e.g. "18%"')
    text = _text(value)
    if kind == "text":
        if not text.strip():
            raise _TypeError(value, "a non-empty text")
        return text
    if kind == "yen":
        parsing.parse_yen(text, label)
    elif kind == "yen0":
        parsing.parse_yen(text, label, allow_zero=True)
    elif kind == "rate":
        parsing.parse_rate(text, label, allow_legal=True, allow_high=True)
    elif kind == "date":
        parsing.parse_date(text, label)
    elif kind.startswith("choice:"):
        parsing.parse_choice(text, label, _choices(kind))
    elif kind in ("path", "flag"):
        if not text.strip():
            raise _TypeError(value, "a non-empty value")
    return text


# --------------------------------------------------------------------------------------
# The matter


class Debt(NamedTuple):
    index: int  # 1-based, in file order
    table: str  # "[[debt]] #2": how messages name it
    facts: dict[str, Any]  # canonical key → checked value (str, list[str] or bool)
    flags: dict[str, dict[str, Any]]  # command → its flags (record() fields) for this debt
    key_of: dict[tuple[str, str], str]  # (command, flag) → the case key that fed it


class Matter(NamedTuple):
    path: str
    folder: Path
    case: dict[str, Any]  # canonical [case] keys → values (as_of as an ISO string if given)
    as_of: date | None
    include_barred: bool
    nin_i_base: str  # "total" | "principal"
    income: dict[str, Any] | None  # sashiosae flags, or None without [income]
    debts: tuple[Debt, ...]
    warnings: tuple[dict[str, Any], ...]  # about the file itself (e.g. a repeated account number), as messages


def _table(raw: Any, where: str, keys: dict[str, Key], problems: _Problems) -> dict[str, Any]:
    """Check every key of one table; canonical key → checked value."""
    if not isinstance(raw, dict):
        problems.add(where, f"must be a table, not {_type_name(raw)}")
        return {}
    amap = _alias_map(keys)
    out: dict[str, Any] = {}
    for key, value in raw.items():
        canonical = amap.get(norm_key(key))
        if canonical is None:
            near = closest(key, list(amap))
            hint = f"; did you mean '{amap[near] if near in amap else near}'?" if near else ""
            problems.add(f"{where} {key}", f"unknown key{hint} (accepted: {', '.join(keys)})")
            continue
        if canonical in out:
            problems.add(f"{where} {key}", f"given twice (as '{canonical}' and another spelling)")
            continue
        label = f"{where} {key}"
        try:
            out[canonical] = check_value(keys[canonical].kind, value, label)
        except _TypeError as exc:
            problems.add(label, f"{_toml_repr(exc.value)} is not accepted: {exc.accepted}")
        except InputError as exc:
            problems.add(label, f"{parsing_shorten(str(exc.given))!r} is not accepted: {exc.accepted}")
        except SaikenError as exc:
            problems.add(label, exc.message)
    return out


def _toml_repr(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return repr(parsing_shorten(value))
    return parsing_shorten(str(value))


def _debt(index: int, raw: Any, folder: Path, problems: _Problems) -> Debt | None:
    table = f"[[debt]] #{index}"
    if isinstance(raw, dict) and not raw:
        problems.add(table, "empty table: give at least creditor, principal and a date (acceleration-date, due-date or last-payment)")
        return None
    facts = _table(raw, table, DEBT_KEYS, problems)
    if not isinstance(raw, dict):
        return None
    # what is missing (only where the key was not simply misspelt or wrong)
    if "creditor" not in facts and not _given(raw, "creditor"):
        problems.add(f"{table} creditor", "missing: the creditor's name (債権者)")
    if "principal" not in facts and "transactions" not in facts and not _given(raw, "principal") and not _given(raw, "transactions"):
        problems.add(f"{table} principal", "missing: the principal claimed (残元本), or transactions (取引履歴) to recalculate it")
    dates = ("acceleration-date", "due-date", "last-payment", "damages-from", "judgment-date", "subrogation-date")
    if not any(k in facts or _given(raw, k) for k in dates) and not _given(raw, "transactions"):
        problems.add(
            table,
            "missing: when the debt fell due — acceleration-date (期限の利益喪失日) or due-date (弁済期), "
            "or at least last-payment (最終返済日)",
        )
    if "transactions" in facts:
        path = Path(facts["transactions"])
        resolved = path if path.is_absolute() else folder / path
        if not resolved.is_file():
            problems.add(f"{table} transactions", f"{facts['transactions']!r} is not accepted: no such file (looked for {resolved})")
        # kept as written: read relative to the case file's folder (saiken_cli.paths), and so
        # printed in the report without this machine's folders
    return _flags(index, table, facts)


def _given(raw: dict[str, Any], canonical: str) -> bool:
    amap = _alias_map(DEBT_KEYS)
    return any(amap.get(norm_key(k)) == canonical for k in raw)


def _flags(index: int, table: str, facts: dict[str, Any]) -> Debt:
    """A debt's facts → the flags of each single command (and which key fed which flag)."""
    flags: dict[str, dict[str, Any]] = {"damages": {}, "jikou": {}, "kabarai": {}}
    key_of: dict[tuple[str, str], str] = {}
    for key, value in facts.items():
        for command, flag in DEBT_KEYS[key].to:
            if command == "damages" and flag == "due-date" and key == "due-date" and "acceleration-date" in facts:
                continue  # acceleration governs the whole balance: damages from the day after it
            flags[command][flag] = value
            key_of[(command, flag)] = key
    # payments after default are acknowledgments (承認, 民法152条): they renew prescription
    pays = facts.get("payment", [])
    if pays:
        events = list(facts.get("event", []))
        last = facts.get("last-payment")
        for p in pays:
            on = p.rpartition(":")[0]
            if on != last:
                events.append(f"{on}:承認")
        flags["jikou"]["event"] = events
        key_of.setdefault(("jikou", "event"), "payment")
    if "damages" in flags and not any(f in flags["damages"] for f in ("due-date", "from")):
        flags["damages"] = {}  # no start of the delay: damages are not computed (said in the report)
    elif "damages" in flags:
        flags["damages"].setdefault("rate", "legal")
    if not flags["kabarai"].get("file"):
        flags["kabarai"] = {}
    return Debt(index, table, facts, flags, key_of)


def load_matter(path: str, doc: dict[str, Any] | None = None) -> Matter:
    """Read and check a matter file; raises CaseFileError listing every problem (exit 2)."""
    if doc is None:
        doc = read_toml(path)
    folder = Path(path).resolve().parent
    problems = _Problems(path)
    sections = {norm_key(k): k for k in doc}
    for norm, key in sections.items():
        if norm not in SECTIONS:
            near = closest(key, list(SECTIONS))
            hint = f"; did you mean [{near}]?" if near else ""
            problems.add(f"[{key}]", f"unknown section{hint} (sections: [case], [income], [[debt]])")
    raw_case = doc.get(sections.get("case", "case"), {})
    case = _table(raw_case, "[case]", CASE_KEYS, problems)
    amap = _alias_map(CASE_KEYS)
    # the rest can still be checked when the 基準日 is usable (given and good, or not given)
    head_ok = "as-of" in case or not (isinstance(raw_case, dict) and any(amap.get(norm_key(k)) == "as-of" for k in raw_case))
    income = None
    if "income" in sections:
        before = len(problems.items)
        income = _table(doc[sections["income"]], "[income]", income_keys(), problems)
        head_ok = head_ok and len(problems.items) == before
    raw_debts = doc.get(sections.get("debt", "debt"), [])
    if isinstance(raw_debts, dict):
        raw_debts = [raw_debts]
    if not isinstance(raw_debts, list):
        problems.add("[[debt]]", "must be an array of tables ([[debt]] per creditor)")
        raw_debts = []
    if not raw_debts:
        problems.add("[[debt]]", "missing: one [[debt]] table per creditor")
    debts = []
    for i, raw in enumerate(raw_debts, start=1):
        before = len(problems.items)
        d = _debt(i, raw, folder, problems)
        if d is not None and len(problems.items) == before:
            debts.append(d)
    matter = _matter(path, folder, case, income, debts)
    if problems.items:
        # the debts that were read cleanly can still be checked by the commands: report_all()
        raise CaseFileError(problems.items, partial=matter if head_ok else None)
    return matter


def _matter(path: str, folder: Path, case: dict[str, Any], income: dict[str, Any] | None, debts: list[Debt]) -> Matter:
    from saiken_cli.calc.matter import msg

    warnings = []
    seen: dict[str, int] = {}
    for d in debts:
        acct = d.facts.get("account-number")
        if acct:
            if acct in seen:
                warnings.append(msg("matter.duplicate_account", first=seen[acct], second=d.index))
            else:
                seen[acct] = d.index
    as_of_text = case.get("as-of")
    return Matter(
        path=path,
        folder=folder,
        case=case,
        as_of=parsing.parse_date(as_of_text, "[case] as_of") if as_of_text else None,
        include_barred=bool(case.get("include-barred", False)),
        nin_i_base=parsing.parse_choice(case["nin-i-base"], "[case] nin-i-base", NIN_I_BASES) if case.get("nin-i-base") else "total",
        income=income,
        debts=tuple(debts),
        warnings=tuple(warnings),
    )


# --------------------------------------------------------------------------------------
# Analysis: each debt through the single commands' record(), then the pure summary.


def load_and_analyse(path: str, today: date, *, doc: dict[str, Any] | None = None, as_of: date | None = None) -> dict[str, Any]:
    """load_matter + analyse, reporting every problem of the file in one run: when some tables
    are refused, the debts that were read are still run through the commands, and what they
    refuse is listed too."""
    try:
        m = load_matter(path, doc)
    except CaseFileError as exc:
        if exc.partial is not None and exc.partial.debts:
            try:
                analyse(exc.partial._replace(as_of=as_of or exc.partial.as_of), today)
            except CaseFileError as more:
                raise CaseFileError(exc.problems + more.problems) from None
        raise
    if as_of is not None:
        m = m._replace(as_of=as_of)
    return analyse(m, today)


def _record(command: str) -> Callable[[dict[str, Any]], dict[str, Any]]:
    import importlib

    return importlib.import_module(f"saiken_cli.commands.{command}").record


def _fields(flags: dict[str, Any]) -> dict[str, Any]:
    """Flags → record() fields (booleans as the words record() reads)."""
    return {k: ("true" if v else "false") if isinstance(v, bool) else v for k, v in flags.items()}


def debt_inputs(matter: Matter, debt: Debt, as_of: date) -> dict[str, dict[str, Any]]:
    """The flags each single command runs with for this debt on the 基準日 ``as_of``."""
    out: dict[str, dict[str, Any]] = {}
    iso = as_of.isoformat()
    if debt.flags["kabarai"]:
        out["kabarai"] = {**debt.flags["kabarai"], "as-of": iso}
    if debt.flags["damages"]:
        out["damages"] = {**debt.flags["damages"], "to": iso}
    if any(k in debt.flags["jikou"] for k in ("due-date", "acceleration-date", "last-payment", "judgment-date", "subrogation-date")):
        out["jikou"] = {**debt.flags["jikou"], "as-of": iso}
    return out


def analyse(matter: Matter, today: date) -> dict[str, Any]:
    """The report payload of a matter on its 基準日 (``[case] as_of``, else ``today``: the
    caller's date in Japan). Raises CaseFileError naming the debt and key when a command
    refuses the facts (e.g. a payment before the delay began)."""
    from saiken_cli import paths

    if paths.current() is None:  # called as a library: the case file's folder still governs its paths
        with paths.inside(str(matter.folder), what="the case file"):
            return analyse(matter, today)
    from saiken_cli.calc import matter as calc

    as_of = matter.as_of or today
    problems = _Problems(matter.path)
    debts: list[dict[str, Any]] = []
    for debt in matter.debts:
        inputs = debt_inputs(matter, debt, as_of)
        results: dict[str, dict[str, Any] | None] = {"damages": None, "jikou": None, "kabarai": None}
        kab = inputs.get("kabarai")
        if kab is not None:
            try:
                results["kabarai"] = _record("kabarai")(_fields(kab))
            except SaikenError as exc:
                problems.input_error(f"{debt.table} transactions", exc)
                continue
            # the recalculated balance replaces the claimed principal (利息制限法 引き直し);
            # nothing left owed: no damages and no prescription of a debt to compute
            balance = results["kabarai"]["balance_yen"]
            if balance > 0 and "damages" in inputs:
                inputs["damages"]["principal"] = str(balance)
            elif balance <= 0:
                inputs.pop("damages", None)
                if results["kabarai"]["unpaid_interest_yen"] <= 0:
                    inputs.pop("jikou", None)
        elif "damages" in inputs and "principal" not in inputs["damages"]:
            del inputs["damages"]
        reported: set[str | None] = set()
        for command in ("damages", "jikou"):
            if command in inputs:
                try:
                    results[command] = _record(command)(_fields(inputs[command]))
                except SaikenError as exc:
                    flag = getattr(exc, "flag", "").lstrip("-")
                    key = debt.key_of.get((command, flag))
                    if key in reported:
                        continue  # the same fact refused twice (a payment is also an acknowledgment)
                    reported.add(key)
                    where = f"{debt.table} {key}" if key else debt.table
                    problems.input_error(where, exc)
        principal = debt.facts.get("principal")
        debts.append(
            calc.debt_figures(
                index=debt.index,
                claimed_principal_yen=parsing.parse_yen(principal, "principal") if principal else None,
                claimed_interest_yen=parsing.parse_yen(debt.facts.get("interest") or "0", "interest", allow_zero=True),
                as_of=as_of,
                facts=dict(debt.facts),
                inputs=inputs,
                damages=results["damages"],
                jikou=results["jikou"],
                kabarai=results["kabarai"],
            )
        )
    garnishment = None
    if matter.income is not None:
        fields = _fields(matter.income)
        fields.setdefault("paid-on", as_of.isoformat())
        try:
            garnishment = _record("sashiosae")(fields)
        except SaikenError as exc:
            flag = getattr(exc, "flag", "").lstrip("-")
            problems.input_error(f"[income] {flag}" if flag else "[income]", exc)
    problems.raise_if_any()
    case = {k.replace("-", "_"): v for k, v in matter.case.items()}
    case["as_of"] = as_of.isoformat()
    case["as_of_source"] = "case" if matter.as_of else "today"
    def yen_or_none(key: str) -> int | None:
        text = matter.case.get(key)
        return parsing.parse_yen(text, f"[case] {key}", allow_zero=True) if text is not None else None

    return calc.summarise(
        liquidation_value_yen=yen_or_none("liquidation-value"),
        disposable_income_yen=yen_or_none("disposable-income"),
        case=case,
        as_of=as_of,
        debts=debts,
        garnishment=garnishment,
        include_barred=matter.include_barred,
        nin_i_base=matter.nin_i_base,
        file_warnings=list(matter.warnings),
    )
