"""`saiken jikou` — 消滅時効 (extinctive prescription): completion date, regime, events."""

from __future__ import annotations

import re
from typing import Annotated, Any, Optional

from saiken_cli.commands.common import Imports, check_lang, take_bool, take_list, take_str
from saiken_cli.errors import InputError

_m = Imports("jikou")  # parsing and calc.jikou, imported on first use (see commands/common.py)

HELP = """消滅時効 (extinctive prescription): when does the debt become time-barred, and from when
can the debtor invoke it (援用)? Old/new law by 附則10条, 更新・完成猶予 (旧法: 中断・停止) events,
periods by 民法140–143条.

Example:
  saiken jikou --last-payment 2019-05-01                       → 2024-05-01 (旧法・商事5年), 援用 2024-05-02から
  saiken jikou --last-payment R1.5.1 --creditor shinkin        → 2029-05-01 (旧法・民事10年)
  saiken jikou --due-date 2021-06-01 --contract-date 2021-01-10 --event 2024-03-01:承認 --event 2029-01-10:saikoku
  saiken jikou --last-payment 2019-06-01 --event 2024-09-01:shounin --as-of 2025-01-01 --json

Event kinds (--event DATE:KIND): shounin/承認, saikoku/催告, kyogi/協議合意 (:6m for an agreed shorter period),
kyozetsu/協議拒絶, teiso/訴え提起, tokusoku/支払督促, hanketsu/判決確定, torisage/取下げ, sashiosae/強制執行,
karisashiosae/仮差押え, shuryo/手続終了.
"""

EVENT_ACCEPTED = (
    "DATE:KIND with KIND one of shounin/承認, saikoku/催告, kyogi/協議合意, kyozetsu/協議拒絶, teiso/訴え提起, "
    "tokusoku/支払督促, hanketsu/判決確定, torisage/取下げ, sashiosae/強制執行, karisashiosae/仮差押え, shuryo/手続終了"
)
CLAIM_TYPE_HELP = (
    "Old-law short period (旧169–174条): loan (default), teiki (旧169 定期給付 5y), ishi (旧170-1 医療 3y), "
    "koji (旧170-2 工事 3y), bengoshi (旧172 弁護士報酬 2y), shohin (旧173-1 売掛代金 2y), seisaku (旧173-2 2y), "
    "kyoiku (旧173-3 2y), roryoku (旧174-2 1y), unchin (旧174-3 運送賃 1y), inshoku (旧174-4 飲食・宿泊 1y), sonryo (旧174-5 1y)."
)

_AGREED_RE = re.compile(r"^([0-9]{1,3})(m|か月|ヶ月|カ月|箇月|月|d|日)$")


def parse_event(text: str, flag: str = "--event"):
    """``DATE:KIND`` or ``DATE:KIND:ARG`` → Event (ARG: kyogi ``6m``/``90d``; torisage/shuryo the proceeding)."""
    p, KIND_ALIASES, Event = _m.p, _m.calc.KIND_ALIASES, _m.calc.Event
    raw = p.fold(text)
    parts = [s.strip() for s in raw.split(":")]
    if len(parts) not in (2, 3) or not parts[0] or not parts[1]:
        raise InputError(flag, raw, EVENT_ACCEPTED)
    on = p.parse_date(parts[0], flag)
    key = parts[1].lower() if parts[1].isascii() else parts[1]
    kind = KIND_ALIASES.get(key)
    if kind is None:
        raise InputError(flag, raw, EVENT_ACCEPTED)
    months = days = None
    target = None
    if len(parts) == 3:
        arg = parts[2]
        if kind == "kyogi":
            m = _AGREED_RE.match(arg)
            if not m or int(m.group(1)) == 0:
                raise InputError(flag, raw, "DATE:kyogi or DATE:kyogi:6m / :90d (an agreed period shorter than 1 year)")
            if m.group(2) in ("d", "日"):
                days = int(m.group(1))
            else:
                months = int(m.group(1))
        elif kind in ("torisage", "shuryo"):
            tkey = arg.lower() if arg.isascii() else arg
            target = KIND_ALIASES.get(tkey)
            if target not in ("teiso", "tokusoku", "sashiosae", "karisashiosae"):
                raise InputError(flag, raw, f"DATE:{kind} or DATE:{kind}:PROCEEDING (teiso, tokusoku, sashiosae, karisashiosae)")
        else:
            raise InputError(flag, raw, f"DATE:{kind} without a third part ({EVENT_ACCEPTED})")
    return Event(on, kind, agreed_months=months, agreed_days=days, target=target, flag=flag, given=raw)


def build_input(
    *,
    as_of: Optional[str],
    today,
    last_payment: Optional[str] = None,
    due_date: Optional[str] = None,
    acceleration_date: Optional[str] = None,
    subrogation_date: Optional[str] = None,
    judgment_date: Optional[str] = None,
    contract_date: Optional[str] = None,
    creditor: Optional[str] = None,
    debtor_merchant: bool = False,
    claim_type: Optional[str] = None,
    events: list[str] | None = None,
    apply_142: bool = False,
):
    """Flags (strings, as typed) → JikouInput. ``today`` is the default of --as-of (None: today
    in Japan, saiken_cli.today); a blank --as-of is refused, not read as today."""
    p, CLAIM_TYPES, CREDITOR_ALIASES, JikouInput = _m.p, _m.calc.CLAIM_TYPES, _m.calc.CREDITOR_ALIASES, _m.calc.JikouInput

    def d(value: Optional[str], flag: str):
        return p.parse_date(value, flag) if value not in (None, "") else None

    if as_of is None:
        if today is None:
            from saiken_cli import today as japan

            today = japan.today()
    else:
        from saiken_cli.today import require_not_blank

        require_not_blank(as_of, "--as-of")
    return JikouInput(
        as_of=d(as_of, "--as-of") or today,
        last_payment_on=d(last_payment, "--last-payment"),
        due_on=d(due_date, "--due-date"),
        acceleration_on=d(acceleration_date, "--acceleration-date"),
        subrogation_on=d(subrogation_date, "--subrogation-date"),
        judgment_on=d(judgment_date, "--judgment-date"),
        contract_on=d(contract_date, "--contract-date"),
        creditor=p.parse_choice(creditor or "company", "--creditor", CREDITOR_ALIASES),
        debtor_merchant=debtor_merchant,
        claim_type=p.parse_choice(claim_type, "--claim-type", tuple(CLAIM_TYPES)) if claim_type else None,
        events=tuple(parse_event(e) for e in events or []),
        apply_142=apply_142,
    )


def view(payload: dict[str, Any], lang: str):
    from saiken_cli.render import L, TableView, View, day, pick, standard_sections

    status = {
        "completed": L(lang, "時効完成 (援用可能)", "completed (may be invoked)"),
        "running": L(lang, f"進行中 (残り{payload['days_remaining']}日)", f"running ({payload['days_remaining']} days left)"),
        "suspended": L(lang, "手続係属中 (完成猶予)", "suspended (proceeding pending)"),
    }[payload["status"]]
    if payload["invocation_barred"]:
        status += L(lang, " ※完成後の承認あり", " — acknowledgment after an earlier completion")
    regime = {"old": L(lang, "旧法 (改正前民法・商法)", "old law"), "new": L(lang, "新法 (改正民法)", "new law")}[payload["regime"]]
    summary = [
        (L(lang, "時効完成日 (この日の終了時)", "Completion (end of day)"), day(payload["completion_date"], lang)),
        (L(lang, "援用できる日", "Invocable from"), day(payload["invocable_from"], lang)),
        (L(lang, "状態", "Status") + f" ({payload['as_of']})", status),
        (L(lang, "適用法", "Regime"), regime),
        (L(lang, "時効期間", "Period"), L(lang, f"{payload['period_years']}年", f"{payload['period_years']} years")),
        (L(lang, "起算の基礎", "Starting point"), f"{payload['starting_point']['fact']} {day(payload['starting_point']['date'], lang)}"),
        (L(lang, "適用法の理由", "Why this regime"), pick(payload["reason"], lang)),
        (L(lang, "期間の根拠", "Period basis"), pick(payload["period_basis"], lang)),
    ]
    tables = []
    if payload["events"]:
        tables.append(
            TableView(
                L(lang, "事由と効果", "Events and their effect"),
                [L(lang, "日付", "Date"), L(lang, "事由", "Event"), L(lang, "効果", "Effect"),
                 L(lang, "満了日 (この時点)", "Completion after it")],
                [
                    [e["date"], f"{e['kind_ja']} ({e['kind']})", pick(e["effect"], lang), e["completion_after"] or "—"]
                    for e in payload["events"]
                ],
            )
        )
    if payload["readings"]:
        tables.append(
            TableView(
                L(lang, "別の読み (契約日等により適用法が変わる場合)", "Other reading"),
                [L(lang, "適用法", "Regime"), L(lang, "期間", "Period"), L(lang, "満了日", "Completion"), L(lang, "理由", "Why")],
                [
                    [r["regime"], str(r["period_years"]), r["completion_date"] or "—", pick(r["reason"], lang)]
                    for r in payload["readings"]
                ],
            )
        )
    title = L(lang, "消滅時効の計算", "Extinctive prescription (消滅時効)")
    return View(title, summary, tables, standard_sections(payload, lang))


def jikou(
    last_payment: Annotated[Optional[str], typer.Option("--last-payment", help="最終返済日 (承認: a new period from that day). ISO or 和暦.")] = None,
    due_date: Annotated[Optional[str], typer.Option("--due-date", help="期限 / 弁済期: the right became exercisable.")] = None,
    acceleration_date: Annotated[Optional[str], typer.Option("--acceleration-date", help="期限の利益喪失日 (whole balance).")] = None,
    subrogation_date: Annotated[Optional[str], typer.Option("--subrogation-date", help="代位弁済日 (a guarantor's 求償権).")] = None,
    judgment_date: Annotated[Optional[str], typer.Option("--judgment-date", help="判決確定日: 10 years (169条).")] = None,
    contract_date: Annotated[Optional[str], typer.Option("--contract-date", help="契約日 (原因である法律行為): decides old/new law (附則10条).")] = None,
    creditor: Annotated[Optional[str], typer.Option("--creditor", help="company (default; 株式会社: bank, 消費者金融, card, servicer) | guarantor (保証会社) | shinkin | shinkumi | cooperative (農協・労金・商工中金) | hoshou-kyokai (信用保証協会) | jhf | individual.")] = None,
    debtor_merchant: Annotated[bool, typer.Option("--debtor-merchant", help="The borrower is a 商人 or borrowed for business (old law: 商事5年).")] = False,
    claim_type: Annotated[Optional[str], typer.Option("--claim-type", help=CLAIM_TYPE_HELP)] = None,
    event: Annotated[Optional[list[str]], typer.Option("--event", help="DATE:KIND (repeatable), e.g. 2022-10-20:承認, 2024-03-01:saikoku, 2024-01-10:kyogi:6m.")] = None,
    as_of: Annotated[Optional[str], typer.Option("--as-of", help="Report the status on this day (default: today).")] = None,
    apply_142: Annotated[bool, typer.Option("--apply-142", help="Extend a completion date on a Saturday/Sunday/holiday (民法142条; contested, off by default).")] = False,
    json_out: JsonOpt = False,
    lang: LangOpt = "ja",
) -> None:
    from saiken_cli.calc.jikou import compute
    from saiken_cli.render import emit

    lang = check_lang(lang)
    inp = build_input(
        as_of=as_of, today=None, last_payment=last_payment, due_date=due_date,
        acceleration_date=acceleration_date, subrogation_date=subrogation_date, judgment_date=judgment_date,
        contract_date=contract_date, creditor=creditor, debtor_merchant=debtor_merchant, claim_type=claim_type,
        events=event, apply_142=apply_142,
    )
    payload = _with_today(compute(inp).to_dict(), as_of is None)
    emit(payload, None if json_out else view(payload, lang), json_mode=json_out, lang=lang)


def register(app: typer.Typer) -> None:
    from saiken_cli.commands.common import bind_typer

    bind_typer(globals())  # typer is bound here, not imported at module load (start-up fast path, entry.py)
    app.command("jikou", help=HELP)(jikou)


FLAGS = (
    "last-payment", "due-date", "acceleration-date", "subrogation-date", "judgment-date", "contract-date",
    "creditor", "debtor-merchant", "claim-type", "event", "as-of", "apply-142",
)
# Japanese column names for batch files (saiken batch --help, README "From Excel")
ALIASES = {
    "最終返済日": "last-payment", "弁済期": "due-date", "期限": "due-date", "期限の利益喪失日": "acceleration-date",
    "代位弁済日": "subrogation-date", "判決確定日": "judgment-date", "契約日": "contract-date", "基準日": "as-of",
}


def record(fields) -> dict[str, Any]:
    """One batch record → the `--json` payload (see commands/common.py, the record protocol)."""
    inp = build_input(
        as_of=take_str(fields, "as-of"),
        today=None,
        last_payment=take_str(fields, "last-payment"),
        due_date=take_str(fields, "due-date"),
        acceleration_date=take_str(fields, "acceleration-date"),
        subrogation_date=take_str(fields, "subrogation-date"),
        judgment_date=take_str(fields, "judgment-date"),
        contract_date=take_str(fields, "contract-date"),
        creditor=take_str(fields, "creditor"),
        debtor_merchant=take_bool(fields, "debtor-merchant"),
        claim_type=take_str(fields, "claim-type"),
        events=take_list(fields, "event"),
        apply_142=take_bool(fields, "apply-142"),
    )
    return _with_today(_m.calc.compute(inp).to_dict(), take_str(fields, "as-of") is None)


def _with_today(payload: dict[str, Any], defaulted: bool) -> dict[str, Any]:
    """Say in the output when --as-of defaulted to today in Japan (saiken_cli.today)."""
    if defaulted:
        from saiken_cli import today

        payload["assumptions"].append(today.assumption("--as-of"))
        payload["today"] = today.meta()
    return payload

# For the start-up fast path (entry.py): flags without a value, repeatable, required.
SWITCHES = ('debtor-merchant', 'apply-142')
REPEATABLE = ('event',)
REQUIRED = ()
