"""Phrasings of calc/matter.py and saiken_cli/matter.py (one debtor, every creditor:
``saiken report MATTER.toml``): see catalogue/__init__.py.

Dates are shown as ISO dates (``{x_on:iso}``), as the report's tables show them; a claimed
amount that was not given is なし (``{claimed_yen:none}``). The case-file keys named in
Japanese are keys the matter file accepts (saiken_cli/matter.py CASE_KEYS)."""

MESSAGES = {
    "matter.recalculated_balance": (
        "取引履歴 {source} を利息制限法の上限利率で引き直し計算した残元金 {balance_yen} を、請求額 {claimed_yen:none} に代えて用いた",
        "the balance recalculated at the 利息制限法 cap from {source}, {balance_yen}, replaces the claimed {claimed_yen:none}",
    ),
    "matter.claimed_interest_replaced": (
        "請求の未払利息 {claimed_yen} に代えて引き直し計算による未払利息 {interest_yen} を用いた",
        "the claimed unpaid interest {claimed_yen} is replaced by the recalculated {interest_yen}",
    ),
    "matter.damages_rate_legal": (
        "遅延損害金の約定利率の記載がないため法定利率で計算 (民法419条1項)",
        "no contractual damages rate given: the statutory rate is used (民法419条1項)",
    ),
    "matter.payments_not_to_claimed_interest": (
        "期限の利益喪失後の弁済は遅延損害金→元本の順に充当し、請求の未払利息 {interest_yen} には充当していない"
        " (民法489条1項では利息にも充当されうる: 債権者の計算と照合すること)",
        "payments after default are applied to damages, then principal, not to the claimed interest {interest_yen}"
        " (民法489条1項 may apply them to interest too: compare with the creditor's statement)",
    ),
    "matter.damages_not_computed": (
        "期限の利益喪失日・弁済期・損害金の起算日がないため、遅延損害金は計算していない (残高は元本と利息のみ)",
        "no acceleration date, due date or damages start given: late-payment damages are not computed",
    ),
    "matter.acknowledged_after_completion": (
        "時効完成後の承認 ({acknowledged_ons:iso}): 援用は信義則上許されない (最大判昭和41年4月20日)。承認の事情を確認すること",
        "acknowledged after completion ({acknowledged_ons:iso}): invoking prescription is barred in good faith (最大判昭和41年4月20日)",
    ),
    "matter.proceeding_pending": (
        "係属中の手続があり時効の完成が猶予されている: 手続の帰趨を確認すること",
        "a proceeding is pending: completion of prescription is suspended",
    ),
    "matter.judgment": (
        "判決確定 {judgment_on:iso}: 時効期間は{period_years}年 (民法169条1項)。判決正本・確定証明を確認すること",
        "final judgment of {judgment_on:iso}: the period is {period_years} years (民法169条1項)",
    ),
    "matter.judgment_old_law": (
        "判決確定 {judgment_on:iso}: 時効期間は{period_years}年 (旧民法174条の2第1項)。判決正本・確定証明を確認すること",
        "final judgment of {judgment_on:iso}: the period is {period_years} years (旧民法174条の2第1項)",
    ),
    "matter.judgment_debt_not_due": (
        "判決確定 {judgment_on:iso}: 確定時に弁済期が到来していないため判決による10年は適用されず、時効期間は{period_years}年"
        " (民法169条2項・旧民法174条の2第2項)。判決正本・確定証明を確認すること",
        "final judgment of {judgment_on:iso}: the debt was not yet due then, so the judgment's 10 years do not apply; the "
        "period is {period_years} years (民法169条2項; 旧民法174条の2第2項)",
    ),
    "matter.reading_in_dispute": (
        "別の読み ({regime_msg}) では時効完成日 {completion_on:iso} ({status_msg}): 契約日・取引の経過で結論が変わる",
        "another reading ({regime_msg}) completes on {completion_on:iso} ({status_msg}): the facts decide which applies",
    ),
    "matter.completion_on_closed_day": (
        "時効の満了日 {completion_on:iso} は裁判所の休日: 民法142条を適用する見解では延長される (争いあり)。安全側では延長後の日を基準にすること",
        "the completion date {completion_on:iso} is a court holiday: under the reading that applies 民法142条 it moves later (disputed)",
    ),
    "matter.may_invoke": (
        "時効完成: {invocable_on:iso} から援用できる (民法145条)。援用は内容証明郵便 (配達証明付) で行うのが通例",
        "prescription has completed: it may be invoked from {invocable_on:iso} (民法145条)",
    ),
    "matter.start_from_last_payment": (
        "期限の利益喪失日・弁済期がないため起算点を最終返済日とした: 厳密な起算点 (次の期限・期限の利益喪失日) からでは完成日は後になりうる",
        "no acceleration or due date: prescription counted from the last payment; the strict starting point may be later",
    ),
    "matter.nothing_owed_after_recalculation": (
        "引き直し計算の結果、残債務はない (時効の計算は不要)",
        "after recalculation nothing is owed (no prescription to compute)",
    ),
    "matter.jikou_not_computed": (
        "起算点となる日付がないため、消滅時効は計算していない",
        "no starting date given: prescription is not computed",
    ),
    "matter.payments_acknowledge": (
        "期限の利益喪失後の弁済は債務の承認 (民法152条1項) として時効の事由に加えた",
        "payments after default are acknowledgments (民法152条1項) and were added as prescription events",
    ),
    "matter.overpayment_prescribed": (
        "過払金返還請求権は {prescribed_on:iso} に時効完成の可能性 (取引終了から10年: 最判平成21年1月22日)。取引の一連性・中断事由を確認すること",
        "the overpayment claim may be time-barred since {prescribed_on:iso} (10 years from the end of the transactions)",
    ),
    "matter.duplicate_account": (
        "債権者{first}と債権者{second}の契約番号が同じ: 同じ債権の二重計上 (債権譲渡・委託) でないか確認すること",
        "debts #{first} and #{second} have the same account number: check that one claim is not counted twice",
    ),
    # --- the states of a debt's prescription (the tables' 状態 column, a reading's state) -----
    "matter.status_completed": ("時効完成", "completed"),
    "matter.status_running": ("進行中", "running"),
    "matter.status_suspended": ("完成猶予中", "suspended"),
    # --- deadlines (the "what" of each row) -----------------------------------------------
    "matter.deadline.jikou_completion": (
        "消滅時効の完成 (援用は {invocable_on:iso} から)",
        "prescription completes (may be invoked from {invocable_on:iso})",
    ),
    "matter.deadline.suspension_end": (
        "{event_msg}による完成猶予の終了: この日の経過で時効完成 (援用は翌日から)",
        "end of the suspension by {event_msg}: prescription completes at the end of this day",
    ),
    "matter.deadline.reading_completion": (
        "別の読み ({regime_msg}) による時効完成",
        "prescription completes under the other reading ({regime_msg})",
    ),
    "matter.deadline.overpayment_prescription": (
        "過払金返還請求権 (取引{series}、過払金・過払利息 {claim_yen}) の時効完成: 請求はこの日まで",
        "the overpayment claim (series {series}, {claim_yen}) prescribes: claim before this day",
    ),
    "matter.deadline.overpayment_prescription_known": (
        "過払金返還請求権のうち2020年4月1日以後に生じた部分 (取引{series}、{part_yen}) の時効完成 (知った時から5年: 民法166条1項1号)",
        "the part of the overpayment claim arising from 2020-04-01 (series {series}, {part_yen}) prescribes (5 years from knowledge)",
    ),
    # --- options ----------------------------------------------------------------------------
    "matter.nin_i.future_interest_cut": (
        "将来利息 (和解後の利息) はカットされるものとして計算した (任意整理の和解条件; 債権者の同意による)",
        "future interest (after settlement) is assumed to be cut (a settlement term; the creditor must agree)",
    ),
    "matter.nin_i.base_total": (
        "分割の対象額は基準日時点の残高 (残元本 + 未払利息 + 遅延損害金)。経過利息・遅延損害金もカットできれば残元本のみ"
        " (事件ファイルに \"任意整理の基準額\" = \"元本\")",
        "the amount split is the balance on the reference date (principal + interest + damages); set nin-i-base = \"principal\" for principal only",
    ),
    "matter.nin_i.base_principal": (
        "分割の対象額は残元本のみ (経過利息・遅延損害金もカットされる前提)",
        "the amount split is the principal only (accrued interest and damages assumed to be cut)",
    ),
    "matter.nin_i.practice": (
        "36回・60回の分割は実務の目安で、法律上の基準ではない (UNVERIFIED)。毎回額は円未満切上げ、最終回で調整",
        "36 and 60 installments are a practice norm, not a legal rule (UNVERIFIED); installments rounded up, the last adjusted",
    ),
    "matter.barred_excluded": (
        "時効が完成した債務は援用するものとして除外した (含めるには事件ファイルに \"時効完成債権を含める\" = \"はい\")",
        "time-barred debts are left out, assuming prescription is invoked (include-barred = true to include them)",
    ),
    "matter.barred_included": (
        "時効が完成した債務も含めた (事件ファイルの指定による)",
        "time-barred debts are included (include-barred = true)",
    ),
    "matter.saisei.base": (
        "基準債権 = 各債務の基準日時点の残高の合計 (住宅資金貸付債権・別除権で回収される額・劣後債権は含まない前提、開始決定前の利息・損害金を含む)",
        "the base claims are the debts' balances on the reference date (housing loans, secured parts and subordinated claims assumed absent)",
    ),
    "matter.saisei.nothing_owed": (
        "対象となる債務がないため個人再生の最低弁済額は計算しない",
        "no debt to include: the minimum repayment is not computed",
    ),
    "matter.saisei.over_limit": (
        "基準債権 {debt_yen} が5,000万円を超えるため個人再生は利用できない (民事再生法221条1項)",
        "base claims of {debt_yen} exceed 50 million yen: individual rehabilitation is not available (民事再生法221条1項)",
    ),
    "matter.garnishment.cover": (
        "差押可能額のままなら、対象債務の合計 {owed_yen} に約{payments_count}回の支払期を要する",
        "at this garnishable amount, the debts included ({owed_yen}) take about {payments_count} pay periods",
    ),
}
