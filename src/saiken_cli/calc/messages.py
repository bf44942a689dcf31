"""Messages as data: what calc says (a note, a warning, an assumption, a reason) as a stable
``code`` and its parameters — never a sentence. The edge phrases it in the language asked
for (``saiken_cli.catalogue``: one Japanese and one English phrasing per code).

A code is ``<calculator>.<what>`` (``damages.payment_exceeds_debt``); the part before the dot
names the catalogue file that phrases it (``src/saiken_cli/catalogue/damages.py``).

Parameter names carry their type, so the edge can format a value read back from JSON:

============================  ===================  ==========================================
name                          Python value         JSON value / phrased as
============================  ===================  ==========================================
``…_on`` (``on``)             ``date`` or None     ISO date or null / 2019-10-01 (令和元年10月1日), —
``…_yen``                     ``int``              whole yen / 500,000円 (¥500,000)
``…_ons``                     tuple of ``date``    a list of ISO dates / each as above, joined
``…_rate`` (``rate``)         ``Decimal``          decimal string ("0.2") / 20%
``…_article`` (``article``)   ``Citation``         its label (民法412条1項), both languages
``…_days`` ``…_years`` …      ``int``              number / 1,234
``…_msg``                     ``Message``          ``{"code", "params"}`` / its own phrasing
``…_msgs``                    tuple of ``Message`` a list of items / their phrasings, joined
anything else                 ``str`` / ``int``    as given (a name, a label)
============================  ===================  ==========================================

Any of them may be None where the code says so (a date not reached, an amount not given):
JSON null, phrased — (or なし, in English none, where the phrasing asks ``{x_yen:none}``).

A NamedTuple, not a dataclass: calc.damages builds messages on the `--json` fast path, and
importing dataclasses costs ~10 ms of start-up (tests/test_startup.py).
"""


from datetime import date
from decimal import Decimal
from typing import Any, NamedTuple

from saiken_cli.rules import Citation


class Message(NamedTuple):
    code: str
    params: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        """``{"code", "params"}`` with JSON values; the edge adds ``"text"`` (catalogue.localize)."""
        params = {}
        for k, v in self.params.items():  # the exact str, int and None as they are (most), without a call
            t = type(v)
            params[k] = v if t is str or t is int or v is None else _json(v)
        return {"code": self.code, "params": params}


def msg(code: str, **params: Any) -> Message:
    """``msg("damages.payment_exceeds_debt", paid_on=d, amount_yen=a, excess_yen=e)``."""
    return Message(code, params)


def _json(value: Any) -> Any:
    t = type(value)  # the common exact types first (a batch writes thousands of these a second)
    if t is str or t is int or value is None:
        return value
    if t is date:
        return value.isoformat()
    if t is Decimal:
        return str(value)
    if t is Citation:  # an article: its label
        return value.label()
    return _json_other(value)


def _json_other(value: Any) -> Any:
    if isinstance(value, (str, int)):  # bool is an int: kept as it is
        return value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, Message):
        return value.to_dict()
    label = getattr(value, "label", None)  # rules.Citation
    if callable(label):
        return label()
    if isinstance(value, tuple):  # …_msgs: a tuple of messages (a Citation, a NamedTuple too, is above)
        return [_json(v) for v in value]
    raise TypeError(f"message parameter of type {type(value).__name__}")  # pragma: no cover - a bug


def to_dicts(messages: Any) -> list[dict[str, Any]]:
    """A sequence of messages as JSON items."""
    return [m.to_dict() for m in messages] if messages else []


def beyond_verified(table: Any, on: date) -> Message | None:
    """``rules.beyond_verified`` when ``on`` lies past the date through which the rule table
    (a ``rules.Table``) was checked; None otherwise. ``table`` is phrased by its id and title."""
    through = table.verified_through
    if through and on > through:
        return msg("rules.beyond_verified", table=table.id, verified_through_on=through, on=on)
    return None
