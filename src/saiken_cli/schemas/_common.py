"""Building blocks shared by the per-command schemas: citations, rule rows, formats.

Import these in ``schemas/<command>.py``; every model forbids unknown keys so that a
payload change without a schema change fails the schema tests.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, Optional, Union

from pydantic import BaseModel, ConfigDict, Field

ISO_DATE = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
DECIMAL = r"^-?[0-9]+(\.[0-9]+)?$"
FRACTION = r"^-?[0-9]+(/[0-9]+)?$"

IsoDate = Annotated[str, Field(pattern=ISO_DATE, description="A date, YYYY-MM-DD.")]
DecimalStr = Annotated[str, Field(pattern=DECIMAL, description="An exact decimal number written as a string.")]
Yen = Annotated[int, Field(description="Whole yen.")]
CitationKind = Literal["statute", "case", "official", "interpretation", "secondary"]
Status = Literal["VERIFIED-STATUTE", "VERIFIED-OFFICIAL", "VERIFIED-SECONDARY", "COMPUTED", "INTERPRETATION", "UNVERIFIED"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class Citation(Strict):
    """``rules.Citation.to_dict()``: a statute article, a judgment or an official document."""

    law: Optional[str] = None
    law_no: Optional[str] = None
    article: Optional[str] = None
    paragraph: Optional[str] = None
    item: Optional[str] = None
    version: Optional[str] = None
    amended_by: Optional[str] = None
    case: Optional[str] = None
    authority: Optional[str] = None
    document: Optional[str] = None
    url: Optional[str] = Field(
        None,
        description="A statute's e-Gov 法令検索 page (https://laws.e-gov.go.jp/law/<法令ID>, with "
        "#Mp-At_<article> where e-Gov has the article), a case's courts.go.jp page, or an official "
        "or secondary page.",
    )
    en: Optional[str] = None
    kind: CitationKind = Field(
        description="statute, case, official (a court's or ministry's page), interpretation (a reading "
        "stated in words) or secondary (a law firm, blog or Q&A page: further reading, never the "
        "sole basis; shown under 参考, not 根拠)."
    )
    reporter: Optional[str] = Field(None, description="A case's reporter, e.g. 民集64巻3号921頁.")
    label: str = Field(description="The Japanese citation label, e.g. 民法419条1項.")


#: A parsed rule value as JSON: int (yen, years, days, counts) or a string (rates,
#: fractions, dates, text).
RuleValue = Union[int, str]


class RuleRow(Strict):
    """``rules.Row.to_dict()``: one dated row of a rule table."""

    effective_from: IsoDate
    effective_until: Optional[IsoDate] = None
    key: Optional[str] = None
    label: Optional[str] = None
    value: Optional[RuleValue] = None
    values: Optional[dict[str, RuleValue]] = None
    tiers: Optional[list[dict[str, RuleValue]]] = None
    status: Status
    citations: list[Citation]
    note: Optional[str] = None


class Today(Strict):
    """Present when a date defaulted to "today": the date in Japan, read once per run."""

    date: IsoDate
    zone: Literal["Asia/Tokyo"]
    source: Literal["clock", "SAIKEN_TODAY"] = Field(description="the clock, or the SAIKEN_TODAY environment variable")


class Message(Strict):
    """A note, warning, assumption or reason (calc/messages.py): match on ``code``, read ``text``."""

    code: str = Field(
        pattern=r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$",
        description="Stable identifier of what is said, e.g. damages.payment_exceeds_debt; never changes once published.",
    )
    params: dict[str, Any] = Field(
        description="The values the text is built from, typed by name: *_on ISO date, *_yen whole yen, "
        "*_ons a list of ISO dates, *_rate decimal string, *article citation label, *_msg a nested message {code, params}, "
        "*_msgs a list of them."
    )
    text: str = Field(description="The message phrased in the --lang language (ja by default).")
