"""Document templates as dated, cited data (rules/templates/*.toml).

A template file holds one document kind (``enyou``: 消滅時効援用通知書, ``seikyu``: 請求の趣旨)
in ``[[versions]]``, each in force from its ``effective_from`` and carrying its citations.
Loading validates strictly (exit 4 on a broken file): unknown keys, placeholders that are not
declared ``fields``, versions out of order, a version without a citation.

Standard library only (tomllib, string.Formatter); no I/O beyond reading the file.
"""

from __future__ import annotations

import os
import string
import tomllib
from datetime import date
from functools import cache
from typing import Any, Mapping, NamedTuple

from saiken_cli.errors import RuleDataError, RuleNotInForce
from saiken_cli.rules import STATUSES, Citation

TEMPLATE_DIR = os.path.join(os.path.dirname(os.path.dirname(__file__)), "rules", "templates")

_TOP = {"id", "title_ja", "kind", "verified_on", "fields", "versions"}
_VERSION = {"effective_from", "status", "citations", "also", "note", "blocks", "items",
            "claim_running", "claim_part", "costs", "closing"}
_BLOCK = {"text", "first", "rest", "align", "when", "items"}
_ITEM = {"label", "text", "when"}
_TEXTS = ("claim_running", "claim_part", "costs", "closing")


class Version(NamedTuple):
    effective_from: date
    status: str
    citations: tuple[Citation, ...]
    also: tuple[Citation, ...]
    note: str | None
    blocks: tuple[Mapping[str, str], ...]
    items: tuple[Mapping[str, str], ...]
    texts: Mapping[str, str]


class Template(NamedTuple):
    id: str
    title_ja: str
    kind: str
    verified_on: date | None
    fields: tuple[str, ...]
    versions: tuple[Version, ...]
    source: str

    def on(self, when: date) -> Version:
        """The version in force on ``when``; refuse (exit 3) before the first."""
        found = None
        for v in self.versions:
            if v.effective_from <= when:
                found = v
        if found is None:
            raise RuleNotInForce(
                f"{self.title_ja} ({self.id}): {when.isoformat()} — saiken has no template before "
                f"{self.versions[0].effective_from.isoformat()}"
            )
        return found


def _placeholders(text: str, where: str) -> set[str]:
    try:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    except ValueError as exc:
        raise RuleDataError(f"{where}: bad placeholder in {text!r}: {exc}") from None


def parse_template(doc: Mapping[str, Any], source: str, expected_id: str | None = None) -> Template:
    unknown = set(doc) - _TOP
    if unknown:
        raise RuleDataError(f"{source}: unknown top-level key(s) {sorted(unknown)}")
    for req in ("id", "title_ja", "kind", "fields", "versions"):
        if req not in doc:
            raise RuleDataError(f"{source}: missing {req!r}")
    if expected_id is not None and doc["id"] != expected_id:
        raise RuleDataError(f"{source}: id {doc['id']!r} does not match the file name {expected_id!r}")
    fields = tuple(doc["fields"])
    versions: list[Version] = []
    for i, raw in enumerate(doc["versions"], start=1):
        where = f"{source} version {i}"
        bad = set(raw) - _VERSION
        if bad:
            raise RuleDataError(f"{where}: unknown key(s) {sorted(bad)}")
        if not isinstance(raw.get("effective_from"), date):
            raise RuleDataError(f"{where}: effective_from must be a TOML date")
        if raw.get("status") not in STATUSES:
            raise RuleDataError(f"{where}: status must be one of {', '.join(STATUSES)}")
        if not raw.get("citations"):
            raise RuleDataError(f"{where}: every version is cited (missing citations)")
        citations = tuple(Citation.from_mapping(c, f"{where} citation") for c in raw["citations"])
        also = tuple(Citation.from_mapping(c, f"{where} also") for c in raw.get("also", []))
        texts: list[tuple[str, str]] = []
        for b, block in enumerate(raw.get("blocks", []), start=1):
            bad = set(block) - _BLOCK
            if bad:
                raise RuleDataError(f"{where} block {b}: unknown key(s) {sorted(bad)}")
            if block.get("align", "left") not in ("left", "right", "center"):
                raise RuleDataError(f"{where} block {b}: align must be left, right or center")
            texts.append((f"{where} block {b}", block.get("text", "")))
            if block.get("when"):
                texts.append((f"{where} block {b} when", "{" + block["when"] + "}"))
        for n, item in enumerate(raw.get("items", []), start=1):
            bad = set(item) - _ITEM
            if bad:
                raise RuleDataError(f"{where} item {n}: unknown key(s) {sorted(bad)}")
            texts.append((f"{where} item {n}", item.get("text", "")))
        for key in _TEXTS:
            if key in raw:
                texts.append((f"{where} {key}", raw[key]))
        for w, text in texts:
            undeclared = _placeholders(text, w) - set(fields)
            if undeclared:
                raise RuleDataError(f"{w}: placeholder(s) {sorted(undeclared)} not in fields")
        versions.append(
            Version(
                effective_from=raw["effective_from"],
                status=raw["status"],
                citations=citations,
                also=also,
                note=raw.get("note"),
                blocks=tuple(dict(b) for b in raw.get("blocks", [])),
                items=tuple(dict(x) for x in raw.get("items", [])),
                texts={k: raw[k] for k in _TEXTS if k in raw},
            )
        )
    for prev, nxt in zip(versions, versions[1:]):
        if nxt.effective_from <= prev.effective_from:
            raise RuleDataError(f"{source}: versions are not sorted by effective_from ({nxt.effective_from})")
    if not versions:
        raise RuleDataError(f"{source}: no versions")
    return Template(
        id=doc["id"], title_ja=doc["title_ja"], kind=doc["kind"], verified_on=doc.get("verified_on"),
        fields=fields, versions=tuple(versions), source=source,
    )


@cache
def load(template_id: str) -> Template:
    path = os.path.join(TEMPLATE_DIR, f"{template_id}.toml")
    try:
        with open(path, "rb") as fh:
            doc = tomllib.load(fh)
    except FileNotFoundError:
        raise RuleDataError(f"template {template_id!r} not found in {TEMPLATE_DIR}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise RuleDataError(f"{os.path.basename(path)}: not valid TOML: {exc}") from None
    return parse_template(doc, os.path.basename(path), expected_id=template_id)


def template_ids() -> list[str]:
    return sorted(f[: -len(".toml")] for f in os.listdir(TEMPLATE_DIR) if f.endswith(".toml"))


def fill(text: str, values: Mapping[str, str]) -> str:
    """``text`` with its placeholders replaced (every placeholder is a declared field)."""
    return text.format_map({k: ("" if v is None else str(v)) for k, v in values.items()})
