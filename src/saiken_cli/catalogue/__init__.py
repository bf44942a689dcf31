"""The message catalogue: the ONE place where what calc says becomes a sentence.

calc returns notes, warnings, assumptions and reasons as :class:`saiken_cli.calc.messages.Message`
(a stable ``code`` and typed parameters). This package phrases them, at the edge, in the
language asked for: Japanese (``ja``, the default: Japanese only, legal terms, no flag names)
or English (``en``: Japanese legal terms in brackets welcome). ``--json`` carries every item
as ``{"code", "params", "text"}``, ``text`` in the ``--lang`` language (:func:`localize`).

One file per calculator (``catalogue/damages.py``, ``catalogue/jikou.py``, …), so that
phrasings for different calculators never meet in one file. Each file holds::

    MESSAGES = {
        "damages.payment_exceeds_debt": (
            "{paid_on} の弁済 {amount_yen} は残債務を {excess_yen} 超える",        # ja
            "the payment of {amount_yen} on {paid_on} exceeds what was owed by {excess_yen}",  # en
        ),
    }

The code's prefix (before the first dot) is the file's name. Placeholders are
``str.format`` fields named after the message's parameters; each is formatted by its name
(see calc/messages.py for the naming table) and the language:

- ``{x_on}`` 2019-10-01 (令和元年10月1日) / 2019-10-01 (R1.10.1); ``{x_on:iso}`` 2019-10-01
- ``{x_ons}`` a list of dates, each as ``{x_on}`` (``{x_ons:iso}``: ISO), joined by 「、」 (ja)
  or ", " (en)
- ``{x_yen}`` 500,000円 / ¥500,000; ``{x_yen:+}`` +1,000円 / +¥1,000 (signed)
- ``{x_rate}`` 20% (from "0.2")
- ``{article}`` 民法412条1項 (a citation label, in both languages)
- ``{x_days}``, ``{x_years}``, other ints: 1,234; ``{x_year}`` (a calendar year): 2027
- ``{table}`` a rule table's id: its Japanese title (ja), its English title and id (en)
- ``{x_msg}`` the nested message's own phrasing; ``{x_msgs}`` a list of them, joined by
  「・」 (ja) or ", " (en)
- anything else: as given
- a value that is ``None`` (a date not reached, e.g. while a proceeding is pending; an amount
  not given): —; with the format spec ``none`` (``{claimed_yen:none}``): なし (ja) / none (en)

Terms (a fact, an event kind, a regime) are messages without parameters passed as ``…_msg``
(calc/jikou: ``KIND_TERMS``, ``FACT_TERMS``), so a sentence names 期限の利益喪失日 in Japanese
and "the acceleration date" in English, never a flag.

Both phrasings of a code use the same placeholders (tests/test_messages.py checks it, renders
every code in both languages, and fails on a code without both phrasings or a phrasing that
no calc module emits).

How to convert a calc module (one at a time; tests/test_messages.py lists those not yet done)
-------------------------------------------------------------------------------------------

1. In ``calc/<module>.py`` replace each bilingual string ``"日本語 / English"`` by
   ``msg("<module>.<what>", name=value, …)`` (``from saiken_cli.calc.messages import msg``):
   pass values, not text — dates as ``date``, yen as ``int``, rates as ``Decimal``, articles as
   the ``rules.Citation`` — named by the table in calc/messages.py. A code names the fact, not
   the wording (``jikou.saikoku_repeat_no_effect``), and never changes once published.
2. Keep them in the result as messages (tuples of ``Message``); ``to_dict`` writes them with
   ``messages.to_dicts(...)`` (or ``m.to_dict()`` for a single item such as a reason).
3. Add ``catalogue/<module>.py`` with ``MESSAGES`` (both phrasings of every code) and add the
   module's name to :data:`MODULES` below. Japanese: no English halves, no ``--flags`` —
   name the thing (「期限の利益喪失日」, not ``--acceleration-date``).
4. In the command's ``view``: render any message with ``render.text(item, lang)`` (the
   ``standard_sections`` helper already does for assumptions/notes/warnings).
5. Schemas (``schemas/<command>.py``): the fields become ``Message`` (``schemas/_common.py``);
   bump the command's ``SCHEMA_VERSION`` (once: "1" → "2") and the schema's ``Literal``; list
   the change in the README's JSON contract section (``saiken schema``).
6. Tests that compare a command's ``record(fields)`` with its ``--json`` output compare
   ``localize(record(fields), "ja")`` (record returns the items without ``text``).
7. Remove the module from ``NOT_CONVERTED`` (and its command from ``COMMANDS_NOT_CONVERTED``)
   in tests/test_messages.py, add invocations that show its messages to ``RUNS`` there,
   update the README's table of schema versions, run ``scripts/update_readme.py`` and the
   tests.
"""

from __future__ import annotations

import importlib
from datetime import date
from decimal import Decimal
from typing import Any, Mapping

#: The catalogue files, one per calculator (the codes' prefixes).
MODULES = ("damages", "rates", "caps", "calendar", "fees", "garnishment", "jikou", "kabarai", "matter", "report", "rules", "saisei",
           "seigen", "today")

_LOADED: dict[str, Mapping[str, tuple[str, str]]] = {}


def _phrasings(prefix: str) -> Mapping[str, tuple[str, str]]:
    found = _LOADED.get(prefix)
    if found is None:
        if prefix not in MODULES:
            raise KeyError(f"no catalogue file for message codes {prefix}.*")
        found = importlib.import_module(f"saiken_cli.catalogue.{prefix}").MESSAGES
        _LOADED[prefix] = found
    return found


def all_messages() -> dict[str, tuple[str, str]]:
    """Every code with its (ja, en) phrasing, all files merged (a code in two files is a bug)."""
    merged: dict[str, tuple[str, str]] = {}
    for prefix in MODULES:
        for code, pair in _phrasings(prefix).items():
            if code in merged:
                raise ValueError(f"message code {code} phrased twice")
            merged[code] = pair
    return merged


def phrasing(code: str, lang: str) -> str:
    pair = _phrasings(code.partition(".")[0]).get(code)
    if pair is None:
        raise KeyError(f"message code {code} has no phrasing in catalogue/{code.partition('.')[0]}.py")
    return pair[1] if lang == "en" else pair[0]


# --- typed parameters ------------------------------------------------------------------


def yen(value: int | None, lang: str) -> str:
    if value is None:
        return "—"
    return f"¥{value:,}" if lang == "en" else f"{value:,}円"


_DAYS: dict[tuple[Any, str], str] = {}


def day(value: str | date | None, lang: str) -> str:
    """ISO date with its 和暦 (令和元年5月1日 / R1.5.1). Remembered by (value, lang), bounded:
    a batch phrases the same dates row after row (an as-of date, a reform's day)."""
    if value is None:
        return "—"
    key = (value, lang)
    found = _DAYS.get(key)
    if found is None:
        from saiken_cli.parsing import to_wareki

        d = date.fromisoformat(value) if isinstance(value, str) else value
        found = f"{d.isoformat()} ({to_wareki(d, style='letter' if lang == 'en' else 'kanji')})"
        if len(_DAYS) < 16384:
            _DAYS[key] = found
    return found


def percent(value: str | Decimal) -> str:
    from saiken_cli.calc.rounding import percent_text

    return percent_text(Decimal(value) if isinstance(value, str) else value) + "%"



# --- a template's fields, each formatted by its parameter's name -------------------------
#
# A phrasing is a str.format template whose fields are plain names (``{first_on}``, with
# the specs ``iso``, ``+`` and ``none``). Each template is read once into its pieces, and
# each field's formatter is chosen once from its name's suffix (below): a batch phrases
# tens of thousands of items, and str.format_map with an object per parameter cost 2–5 µs
# an item (issue 16, batch speed).


def _f_date(value: Any, spec: str, lang: str) -> str:
    if value is None:  # a date not reached (e.g. no completion while a proceeding is pending)
        return "—"
    if spec == "iso":
        return value.isoformat() if isinstance(value, date) else str(value)
    return day(value, lang)


def _f_dates(value: Any, spec: str, lang: str) -> str:  # a list of dates
    return (", " if lang == "en" else "、").join(_f_date(v, spec, lang) for v in value)


def _f_yen(value: Any, spec: str, lang: str) -> str:
    if spec == "+":
        sign = "+" if value >= 0 else "-"
        return sign + yen(abs(value), lang)
    return yen(value, lang)


def _f_rate(value: Any, spec: str, lang: str) -> str:
    return percent(value)


def _f_msg(value: Any, spec: str, lang: str) -> str:
    return text(value, lang)


def _f_msgs(value: Any, spec: str, lang: str) -> str:
    return (", " if lang == "en" else "・").join(text(v, lang) for v in value)


def _f_article(value: Any, spec: str, lang: str) -> str:
    return value if isinstance(value, str) else value.label()


def _f_year(value: Any, spec: str, lang: str) -> str:  # a calendar year: 2027, not 2,027
    return str(value)


def _f_table(value: Any, spec: str, lang: str) -> str:  # a rule table's id: its title and id
    from saiken_cli import rules

    t = rules.load(value)
    return f"{t.title_en} ({value})" if lang == "en" else t.title_ja


def _f_other(value: Any, spec: str, lang: str) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        return format(value, spec or ",")
    return format(str(value), spec)


def formatter(name: str):
    """The function that formats parameter ``name``: ``(value, spec, lang) -> str``."""
    if name.endswith("_on") or name == "on":
        return _f_date
    if name.endswith("_yen"):
        return _f_yen
    if name.endswith("_rate") or name == "rate":
        return _f_rate
    if name.endswith("_msg"):
        return _f_msg
    if name.endswith("_msgs"):
        return _f_msgs
    if name.endswith("_ons"):
        return _f_dates
    if name.endswith("_article") or name == "article":
        return _f_article
    if name.endswith("_year"):
        return _f_year
    if name == "table":
        return _f_table
    return _f_other


_NONE = {"ja": "なし", "en": "none"}  # {x:none}: an optional value not given


def _pieces(template: str, code: str) -> tuple:
    """A template as its literal texts and its fields ``(name, spec, formatter, none)``."""
    out: list = []
    pos = 0
    while True:
        at = template.find("{", pos)
        close = template.find("}", pos)
        if at < 0:
            if close >= 0:
                raise ValueError(f"phrasing of {code}: a lone '}}' at {close}")
            if pos < len(template):
                out.append(template[pos:])
            return tuple(out)
        end = template.find("}", at)
        if (0 <= close < at) or end < 0:
            raise ValueError(f"phrasing of {code}: braces do not pair at {min(c for c in (at, close) if c >= 0)}")
        if at > pos:
            out.append(template[pos:at])
        field = template[at + 1 : end]
        name, _, spec = field.partition(":")
        if not name.isidentifier() or "{" in field:  # a plain name, no nested field
            raise ValueError(f"phrasing of {code}: the field {template[at:end + 1]!r} is not a parameter name")
        none = spec == "none"
        out.append((name, "" if none else spec, formatter(name), none))
        pos = end + 1


_COMPILED: dict[tuple[str, str], tuple] = {}


def _compiled(code: str, lang: str) -> tuple:
    """``phrasing`` read into its pieces, remembered by (code, lang) (the catalogue files do
    not change in a run)."""
    found = _COMPILED[(code, lang)] = _pieces(phrasing(code, lang), code)
    return found


def render(code: str, params: Mapping[str, Any], lang: str) -> str:
    """The sentence for ``code`` with ``params`` in ``lang`` (ja unless "en"). A field whose
    parameter is missing is a KeyError naming it."""
    out = []
    for piece in _COMPILED.get((code, lang)) or _compiled(code, lang):
        if type(piece) is str:
            out.append(piece)
            continue
        name, spec, fmt, none = piece
        value = params[name]
        out.append(_NONE["en" if lang == "en" else "ja"] if none and value is None else fmt(value, spec, lang))
    return "".join(out)


def text(item: Any, lang: str) -> str:
    """A message item — a calc ``Message`` or its JSON ``{"code", "params", …}`` — phrased in ``lang``.

    A plain string is a message of a calc module not yet converted (``"日本語 / English"``):
    transitional, until every module returns messages (see the module docstring)."""
    if isinstance(item, dict):
        return render(item["code"], item["params"], lang)
    if isinstance(item, str):
        return pick(item, lang)
    return render(item.code, item.params, lang)


def localize(value: Any, lang: str, skip: "frozenset[str] | tuple[str, ...] | None" = None) -> Any:
    """Add ``"text"`` in ``lang`` to every message item ``{"code", "params"}`` of a JSON payload
    (in place; returns it). Items nested in a message's params are phrased within its text.

    ``skip``: top-level keys of the payload that hold no message items (a command's
    ``PLAIN_KEYS``: segments, parts, rule rows, citations), not walked — in ``saiken batch`` a
    damages row walked whole cost ~50,000 instructions. A key not named is walked, so a new
    field with messages is never missed; tests/test_localize_keys.py checks each declaration."""
    # (empty lists are not entered, and the items of a list are phrased here rather than by
    # a call each: a damages batch row has three message lists, mostly empty — issue 16)
    if type(value) is dict:
        if "code" in value and "params" in value:
            value["text"] = _render_item(value["code"], value["params"], lang)
            return value
        for k, v in value.items():
            if v and (type(v) is dict or type(v) is list) and (skip is None or k not in skip):
                localize(v, lang)
    elif type(value) is list:
        for v in value:
            if type(v) is dict:
                if "code" in v and "params" in v:
                    v["text"] = _render_item(v["code"], v["params"], lang)
                elif v:
                    localize(v, lang)
            elif type(v) is list and v:
                localize(v, lang)
    return value


_RENDERED: dict[tuple, str] = {}


def _render_item(code: str, params: Mapping[str, Any], lang: str) -> str:
    """``render`` of a JSON item, remembered by (code, lang, params) when every parameter is
    a str, an int or None (a batch phrases the same few items row after row: jikou's notes
    take no parameters at all). Items with a bool (``True == 1`` would share a key with 1),
    a nested item or a list are phrased each time. Bounded, like calc.damages._iso."""
    for v in params.values():
        t = type(v)
        if t is not str and t is not int and v is not None:
            return render(code, params, lang)
    key = (code, lang, *params.items())
    found = _RENDERED.get(key)
    if found is None:
        found = render(code, params, lang)
        if len(_RENDERED) < 8192:
            _RENDERED[key] = found
    return found


def pick(text: str, lang: str) -> str:
    """Keep one half of a legacy ``"日本語 / English"`` string (both when it is not split)."""
    if " / " not in text:
        return text
    # split at the first " / " after which the text is plain ASCII (the English half)
    idx = 0
    while True:
        idx = text.find(" / ", idx)
        if idx < 0:
            return text
        tail = text[idx + 3 :]
        if tail.isascii() or sum(ch.isascii() for ch in tail) >= 0.9 * len(tail):
            return tail if lang == "en" else text[:idx]
        idx += 3
