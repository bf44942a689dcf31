"""Dated legal data (法令データ): every number saiken takes from the law.

Each file in ``rules/data/`` is one *table*: a list of *rows*, each valid from
``effective_from`` (inclusive) to ``effective_until`` (inclusive, optional), each with a
structured citation and a verification status taken from the rules reference
(VERIFIED-STATUTE … UNVERIFIED).  Values are always strings in the file and are parsed
into ``Decimal`` / ``Fraction`` / ``int`` by their declared unit, never ``float``.

Tables are loaded lazily, one file at a time, and validated strictly on load; a broken
file raises :class:`RuleDataError` (exit 4) naming the file and the key.  A date outside
every row raises :class:`RuleNotInForce` (exit 3): saiken refuses rather than guess.

Rule data you can trust (issue 15 §5):

- every installed rule file is checked against ``data/MANIFEST.sha256`` when it is read
  (SHA-256 of its bytes, ~0.1 ms a file): an edited installed file is exit 4. Maintainers
  regenerate the manifest with ``python scripts/update_rules_manifest.py`` after editing
  a rule file (tests/test_rules_trust.py fails until they do);
- each table also ships parsed, as ``data/parsed/<table>.json`` (JSON, dates written
  ``{"$date": "YYYY-MM-DD"}``), written by the same script from the TOML it names by
  SHA-256. The TOML file stays the one source and is still read and checked on every load;
  its JSON twin is used only while it was made from exactly those bytes, else the TOML is
  parsed. Why: tomllib is pure Python — importing it and parsing the three tables of a
  ``saiken damages … --json`` call cost ~5 ms of its ~35 ms start-up (issue 16);
- ``SAIKEN_RULES_DIR=/path`` is a deliberate local override: a file of the same name there
  is read instead of the installed one (validated, not manifest-checked), and every output
  says so (:func:`override_warning`);
- a rate is at most 1 a year (100%) unless its table declares ``rate_max``.

This package imports only the standard library.
"""


import json
import re
from datetime import date
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from functools import cache
import os
from types import MappingProxyType
from typing import Any, Iterable, Mapping, NamedTuple

from saiken_cli.errors import RuleDataError, RuleNotInForce

# a plain path string: pathlib costs a few ms of start-up (``DATA_DIR`` is a Path, built on use)
_DATA_DIR = os.path.join(os.path.dirname(__file__), "data")
MANIFEST = "MANIFEST.sha256"
OVERRIDE_ENV = "SAIKEN_RULES_DIR"
RATE_MAX = Decimal(1)  # a rate per year, unless the table declares rate_max
MAX_RULE_FILE = 4 << 20  # a rule file is a few KB


def __getattr__(name: str) -> Any:
    if name == "DATA_DIR":
        from pathlib import Path

        return Path(_DATA_DIR)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

#: Verification labels of ../shared/docs/rules-reference.md §0.1.
STATUSES = (
    "VERIFIED-STATUTE",
    "VERIFIED-OFFICIAL",
    "VERIFIED-SECONDARY",
    "COMPUTED",
    "INTERPRETATION",
    "UNVERIFIED",
)

_INT_RE = re.compile(r"^[0-9]+$")
_DEC_RE = re.compile(r"^-?[0-9]+(\.[0-9]+)?$")
_FRAC_RE = re.compile(r"^[0-9]+/[1-9][0-9]*$")


def _parse_unit(unit: str, raw: str, where: str, rate_max: Decimal = RATE_MAX) -> Any:
    """Parse one string value by its unit; raise RuleDataError if it does not fit."""
    if not isinstance(raw, str):
        raise RuleDataError(
            f"{where}: value {raw!r} must be a string (write \"{raw}\"); "
            "numbers in rule files are strings so that no float ever enters"
        )
    if unit in ("yen", "years", "months", "days", "count"):
        if not _INT_RE.match(raw):
            raise RuleDataError(f"{where}: {raw!r} is not a whole number of {unit}")
        return int(raw)
    if unit in ("rate_per_year", "decimal"):
        if not _DEC_RE.match(raw):
            raise RuleDataError(f"{where}: {raw!r} is not a decimal number")
        value = Decimal(raw)
        if unit == "rate_per_year" and not (Decimal(0) <= value <= rate_max):
            raise RuleDataError(
                f"{where}: rate {raw!r} is outside 0…{rate_max} (a fraction per year; a table whose law sets "
                "higher rates declares rate_max)"
            )
        return value
    if unit == "fraction":
        if _FRAC_RE.match(raw):
            value = Fraction(raw)
        elif _DEC_RE.match(raw):
            value = Fraction(Decimal(raw))
        else:
            raise RuleDataError(f"{where}: {raw!r} is not a fraction like \"3/4\"")
        if not (0 <= value <= 1):
            raise RuleDataError(f"{where}: fraction {raw!r} is outside 0…1")
        return value
    if unit == "date":
        try:
            return date.fromisoformat(raw)
        except ValueError:
            raise RuleDataError(f"{where}: {raw!r} is not a date YYYY-MM-DD") from None
    if unit == "text":
        return raw
    raise RuleDataError(f"{where}: unknown unit {unit!r}")


UNITS = ("yen", "years", "months", "days", "count", "rate_per_year", "decimal", "fraction", "date", "text")


# The record types below (Citation, Row, Table) are NamedTuples, not dataclasses: this
# module is on the path of every `--json` call, and importing dataclasses (with inspect)
# costs about 10 ms of start-up (issue 5 §3). They are as immutable as frozen dataclasses
# and compare by their fields alike.


#: What a citation is (``Citation.kind``): only the first four may be a row's basis.
#:   statute         a law's article: its official e-Gov 法令検索 link comes from laws.toml
#:   case            a judgment: court, date and reporter (民集/集民/判時), courts.go.jp link if any
#:   official        a court's or a ministry's own page or document (courts.go.jp, moj.go.jp, …)
#:   interpretation  a reading stated in words (saiken's or practice's), marked as such
#:   secondary       a law firm, blog or Q&A page: supports an interpretation, shown as 参考,
#:                   never the sole basis of a row (it may only stand in ``also``)
KINDS = ("statute", "case", "official", "interpretation", "secondary")

#: Hosts of official pages (government, courts, municipalities, and Japan Post for the
#: conditions of its 内容証明 service): an ``official`` citation's URL must be on one of these
#: (or a subdomain).
OFFICIAL_HOSTS = ("go.jp", "lg.jp", "courts.go.jp", "post.japanpost.jp")

EGOV_LAW_URL = "https://laws.e-gov.go.jp/law/"


def _host_is_official(url: str) -> bool:
    m = re.match(r"^https?://([^/:]+)", url)
    if not m:
        return False
    host = m.group(1).lower()
    if any(host == h or host.endswith("." + h) for h in OFFICIAL_HOSTS):
        return True
    # a local government's own site: www.city.<name>.<pref>.jp, pref.<name>.jp, town./vill. …
    return bool(_LOCAL_GOV_RE.match(host))


_LOCAL_GOV_RE = re.compile(r"^(www\.)?(city|town|vill|pref)\.[a-z0-9-]+(\.[a-z0-9-]+)?\.jp$")


class Citation(NamedTuple):
    """Where a value comes from: a statute article, a judgment, or an official page."""

    law: str | None = None  # 民法
    law_no: str | None = None  # 明治29年法律第89号
    article: str | None = None  # "404"
    paragraph: str | None = None  # "2"
    item: str | None = None  # "1"
    version: str | None = None  # 平成29年法律第44号による改正前
    amended_by: str | None = None  # 平成29年法律第44号
    case: str | None = None  # 最判平成22年4月20日
    authority: str | None = None  # 岡山地方裁判所 / 法務省
    document: str | None = None  # 利息・損害金の計算について
    url: str | None = None  # an official page; a statute's e-Gov link is derived (laws.toml)
    en: str | None = None  # short English gloss
    kind: str | None = None  # one of KINDS; derived when not given (see ``kind_of``)
    reporter: str | None = None  # 民集64巻3号921頁 (a case's reporter)

    @classmethod
    def from_mapping(cls, raw: Any, where: str) -> "Citation":
        if not isinstance(raw, Mapping):
            raise RuleDataError(f"{where}: citation must be a table")
        unknown = set(raw) - set(cls._fields)
        if unknown:
            near = _closest(sorted(unknown)[0], cls._fields)
            raise RuleDataError(f"{where}: unknown citation field(s) {sorted(unknown)}{near}")
        for key, value in raw.items():
            if not isinstance(value, str):
                raise RuleDataError(f"{where}: citation field {key} must be a string")
        if not (raw.get("law") or raw.get("case") or raw.get("authority")):
            raise RuleDataError(f"{where}: a citation names a law, a case or an authority")
        if raw.get("law") and not raw.get("article"):
            raise RuleDataError(f"{where}: a statute citation names its article")
        kind = raw.get("kind")
        if kind is not None and kind not in KINDS:
            raise RuleDataError(f"{where}: citation kind {kind!r} is not one of {', '.join(KINDS)}")
        if raw.get("law"):
            if kind not in (None, "statute"):
                raise RuleDataError(f"{where}: a citation naming a law is of kind statute, not {kind!r}")
            if raw.get("url"):
                raise RuleDataError(
                    f"{where}: a statute citation carries no url: its e-Gov 法令検索 link comes from "
                    f"laws.toml (the 法令ID of {raw['law']!r}); got {raw['url']!r}"
                )
        elif raw.get("case"):
            if kind not in (None, "case"):
                raise RuleDataError(f"{where}: a citation naming a case is of kind case, not {kind!r}")
            if raw.get("url") and not _host_is_official(raw["url"]):
                raise RuleDataError(f"{where}: a case's url is its courts.go.jp page; got {raw['url']!r}")
        else:
            if kind is None:
                raise RuleDataError(
                    f"{where}: a citation of an authority declares its kind "
                    "(official, interpretation or secondary)"
                )
            if kind == "official" and raw.get("url") and not _host_is_official(raw["url"]):
                raise RuleDataError(
                    f"{where}: an official citation's url is a government or court page "
                    f"(*.go.jp, *.lg.jp, a city/town/village/prefecture site); got {raw['url']!r}: mark it kind = \"secondary\""
                )
        return cls(**dict(raw))

    def kind_of(self) -> str:
        """The declared kind, or the one implied: a law → statute, a case → case, an authority
        with a government or court url → official, anything else → secondary (rule files must
        declare it; this inference serves citations built in code)."""
        if self.kind:
            return self.kind
        if self.law:
            return "statute"
        if self.case:
            return "case"
        if self.url and _host_is_official(self.url):
            return "official"
        return "secondary"

    def label(self) -> str:
        """A Japanese citation label: 民法404条2項, 最判平成22年4月20日, 岡山地裁「…」."""
        return _citation_cache(self)[1]

    def href(self) -> str | None:
        """The link shown with the citation: a statute's e-Gov page (with the article's
        anchor where e-Gov has one), otherwise the citation's own url."""
        return _citation_cache(self)[2].get("url")

    def to_dict(self) -> dict[str, str]:
        return dict(_citation_cache(self)[2])


def _citation_label(c: Citation) -> str:
    parts: list[str] = []
    if c.law:
        text = c.law
        if c.version:
            text = f"{c.law}({c.version})"
        if c.article:
            text += _article_label(c.article)
        # after a branch number (5条の4) a digit would run on: write 5条の4第1項
        joiner = "第" if text[-1:].isdigit() else ""
        if c.paragraph:
            text += f"{joiner}{c.paragraph}項"
            joiner = ""
        if c.item:
            text += f"{joiner}{c.item}号"
        parts.append(text)
    if c.case:
        parts.append(c.case + (f" {c.reporter}" if c.reporter else ""))
    if c.authority:
        doc = f"「{c.document}」" if c.document else ""
        if c.kind == "interpretation":
            parts.append(f"{c.authority}{doc}（解釈）")
        else:
            parts.append(c.authority + doc)
    return " / ".join(parts)


_ARTICLE_ANCHOR_RE = re.compile(r"^[0-9]+(の[0-9]+)*$")


def statute_url(c: Citation) -> str | None:
    """The e-Gov 法令検索 page of a statute citation: ``https://laws.e-gov.go.jp/law/<法令ID>``,
    with ``#Mp-At_<article>`` (e-Gov's id of a main-provision article; 5条の4 → ``Mp-At_5_4``)
    when the citation names a current article of the law's own page. Old text (``version``),
    附則, 別表 and laws shown on another law's page (amending laws) link to the page only.
    None when laws.toml has no 法令ID for the law (a test requires one for every cited law)."""
    if not c.law:
        return None
    try:
        rows = _law_rows()
        row = rows.get(f"{c.law} ({c.law_no})") if c.law_no else None
        row = row or rows.get(c.law)
    except RuleDataError:
        return None
    if row is None:
        return None
    page = row.values.get("page_law_id") or row.values["law_id"]
    url = EGOV_LAW_URL + page
    if (
        c.article
        and not c.version
        and page == row.values["law_id"]
        and _ARTICLE_ANCHOR_RE.match(c.article)
    ):
        url += "#Mp-At_" + c.article.replace("の", "_")
    return url


@cache
def _law_rows() -> Mapping[str, "Row"]:
    """laws.toml by law name (its rows' keys)."""
    table = load("laws")
    return MappingProxyType({row.key: row for row in table.rows if row.key})


_CITATIONS: dict[int, tuple[Citation, str, dict[str, str]]] = {}


def _citation_cache(c: Citation) -> tuple[Citation, str, dict[str, str]]:
    """(citation, label, JSON dict) computed once per citation object (module constants and
    rule rows, which live as long as the process; batch runs cite them row after row).
    Looked up by identity; the entry holds the citation, so its id stays its own."""
    hit = _CITATIONS.get(id(c))
    if hit is None or hit[0] is not c:
        label = _citation_label(c)
        out = {k: v for k, v in zip(c._fields, c) if v}
        out["kind"] = c.kind_of()
        if c.law:
            url = statute_url(c)
            if url:
                out["url"] = url
        out["label"] = label
        hit = (c, label, out)
        if len(_CITATIONS) < 4096:
            _CITATIONS[id(c)] = hit
    return hit


_CITED: dict[tuple[int, ...], tuple[tuple[Citation, ...], tuple[dict[str, str], ...]]] = {}


def citations_json(citations: "tuple[Citation, ...] | list[Citation]") -> list[dict[str, str]]:
    """``[c.to_dict() for c in citations]``, each payload with its own dicts. Remembered by the
    citations' identities (module constants and rule rows: a batch cites the same ones row
    after row); the entry holds them, so no other object can take their ids while it is kept."""
    key = tuple(map(id, citations))
    hit = _CITED.get(key)
    if hit is None:
        hit = (tuple(citations), tuple(_citation_cache(c)[2] for c in citations))
        if len(_CITED) < 4096:
            _CITED[key] = hit
    return [dict(d) for d in hit[1]]


def _article_label(article: str) -> str:
    """"404" → 404条, "5の4" → 5条の4, "附則17条" and "別表第一" stay as written; "本則" (a law
    without articles, cited by its paragraph: 元号法1項) is not written."""
    if article == "本則":
        return ""
    if re.fullmatch(r"[0-9]+", article):
        return f"{article}条"
    m = re.fullmatch(r"([0-9]+)の([0-9]+)", article)
    if m:
        return f"{m.group(1)}条の{m.group(2)}"
    return article


class Row(NamedTuple):
    """One dated row of a table; ``row["name"]`` reads one of its ``values``."""

    effective_from: date
    effective_until: date | None
    key: str | None
    value: Any
    values: Mapping[str, Any]
    tiers: tuple[Mapping[str, Any], ...]
    citation: Citation
    also: tuple[Citation, ...]
    status: str
    note: str | None
    label: str | None

    def covers(self, on: date) -> bool:
        return self.effective_from <= on and (self.effective_until is None or on <= self.effective_until)

    @property
    def citations(self) -> tuple[Citation, ...]:
        return (self.citation, *self.also)

    def __getitem__(self, name: str) -> Any:  # type: ignore[override]
        if type(name) is str:
            return self.values[name]
        return tuple.__getitem__(self, name)  # the NamedTuple's own positions

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"effective_from": self.effective_from.isoformat()}
        if self.effective_until:
            out["effective_until"] = self.effective_until.isoformat()
        if self.key is not None:
            out["key"] = self.key
        if self.label:
            out["label"] = self.label
        if self.value is not None:
            out["value"] = _json_value(self.value)
        if self.values:
            out["values"] = {k: _json_value(v) for k, v in self.values.items()}
        if self.tiers:
            out["tiers"] = [{k: _json_value(v) for k, v in t.items()} for t in self.tiers]
        out["status"] = self.status
        out["citations"] = citations_json(self.citations)
        if self.note:
            out["note"] = self.note
        return out


def _json_value(value: Any) -> Any:
    if isinstance(value, (Decimal, Fraction)):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    return value


def is_stale_warning(item: Any) -> bool:
    """Whether a warning item says a rule table's check has lapsed (``rules.beyond_verified``,
    made by calc/messages.beyond_verified; batch runs say each one once, not per row)."""
    return type(item) is dict and item.get("code") == "rules.beyond_verified"


class Table(NamedTuple):
    id: str
    title_ja: str
    title_en: str
    unit: str | None
    units: Mapping[str, str]
    keyed_on: str
    verified_through: date | None
    verified_on: date | None
    rows: tuple[Row, ...]
    notes: tuple[str, ...] = ()
    refuse_after: str | None = None
    refuse_before: str | None = None
    source: str = ""
    by_key: Mapping[str | None, tuple[Row, ...]] = MappingProxyType({})  # rows per key, in date order

    def keys(self) -> list[str | None]:
        return list(self.by_key)

    def row_on(self, on: date, key: str | None = None) -> Row:
        """The row in force on ``on`` (for the given key/variant); refuse outside every row."""
        rows = self.by_key.get(key)
        if not rows:
            raise RuleNotInForce(f"rule table {self.id}: no rows for {key!r}")
        for row in rows:
            if row.covers(on):
                return row
        if on < rows[0].effective_from:
            msg = self.refuse_before or "no rule before {first}"
            raise RuleNotInForce(
                f"{self.title_ja} ({self.id}): {on.isoformat()} — "
                + msg.format(first=rows[0].effective_from.isoformat(), on=on.isoformat())
            )
        msg = self.refuse_after or "not known for this date (last known row ends {last})"
        last = rows[-1].effective_until
        raise RuleNotInForce(
            f"{self.title_ja} ({self.id}): {on.isoformat()} — "
            + msg.format(last=last.isoformat() if last else "", on=on.isoformat())
        )

    def only(self, key: str | None = None) -> Row:
        """The single row of a table that has exactly one row per key (conventions)."""
        rows = self.by_key.get(key)
        if not rows:
            raise RuleNotInForce(f"rule table {self.id}: no rows for {key!r}")
        if len(rows) != 1:
            raise RuleDataError(f"rule table {self.id}: {key!r} has {len(rows)} rows; pass a date")
        return rows[0]

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "title_ja": self.title_ja,
            "title_en": self.title_en,
            "keyed_on": self.keyed_on,
        }
        if self.unit:
            out["unit"] = self.unit
        if self.units:
            out["units"] = dict(self.units)
        if self.verified_through:
            out["verified_through"] = self.verified_through.isoformat()
        if self.verified_on:
            out["verified_on"] = self.verified_on.isoformat()
        if self.notes:
            out["notes"] = list(self.notes)
        out["rows"] = [r.to_dict() for r in self.rows]
        return out


def _closest(name: str, known) -> str:
    """"; did you mean 'x'?" for an unknown key (or "")."""
    import difflib

    match = difflib.get_close_matches(str(name), sorted(known), n=1, cutoff=0.6)
    return f"; did you mean {match[0]!r}?" if match else ""


def _want(value: Any, kind: type | tuple[type, ...], where: str, what: str) -> Any:
    """``value`` if it is of ``kind``; RuleDataError naming ``where`` otherwise (exit 4, never a crash)."""
    if not isinstance(value, kind) or isinstance(value, bool) and kind is not bool:
        raise RuleDataError(f"{where}: must be {what}, not {type(value).__name__} {str(value)[:40]!r}")
    return value


_TOP_KEYS = {
    "id",
    "title_ja",
    "title_en",
    "unit",
    "units",
    "keyed_on",
    "verified_through",
    "verified_on",
    "rows",
    "notes",
    "refuse_after",
    "refuse_before",
    "rate_max",
}
_ROW_KEYS = {
    "effective_from",
    "effective_until",
    "key",
    "value",
    "values",
    "tiers",
    "citation",
    "also",
    "status",
    "note",
    "label",
}


def parse_table(doc: Mapping[str, Any], source: str, expected_id: str | None = None) -> Table:
    """Validate one parsed TOML document and build a :class:`Table`."""
    where = source
    unknown = set(doc) - _TOP_KEYS
    if unknown:
        first = sorted(unknown)[0]
        raise RuleDataError(f"{where}: unknown top-level key(s) {sorted(unknown)}{_closest(first, _TOP_KEYS)}")
    for req in ("id", "title_ja", "title_en", "keyed_on", "rows"):
        if req not in doc:
            raise RuleDataError(f"{where}: missing {req!r}")
    for name in ("id", "title_ja", "title_en", "keyed_on", "unit", "refuse_after", "refuse_before", "rate_max"):
        if name in doc:
            _want(doc[name], str, f"{where}: {name}", "a string")
    table_id = doc["id"]
    if expected_id is not None and table_id != expected_id:
        raise RuleDataError(f"{where}: id {table_id!r} does not match the file name {expected_id!r}")
    unit = doc.get("unit")
    units = dict(_want(doc.get("units", {}), Mapping, f"{where}: units", "a table of name = unit"))
    for name, u in [("unit", unit), *units.items()]:
        if u is not None and u not in UNITS:
            raise RuleDataError(f"{where}: {name} has unknown unit {u!r} (known: {', '.join(UNITS)})")
    rate_max = RATE_MAX
    if "rate_max" in doc:
        if not _DEC_RE.match(doc["rate_max"]):
            raise RuleDataError(f"{where}: rate_max {doc['rate_max']!r} is not a decimal number")
        rate_max = Decimal(doc["rate_max"])
    notes = doc.get("notes", [])
    if isinstance(notes, str):
        notes = [notes]
    for j, note in enumerate(_want(notes, list, f"{where}: notes", "a list of strings"), start=1):
        _want(note, str, f"{where}: notes[{j}]", "a string")
    for dkey in ("verified_through", "verified_on"):
        if dkey in doc and not isinstance(doc[dkey], date):
            raise RuleDataError(f"{where}: {dkey} must be a TOML date (YYYY-MM-DD, unquoted)")
    raw_rows = doc["rows"]
    if not isinstance(raw_rows, list) or not raw_rows:
        raise RuleDataError(f"{where}: rows must be a non-empty array of tables")

    rows: list[Row] = []
    for i, raw in enumerate(raw_rows, start=1):
        rw = f"{where} row {i}"
        if not isinstance(raw, Mapping):
            raise RuleDataError(f"{rw}: must be a table")
        bad = set(raw) - _ROW_KEYS
        if bad:
            raise RuleDataError(f"{rw}: unknown key(s) {sorted(bad)}{_closest(sorted(bad)[0], _ROW_KEYS)}")
        for name in ("key", "note", "label"):
            if name in raw:
                _want(raw[name], str, f"{rw}: {name}", "a string")
        _want(raw.get("values", {}), Mapping, f"{rw}: values", 'a table of name = "value"')
        _want(raw.get("tiers", []), list, f"{rw}: tiers", "an array of tables")
        _want(raw.get("also", []), list, f"{rw}: also", "an array of citation tables")
        eff_from = raw.get("effective_from")
        if not isinstance(eff_from, date):
            raise RuleDataError(f"{rw}: effective_from must be a TOML date")
        eff_until = raw.get("effective_until")
        if eff_until is not None and not isinstance(eff_until, date):
            raise RuleDataError(f"{rw}: effective_until must be a TOML date")
        if eff_until is not None and eff_until < eff_from:
            raise RuleDataError(f"{rw}: effective_until {eff_until} is before effective_from {eff_from}")
        if "citation" not in raw:
            raise RuleDataError(f"{rw}: every row is cited (missing citation)")
        citation = Citation.from_mapping(raw["citation"], rw)
        if citation.kind_of() == "secondary":
            raise RuleDataError(
                f"{rw}: a secondary page ({citation.authority}) is never a row's basis: cite the statute, "
                "case, official page or stated interpretation, and give the page in also"
            )
        also = tuple(Citation.from_mapping(c, f"{rw} also") for c in raw.get("also", []))
        status = raw.get("status")
        if status not in STATUSES:
            raise RuleDataError(f"{rw}: status must be one of {', '.join(STATUSES)}")
        value = None
        if "value" in raw:
            if unit is None:
                raise RuleDataError(f"{rw}: a row with value needs a table-level unit")
            value = _parse_unit(unit, raw["value"], f"{rw} value", rate_max)
        values: dict[str, Any] = {}
        for k, v in dict(raw.get("values", {})).items():
            if k not in units:
                raise RuleDataError(f"{rw}: values.{k} has no unit in [units]")
            values[k] = _parse_unit(units[k], v, f"{rw} values.{k}", rate_max)
        tiers = []
        for j, tier in enumerate(raw.get("tiers", []), start=1):
            _want(tier, Mapping, f"{rw} tier {j}", 'a table of name = "value"')
            parsed = {}
            for k, v in dict(tier).items():
                if k not in units:
                    raise RuleDataError(f"{rw} tier {j}: {k} has no unit in [units]")
                parsed[k] = _parse_unit(units[k], v, f"{rw} tier {j}.{k}", rate_max)
            tiers.append(MappingProxyType(parsed))
        if value is None and not values and not tiers:
            raise RuleDataError(f"{rw}: a row carries a value, values or tiers")
        key = raw.get("key")
        if key is not None and not isinstance(key, str):
            raise RuleDataError(f"{rw}: key must be a string")
        rows.append(
            Row(
                effective_from=eff_from,
                effective_until=eff_until,
                key=key,
                value=value,
                values=MappingProxyType(values),
                tiers=tuple(tiers),
                citation=citation,
                also=also,
                status=status,
                note=raw.get("note"),
                label=raw.get("label"),
            )
        )

    by_key: dict[str | None, list[Row]] = {}
    for row in rows:
        by_key.setdefault(row.key, []).append(row)
    for key, group in by_key.items():
        for prev, nxt in zip(group, group[1:]):
            if nxt.effective_from <= prev.effective_from:
                raise RuleDataError(f"{where}: rows for {key!r} are not sorted by effective_from ({nxt.effective_from})")
            if prev.effective_until is None or prev.effective_until >= nxt.effective_from:
                raise RuleDataError(
                    f"{where}: rows for {key!r} overlap: the row from {prev.effective_from} must end before {nxt.effective_from}"
                )
    return Table(
        id=table_id,
        title_ja=doc["title_ja"],
        title_en=doc["title_en"],
        unit=unit,
        units=MappingProxyType(units),
        keyed_on=doc["keyed_on"],
        verified_through=doc.get("verified_through"),
        verified_on=doc.get("verified_on"),
        rows=tuple(rows),
        notes=tuple(notes),
        refuse_after=doc.get("refuse_after"),
        refuse_before=doc.get("refuse_before"),
        source=source,
        by_key=MappingProxyType({k: tuple(v) for k, v in by_key.items()}),
    )


def override_dir() -> str | None:
    """The folder of a deliberate local override of the rule data (SAIKEN_RULES_DIR), or None."""
    value = os.environ.get(OVERRIDE_ENV)
    if not value:
        return None
    if not os.path.isdir(value):
        raise RuleDataError(f"{OVERRIDE_ENV}: {value!r} is not a folder (it names a folder of rule files overriding the installed ones)")
    return value


_OVERRIDDEN: dict[str, str] = {}  # file name → path, for the files read from SAIKEN_RULES_DIR


def _sha256(data: bytes) -> str:
    try:  # the builtin module: importing hashlib (OpenSSL) costs milliseconds of start-up
        from _sha256 import sha256  # type: ignore[import-not-found]
    except ImportError:  # pragma: no cover - Python 3.12+ names it _sha2
        from hashlib import sha256
    return sha256(data).hexdigest()


@cache
def manifest() -> Mapping[str, str]:
    """``data/MANIFEST.sha256``: file name → SHA-256 of each installed rule file."""
    path = os.path.join(_DATA_DIR, MANIFEST)
    try:
        with open(path, encoding="utf-8") as fh:
            lines = fh.read().splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleDataError(f"{MANIFEST}: cannot be read ({getattr(exc, 'strerror', None) or type(exc).__name__})") from None
    out: dict[str, str] = {}
    for n, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        digest, _, name = line.partition("  ")
        if not re.fullmatch(r"[0-9a-f]{64}", digest) or not name:
            raise RuleDataError(f"{MANIFEST} line {n}: not 'SHA256  name'")
        out[name] = digest
    return MappingProxyType(out)


def read_rule_file(name: str, installed: bool = False) -> bytes:
    """The bytes of rule file ``name``: from SAIKEN_RULES_DIR if it has that file (unless
    ``installed``), else the installed one, checked against the manifest. Every failure is
    RuleDataError (exit 4)."""
    override = None if installed else override_dir()
    path = os.path.join(override, name) if override and os.path.lexists(os.path.join(override, name)) else None
    shown = f"{OVERRIDE_ENV}/{name}" if path else name
    if path is None:
        path = os.path.join(_DATA_DIR, name)
    try:
        with open(path, "rb") as fh:
            data = fh.read(MAX_RULE_FILE + 1)
    except FileNotFoundError:
        raise RuleDataError(f"{shown}: rule file not found in {os.path.dirname(path)}") from None
    except IsADirectoryError:
        raise RuleDataError(f"{shown}: a folder, not a rule file") from None
    except OSError as exc:
        raise RuleDataError(f"{shown}: cannot be read ({exc.strerror or type(exc).__name__})") from None
    if len(data) > MAX_RULE_FILE:
        raise RuleDataError(f"{shown}: larger than {MAX_RULE_FILE >> 20} MB: not a rule file")
    if shown != name:
        _OVERRIDDEN[name] = path
        return data
    expected = manifest().get(name)
    if expected is None:
        raise RuleDataError(f"{name}: not listed in {MANIFEST} (run scripts/update_rules_manifest.py after adding a rule file)")
    if _sha256(data) != expected:
        raise RuleDataError(
            f"{name}: differs from its SHA-256 in {MANIFEST}: an installed rule file was edited. Reinstall saiken, "
            f"or put a deliberate local override in {OVERRIDE_ENV}; maintainers run scripts/update_rules_manifest.py"
        )
    return data


def _decode(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise RuleDataError(f"{name}: not UTF-8 text (byte {exc.start + 1})") from None


def override_warning() -> dict[str, Any] | None:
    """The warning every output carries while rule files come from SAIKEN_RULES_DIR (or None):
    a message item ``{"code", "params"}``, phrased at the edge by the catalogue (rules/ does
    not phrase, and does not import calc.messages: imports run CLI → calc → rules)."""
    if not _OVERRIDDEN:
        return None
    folder = os.path.dirname(next(iter(_OVERRIDDEN.values())))
    return {"code": "rules.local_override", "params": {"env": OVERRIDE_ENV, "folder": folder, "files": ", ".join(sorted(_OVERRIDDEN))}}


PARSED_DIR = "parsed"  # data/parsed/<table>.json: each table's TOML, parsed (see the module docstring)
_DATE_TAG = "$date"


def _untag(obj: dict) -> Any:
    return date.fromisoformat(obj[_DATE_TAG]) if len(obj) == 1 and _DATE_TAG in obj else obj


def twin_json(doc: Mapping[str, Any], source: str, source_sha256: str) -> str:
    """The JSON twin of a parsed TOML document (scripts/update_rules_manifest.py writes it)."""

    def tag(value: Any) -> Any:
        if type(value) is date:
            return {_DATE_TAG: value.isoformat()}
        if isinstance(value, dict):
            if _DATE_TAG in value:
                raise ValueError(f"{source}: the key {_DATE_TAG!r} is reserved")
            return {k: tag(v) for k, v in value.items()}
        if isinstance(value, list):
            return [tag(v) for v in value]
        if value is None or isinstance(value, (str, bool, int)):
            return value
        raise ValueError(f"{source}: a {type(value).__name__} value has no JSON twin ({value!r})")

    twin = {"source": source, "source_sha256": source_sha256, "doc": tag(doc)}
    return json.dumps(twin, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def _parsed_twin(name: str) -> Any:
    """The installed JSON twin of rule file ``name`` when it was made from the manifest's
    bytes of that file (which the caller has just checked), else None."""
    twin_name = f"{PARSED_DIR}/{name[: -len('.toml')]}.json"
    if twin_name not in manifest():
        return None
    try:
        twin = json.loads(_decode(read_rule_file(twin_name, installed=True), twin_name), object_hook=_untag)
    except ValueError:
        raise RuleDataError(f"{twin_name}: not valid JSON (run scripts/update_rules_manifest.py)") from None
    if not isinstance(twin, dict) or twin.get("source_sha256") != manifest()[name]:
        return None  # made from other bytes: parse the TOML itself
    return twin.get("doc")


def _parse_toml(data: bytes, shown: str) -> Any:
    import tomllib  # only for an override, or a table without a current twin (~3 ms to import)

    try:
        return tomllib.loads(_decode(data, shown))
    except tomllib.TOMLDecodeError as exc:
        raise RuleDataError(f"{shown}: not valid TOML: {exc}") from None
    except RecursionError:
        raise RuleDataError(f"{shown}: nested too deeply to be a rule file") from None


@cache
def load(table_id: str) -> Table:
    """Load and validate one table by id (cached for the life of the process)."""
    if not re.fullmatch(r"[a-z0-9_]+", table_id):
        raise RuleDataError(f"bad rule table id {table_id!r}")
    name = f"{table_id}.toml"
    data = read_rule_file(name)
    shown = f"{OVERRIDE_ENV}/{name}" if name in _OVERRIDDEN else name
    doc = None if name in _OVERRIDDEN else _parsed_twin(name)
    if doc is None:
        doc = _parse_toml(data, shown)
    return parse_table(doc, shown, expected_id=table_id)


HOLIDAYS_FILE = "holidays_jp.csv"


@cache
def holidays_jp() -> tuple[MappingProxyType, int, int]:
    """The 内閣府 list of 国民の祝日・休日 (rules/data/holidays_jp.csv): ({date: name}, first year, last year).

    The file's ``#`` lines give its source and coverage; the rest is ``date,name`` rows.
    """
    days: dict[date, str] = {}
    text = _decode(read_rule_file(HOLIDAYS_FILE), HOLIDAYS_FILE)
    lines = [ln.rstrip("\r") for ln in text.split("\n") if ln.strip() and not ln.startswith("#")]
    if not lines or lines[0] != "date,name":
        raise RuleDataError(f"{HOLIDAYS_FILE}: the first row must be the header date,name")
    for n, line in enumerate(lines[1:], start=2):
        day, sep, name = line.partition(",")
        try:
            on = date.fromisoformat(day)
        except ValueError:
            raise RuleDataError(f"{HOLIDAYS_FILE} row {n}: {day!r} is not a date YYYY-MM-DD") from None
        if not sep or not name or on in days:
            raise RuleDataError(f"{HOLIDAYS_FILE} row {n}: {line!r} (a date once, with its name)")
        days[on] = name
    years = [d.year for d in days]
    return MappingProxyType(days), min(years), max(years)


def table_ids() -> list[str]:
    return sorted(f[: -len(".toml")] for f in os.listdir(_DATA_DIR) if f.endswith(".toml"))


def all_tables() -> list[Table]:
    return [load(t) for t in table_ids()]


def data_date() -> str:
    """The rules-data date: the latest ``verified_on`` across all tables."""
    dates = [t.verified_on for t in all_tables() if t.verified_on]
    return max(dates).isoformat() if dates else "unknown"


_DEDUPED: dict[tuple[int, ...], tuple[tuple[Citation, ...], tuple[Citation, ...]]] = {}


def dedupe_citations(citations: Iterable[Citation]) -> list[Citation]:
    """Citations in first-seen order, each (label, url) once.

    Remembered by the identities of the citations given (module constants and rule rows,
    the same objects row after row in a batch run): the entry holds those objects, so no
    other object can take their ids while it is kept."""
    given = tuple(citations)
    key = tuple(map(id, given))
    hit = _DEDUPED.get(key)
    if hit is not None:
        return list(hit[1])
    seen: dict[tuple[str, str], Citation] = {}
    for c in given:
        seen.setdefault((c.label(), c.href() or ""), c)
    out = tuple(seen.values())
    if len(_DEDUPED) < 4096:
        _DEDUPED[key] = (given, out)
    return list(out)


def citations_of(rows: Iterable[Row]) -> list[Citation]:
    return dedupe_citations(c for row in rows for c in row.citations)


def data_version() -> str:
    """An identifier of the rule data in use: the first 12 hex digits of the SHA-256 over every
    rule file (name and bytes, in name order). Printed in reports so that a figure can be traced
    to the law data it was computed with."""
    import hashlib

    h = hashlib.sha256()
    for name in sorted(os.listdir(_DATA_DIR)):
        if name.endswith(".toml"):
            h.update(name.encode("utf-8") + b"\0")
            h.update(read_rule_file(name))  # the file in use: an override from SAIKEN_RULES_DIR too
            h.update(b"\0")
    return ("local-" if _OVERRIDDEN else "") + "sha256:" + h.hexdigest()[:12]
