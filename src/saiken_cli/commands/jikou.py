"""`saiken jikou` — 消滅時効 (extinctive prescription): completion date, regime, events."""

from __future__ import annotations

import re
from typing import Any, Optional

from saiken_cli.commands.spec import Command, Flag
from saiken_cli.errors import InputError
from saiken_cli.parsing import fold, parse_choice, parse_date

# calc.jikou is imported inside the functions that need it: `saiken --help` (and shell
# completion) registers every command, and calc.jikou with its rule tables is the heaviest
# calculator (≈10 ms of the ≈40 ms that importing every calculator adds there, issue 16);
# each such import costs ≈10,000 instructions (≈0.5 µs) a batch row.

HELP = """消滅時効 (extinctive prescription): when does the debt become time-barred, and from when
can the debtor invoke it (援用)? Old/new law by 附則10条, 更新・完成猶予 (旧法: 中断・停止) events,
periods by 民法140–143条.

Example:
  saiken jikou --last-payment 2019-05-01                       → 2024-05-01 (旧法・商事5年), 援用 2024-05-02から
  saiken jikou --last-payment R1.5.1 --creditor shinkin        → 2029-05-01 (旧法・民事10年)
  saiken jikou --due-date 2021-06-01 --contract-date 2021-01-10 --event 2024-03-01:承認 --event 2029-01-10:saikoku
  saiken jikou --last-payment 2019-06-01 --event 2024-09-01:shounin --as-of 2025-01-01 --json
  saiken jikou --claim-type tort --tort-date 2021-05-10 --knew-damage-on 2021-06-01 --life-body   → 724条の2 (5年)

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
    "kyoiku (旧173-3 2y), roryoku (旧174-2 1y), unchin (旧174-3 運送賃 1y), inshoku (旧174-4 飲食・宿泊 1y), sonryo (旧174-5 1y); "
    "tort (不法行為: 724条, with --tort-date)."
)

_AGREED_RE = re.compile(r"^([0-9]{1,3})(m|か月|ヶ月|カ月|箇月|月|d|日)$")


def parse_event(text: str, flag: str = "--event"):
    """``DATE:KIND`` or ``DATE:KIND:ARG`` → Event (ARG: kyogi ``6m``/``90d``; torisage/shuryo the proceeding)."""
    from saiken_cli.calc.jikou import KIND_ALIASES, Event

    raw = fold(text)
    parts = [s.strip() for s in raw.split(":")]
    if len(parts) not in (2, 3) or not parts[0] or not parts[1]:
        raise InputError(flag, raw, EVENT_ACCEPTED)
    on = parse_date(parts[0], flag)
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


#: --suspension-reading values (rules/data/suspension_reading.toml keys) and their aliases
SUSPENSION_READINGS = {"drafters": "drafters", "立案担当者": "drafters", "一問一答": "drafters", "literal": "literal", "文言": "literal"}


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
    event: list[str] | None = None,
    apply_142: bool = False,
    suspension_reading: Optional[str] = None,
    knew_on: Optional[str] = None,
    tort_date: Optional[str] = None,
    knew_damage_on: Optional[str] = None,
    life_body: bool = False,
):
    """Flags (strings, as typed) → JikouInput. ``today`` is the default of --as-of (None: today
    in Japan, saiken_cli.today); a blank --as-of is refused, not read as today."""
    from saiken_cli.calc.jikou import CLAIM_TYPES, CREDITOR_ALIASES, TORT, JikouInput

    def d(value: Optional[str], flag: str):
        return parse_date(value, flag) if value not in (None, "") else None

    if as_of is None:
        if today is None:
            from saiken_cli import today as japan

            today = japan.today()
    else:
        from saiken_cli.today import require_not_blank

        require_not_blank(as_of, "--as-of")
    claim = parse_choice(claim_type, "--claim-type", {**{c: c for c in CLAIM_TYPES}, TORT: TORT, "不法行為": TORT}) if claim_type else None
    if claim == TORT:
        # a tort has no creditor type or merchant borrower (the victim's claim for damages)
        if creditor not in (None, ""):
            raise InputError("--creditor", creditor, "no value with --claim-type tort (不法行為: the victim's claim)")
        if debtor_merchant:
            raise InputError("--debtor-merchant", "true", "no value with --claim-type tort (不法行為: the victim's claim)")
    return JikouInput(
        as_of=d(as_of, "--as-of") or today,
        last_payment_on=d(last_payment, "--last-payment"),
        due_on=d(due_date, "--due-date"),
        acceleration_on=d(acceleration_date, "--acceleration-date"),
        subrogation_on=d(subrogation_date, "--subrogation-date"),
        judgment_on=d(judgment_date, "--judgment-date"),
        contract_on=d(contract_date, "--contract-date"),
        creditor=parse_choice(creditor or "company", "--creditor", CREDITOR_ALIASES),
        debtor_merchant=debtor_merchant,
        claim_type=claim,
        events=tuple(parse_event(e) for e in event or []),
        apply_142=apply_142,
        suspension_reading=parse_choice(suspension_reading or "drafters", "--suspension-reading", SUSPENSION_READINGS),
        knew_on=d(knew_on, "--knew-on"),
        tort_on=d(tort_date, "--tort-date"),
        knew_damage_on=d(knew_damage_on, "--knew-damage-on"),
        life_body=life_body,
    )


def start_fact(flag: str, lang: str) -> str:
    """The name of the fact a period starts from (``starting_point.fact`` is its flag)."""
    from saiken_cli.calc.jikou.result import FACT_FLAGS, FACT_TERMS
    from saiken_cli.render import text

    name = next(n for n, (f, _) in FACT_FLAGS.items() if f == flag)
    return text(FACT_TERMS[name], lang)


def _exclusion(payload: dict[str, Any]) -> bool:
    """The old 724条後段's 除斥期間 governs (a tort before 2020-04-01: 附則35条1項)."""
    tort = payload.get("tort")
    return bool(tort) and tort["governing"] == "objective" and tort["objective"]["nature"] == "exclusion"


def status_text(payload: dict[str, Any], lang: str) -> str:
    """The status on ``as_of`` in words (this view and the report's summary)."""
    from saiken_cli.render import L

    if _exclusion(payload) and payload["status"] == "completed":
        return L(lang, "除斥期間経過 (権利消滅・援用不要)", "extinguished (除斥期間 elapsed; no 援用 needed)")
    return {
        "completed": L(lang, "時効完成 (援用可能)", "completed (may be invoked)"),
        "running": L(lang, f"進行中 (残り{payload['days_remaining']}日)", f"running ({payload['days_remaining']} days left)"),
        "suspended": L(lang, "手続係属中 (完成猶予)", "suspended (proceeding pending)"),
    }[payload["status"]]


def view(payload: dict[str, Any], lang: str):
    from saiken_cli.render import L, TableView, View, day, standard_sections, text

    status = status_text(payload, lang)
    tort = payload.get("tort")
    exclusion = _exclusion(payload)
    if payload["invocation_barred"]:
        status += L(lang, " ※完成後の承認あり", " — acknowledgment after an earlier completion")
    regimes = {"old": L(lang, "旧法 (改正前民法・商法)", "old law"), "new": L(lang, "新法 (改正民法)", "new law")}
    regime = regimes[payload["regime"]]
    summary = [
        (L(lang, "除斥期間の満了日 (この日の終了時)", "End of the 除斥期間 (end of day)") if exclusion
         else L(lang, "時効完成日 (この日の終了時)", "Completion (end of day)"), day(payload["completion_date"], lang)),
        (L(lang, "援用できる日", "Invocable from"), day(payload["invocable_from"], lang)),
        (L(lang, "状態", "Status") + f" ({payload['as_of']})", status),
        (L(lang, "適用法", "Regime"), regime),
        (L(lang, "除斥期間", "Period (除斥期間)") if exclusion else L(lang, "時効期間", "Period"),
         L(lang, f"{payload['period_years']}年", f"{payload['period_years']} years")),
        (L(lang, "起算の基礎", "Starting point"), f"{start_fact(payload['starting_point']['fact'], lang)} {day(payload['starting_point']['date'], lang)}"),
        (L(lang, "適用法の理由", "Why this regime"), text(payload["reason"], lang) if payload["reason"] else "—"),
        (L(lang, "期間の根拠", "Period basis"), text(payload["period_basis"], lang)),
    ]
    knowledge = payload.get("knowledge")
    if knowledge and knowledge["applies"]:
        limb_names = {
            "subjective": L(lang, "知った時から (166条1項1号)", "from knowledge (166条1項1号)"),
            "objective": L(lang, "行使できる時から (166条1項2号)", "from exercisability (166条1項2号)"),
        }
        for name in ("subjective", "objective"):
            limb = knowledge[name]
            mark = L(lang, " ← 適用", " ← governs") if knowledge["governing"] == name else ""
            summary.append((
                L(lang, "満了日 ", "Completion ") + limb_names[name],
                f"{day(limb['completion_date'], lang)} ({day(limb['starting_date'], lang)}"
                + L(lang, f"から{limb['period_years']}年)", f" + {limb['period_years']} years)") + mark,
            ))
    if tort:
        summary.extend(_tort_rows(tort, lang))
    tables = []
    if payload["events"]:
        tables.append(
            TableView(
                L(lang, "事由と効果", "Events and their effect"),
                [L(lang, "日付", "Date"), L(lang, "事由", "Event"), L(lang, "効果", "Effect"),
                 L(lang, "満了日 (この時点)", "Completion after it")],
                [
                    [e["date"], f"{e['kind_ja']} ({e['kind']})", text(e["effect"], lang), e["completion_after"] or "—"]
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
                    [regimes[r["regime"]], L(lang, f"{r['period_years']}年", f"{r['period_years']} years"), r["completion_date"] or "—", text(r["reason"], lang) if r["reason"] else "—"]
                    for r in payload["readings"]
                ],
            )
        )
    title = L(lang, "消滅時効の計算", "Extinctive prescription (消滅時効)")
    return View(title, summary, tables, standard_sections(payload, lang))


def _tort_rows(tort: dict[str, Any], lang: str) -> list[tuple[str, str]]:
    """不法行為: each limb's completion date, the one that governs marked (724条1号・2号)."""
    from saiken_cli.render import L, day

    rows = []
    for name in ("subjective", "objective"):
        limb = tort[name]
        label = L(lang, "満了日 知った時から", "Completion from knowledge") if name == "subjective" else L(
            lang, "満了日 不法行為の時から", "Completion from the act")
        if limb is None:
            rows.append((label, L(lang, "— (知った日が不明のため判定できない)", "— (knowledge date not given)")))
            continue
        nature = L(lang, "除斥期間 ", "除斥期間, ") if limb["nature"] == "exclusion" else ""
        mark = L(lang, " ← 適用", " ← governs") if tort["governing"] == name else ""
        rows.append((
            label,
            f"{day(limb['completion_date'], lang)} ({nature}{limb['starting_date']}"
            + L(lang, f"から{limb['period_years']}年)", f" + {limb['period_years']} years)") + mark,
        ))
    return rows


def payload(values: dict[str, Any]) -> dict[str, Any]:
    """The inputs (``SPEC.read`` or the Typer options) → the ``--json`` payload."""
    from saiken_cli.calc.jikou import compute

    return _with_today(compute(build_input(today=None, **values)).to_dict(), values["as_of"] is None)


SPEC = Command("jikou", HELP, (
    Flag("last-payment", "date", "最終返済日 (承認: その日から新たな期間が進行)", "最終返済日 (承認: a new period from that day). ISO or 和暦.",
         aliases=("最終返済日",),
         doc="最終返済日. Alone: the practitioners' shortcut (a payment is a 承認, so a new period runs from it); the output "
             "says that the strict starting point is the next due date or the acceleration date and that this gives the "
             "**earliest possible** date. With another starting fact: a payment after it is entered in the timeline as a "
             "承認 (so a payment after completion is caught)."),
    Flag("due-date", "date", "期限・弁済期 (権利を行使できる時)", "期限 / 弁済期: the right became exercisable.", aliases=("弁済期", "期限")),
    Flag("acceleration-date", "date", "期限の利益喪失日 (残額全部)", "期限の利益喪失日 (whole balance).", aliases=("期限の利益喪失日",),
         doc="期限の利益喪失日 (whole balance; for 請求喪失型 clauses the date acceleration was declared, 最判昭42.6.23)."),
    Flag("subrogation-date", "date", "代位弁済日 (保証人の求償権)", "代位弁済日 (a guarantor's 求償権).", aliases=("代位弁済日",)),
    Flag("judgment-date", "date", "判決確定日 (10年: 民法169条)", "判決確定日: 10 years (169条).", aliases=("判決確定日",),
         doc="判決確定日 (or 和解・調停・仮執行宣言付支払督促): 10 years (169条1項 / 旧174条の2). A due date after it keeps the "
             "ordinary period (169条2項)."),
    Flag("contract-date", "date", "契約日 (原因である法律行為): 旧法・新法を決める (附則10条)",
         "契約日 (原因である法律行為): decides old/new law (附則10条).", aliases=("契約日",),
         doc="契約日 (原因である法律行為): with the date the claim arose, decides old or new law (附則10条1項・4項)."),
    Flag("creditor", "choice", "債権者の種類 (旧法でのみ意味をもつ)",
         "company (default; 株式会社: bank, 消費者金融, card, servicer) | guarantor (保証会社) | shinkin | shinkumi | "
         "cooperative (農協・労金・商工中金) | hoshou-kyokai (信用保証協会) | jhf | jasso (日本学生支援機構) | individual.",
         doc="`company` (default; 株式会社: bank, 消費者金融, card company, servicer), `guarantor` (保証会社), `shinkin` "
             "(信用金庫), `shinkumi` (信用組合), `cooperative` (農協・労働金庫・商工中金), `hoshou-kyokai` (信用保証協会), `jhf` "
             "(住宅金融支援機構), `jasso` (日本学生支援機構: 奨学金; each 割賦金 prescribes on its own from its due date — one "
             "installment's --due-date per run), `individual` (個人). Japanese names are accepted (信用金庫 …). Matters only under the old law (§4.3)."),
    Flag("debtor-merchant", "switch", "債務者が商人、または事業のための借入れ (旧法: 商事5年)",
         "The borrower is a 商人 or borrowed for business (old law: 商事5年).",
         doc="The borrower is a 商人 or borrowed for business: old law 商事5年 whoever lends (商法3条1項)."),
    Flag("claim-type", "choice", "債権の種類: 旧法の短期消滅時効 (旧169–174条) または不法行為", CLAIM_TYPE_HELP,
         doc="Old-law short periods: `teiki` (旧169 5y), `ishi` (旧170-1 3y), `koji` (旧170-2 3y), `bengoshi` (旧172 2y), "
             "`shohin` (旧173-1 2y), `seisaku` (旧173-2 2y), `kyoiku` (旧173-3 2y), `roryoku` (旧174-2 1y), `unchin` "
             "(旧174-3 1y), `inshoku` (旧174-4 1y), `sonryo` (旧174-5 1y); default `loan`. Ignored (with a note) under the "
             "new law, which abolished them. Wages (旧174-1, 労基法115条) are out of scope. `tort` (不法行為): a claim for "
             "damages in tort (724条・724条の2, old 724条, 附則35条) from `--tort-date` and `--knew-damage-on`, with "
             "`--life-body`; the loan facts (--due-date …, --creditor) are refused with it, a payment or judgment is an `--event`."),
    Flag("event", "event", "時効の事由 日付:種類 (繰返し可: 承認・催告・協議合意・訴え提起 …)",
         "DATE:KIND (repeatable), e.g. 2022-10-20:承認, 2024-03-01:saikoku, 2024-01-10:kyogi:6m.", repeatable=True,
         doc="Repeatable. Kinds (romaji or Japanese): `shounin`/承認 (payment, request to defer or reduce, signed "
             "acknowledgment → 更新), `saikoku`/催告 (完成猶予 6 months from the demand; a second demand inside it has no "
             "effect, 150条), `kyogi`/協議合意 (151条: 猶予 1 year, or `:6m` / `:90d` for an agreed shorter period; renewals "
             "capped at 5 years; none before 2020-04-01, 附則10条3項), `kyozetsu`/協議拒絶 (written refusal: the 猶予 ends 6 "
             "months later), `teiso`/訴え提起 and `tokusoku`/支払督促 (猶予 while pending), `hanketsu`/判決確定 (更新, new "
             "period 10 years), `torisage`/取下げ (ends a pending proceeding without fixing the right: 猶予 until 6 months "
             "later; old law: no 中断), `sashiosae`/強制執行 (pending; its end renews, 148条), `karisashiosae`/仮差押え "
             "(pending; 6 months after its end, 149条), `shuryo`/手続終了 (the end of a pending execution or provisional "
             "attachment). `torisage`/`shuryo` end the latest pending proceeding, or the one named: "
             "`2024-05-01:torisage:teiso`. In a batch CSV cell several events are separated by `;`."),
    Flag("knew-on", "date", "債権者が権利を行使することができることを知った日 (新法: 166条1項1号)",
         "The day the creditor knew it could exercise the right (new law: 166条1項1号).", aliases=("知った日",),
         doc="債権者が権利を行使することができることを知った日 (166条1項1号). New law: the claim prescribes at the earlier "
             "of 5 years from this day and 10 years from when the right could be exercised (2号); both dates are shown "
             "in `knowledge`, with the one that governs. Without it a loan's creditor is taken to know its due date (both "
             "limbs start together). Old law (附則10条4項): no subjective period, so it has no effect (said in the notes)."),
    Flag("tort-date", "date", "不法行為の時 (不法行為: 20年の起算点、724条2号)",
         "不法行為の時: the tortious act (with --claim-type tort; 20 years, 724条2号).", aliases=("不法行為の時", "不法行為日"),
         doc="不法行為の時 (with `--claim-type tort`): the 20 years of 724条2号 run from it. Before 2020-04-01: if those 20 "
             "years had already elapsed on 2020-04-01 (last day 2020-03-31 or earlier), the old 724条後段 applies as a 除斥期間 "
             "(最判平成元年12月21日: no event extends it, no 援用 needed; 最大判令和6年7月3日: relying on it may be an abuse "
             "of right); otherwise the new 724条2号, a prescription period (附則35条1項)."),
    Flag("knew-damage-on", "date", "被害者が損害及び加害者を知った日 (不法行為: 724条1号)",
         "The day the victim knew of the damage and the tortfeasor (tort: 724条1号).",
         aliases=("損害及び加害者を知った日", "損害を知った日"),
         doc="被害者又はその法定代理人が損害及び加害者を知った日 (with `--claim-type tort`): 3 years from it (724条1号; old "
             "724条前段), 5 years for damage to life or body (`--life-body`, 724条の2). The earlier of this limb and the "
             "20 years governs; both are shown in `tort`. Not the same fact as `--knew-on` (166条1項1号, which a tort claim "
             "does not use). Without it the 20-year date is shown and the output says that the 3/5 years cannot be determined."),
    Flag("life-body", "switch", "人の生命又は身体を害する不法行為 (知った時から5年: 724条の2)",
         "Damage to life or body: 5 years from knowledge (724条の2).", aliases=("生命身体",),
         doc="人の生命又は身体を害する不法行為: 5 years instead of 3 from knowledge (724条の2). For a tort before 2020-04-01, "
             "only if the old 3 years had not yet completed on 2020-04-01 (附則35条2項)."),
    Flag("as-of", "date", "この日現在の状態を示す (既定: 日本の今日)", "Report the status on this day (default: today).",
         aliases=("基準日",), doc="Report the status on this day (default: today in Japan, said in the output)."),
    Flag("apply-142", "switch", "民法142条を適用 (完成日が土日祝日なら翌開庁日へ; 争いあり、既定は適用しない)",
         "Extend a completion date on a Saturday/Sunday/holiday (民法142条; contested, off by default)."),
    Flag("suspension-reading", "choice", "150条2項・151条3項「猶予されている間」の読み方 (既定: 立案担当者の読み)",
         "150条2項・151条3項 「猶予されている間」: drafters (default; 一問一答 Q25 注: after the would-be completion date) | "
         "literal (from the 催告 itself).", choices=("drafters", "literal"),
         doc="150条2項・151条3項: `drafters` (default; 一問一答 Q25 注: a second 催告 or a 協議の合意 is void only once the "
             "period would have completed without the first) or `literal` (void from the first 催告 on). The other reading "
             "is shown in `readings` when it gives another date."),
))


def register(app) -> None:
    SPEC.register(app, payload=payload, view=view)


#: The payload's top-level keys that hold no message items: ``saiken batch`` does not walk them
#: when it phrases the record (catalogue.localize; checked by tests/test_localize_keys.py).
PLAIN_KEYS = frozenset(("starting_point", "pending_proceedings", "barred_completions", "citations"))


def record(fields) -> dict[str, Any]:
    """One batch record → the `--json` payload (see commands/common.py, the record protocol)."""
    return payload(SPEC.read(fields))


def _with_today(payload: dict[str, Any], defaulted: bool) -> dict[str, Any]:
    """Say in the output when --as-of defaulted to today in Japan (saiken_cli.today)."""
    if defaulted:
        from saiken_cli import today

        payload["assumptions"].append(today.assumption_item("--as-of"))
        payload["today"] = today.meta()
    return payload
