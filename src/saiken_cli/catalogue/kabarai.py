"""Phrasings of calc/kabarai.py (過払い金 引き直し計算, saiken kabarai): see catalogue/__init__.py."""

MESSAGES = {
    # the headline: the claim's state as of the 基準日
    "kabarai.headline_no_claim": ("過払金なし ({as_of_on:iso} 現在)", "no overpayment as of {as_of_on:iso}"),
    "kabarai.headline_not_barred": (
        "時効未完成 ({as_of_on:iso} 現在): 最も早い時効完成日 {first_on:iso}",
        "not time-barred as of {as_of_on:iso}; the earliest completion date is {first_on:iso}",
    ),
    "kabarai.headline_barred": (
        "時効完成の可能性 ({as_of_on:iso} 現在) — {parts_msgs}。更新・完成猶予の事由がなく貸金業者が援用すれば請求できない",
        "time-barred as of {as_of_on:iso}: {parts_msgs}; unless renewed or suspended, the lender can invoke it",
    ),
    "kabarai.barred_10_years": (
        "取引{series}: {completed_on:iso} に完成 (取引終了から10年)",
        "series {series}: completed {completed_on:iso} (10 years from the end of the series)",
    ),
    "kabarai.barred_5_years_all": (
        "取引{series}: 全部 は {completed_on:iso} に完成 (知った時から5年, 民法166条1項1号)",
        "series {series}: all completed {completed_on:iso} (5 years from knowledge, art. 166(1)(i))",
    ),
    "kabarai.barred_5_years_new_law_part": (
        "取引{series}: 2020-04-01以後に生じた {amount_yen} は {completed_on:iso} に完成 (知った時から5年, 民法166条1項1号)",
        "series {series}: the {amount_yen} arising from 2020-04-01 completed {completed_on:iso} (5 years from knowledge, art. 166(1)(i))",
    ),
    "kabarai.floored_per_interval": (
        "{floor_basis}。各取引間の利息・過払利息ごとに切捨て (名古屋式)",
        "{floor_basis}; floored once per interval (名古屋式)",
    ),
    # assumptions
    "kabarai.cap_recomputed": (
        "利息は利息制限法の上限利率で再計算: 各借入後の残元本で上限利率を決め、残高が減っても上がらない (最判平成22年4月20日)",
        "interest recomputed at the cap set by the principal after each borrowing; the cap never rises again (最判平成22年4月20日)",
    ),
    "kabarai.payments_interest_first": (
        "弁済は利息→元本の順に充当 (民法489条)。不足利息は未払利息として繰越し、元本に組み入れない",
        "payments go to interest, then principal (民法489条); unpaid interest is carried, not compounded",
    ),
    "kabarai.days_one_end": (
        "日数は片端 (前回取引日の翌日から当日まで) (名古屋式)",
        "days counted one end: from the day after the previous transaction through the day of this one (名古屋式)",
    ),
    "kabarai.days_both_ends": (
        "日数は借入日を算入 (初日算入, 民法589条2項): 各日を一度だけ、その日の残高で数える。借入日は借入後の残高で数え、借入日に"
        "終わる区間はその前日まで (INTERPRETATION)",
        "the day of a borrowing counts, once, at the balance after the borrowing: the interval that ends on a borrowing "
        "day ends the day before (INTERPRETATION)",
    ),
    "kabarai.year_by_calendar": (
        "暦年ごとに365日または366日 (閏年) で除し、区間ごとに円未満切捨て",
        "days divided by the length of their calendar year, floored once per interval",
    ),
    "kabarai.year_365": (
        "閏年も365日で除す (過払い計算の実務は閏年366日)",
        "every year divided by 365, floored once per interval (引き直し practice uses 366 in a leap year)",
    ),
    "kabarai.year_court": (
        "1年以上の区間は年に満つる期間を年利で、残りの日数を暦年ごとに365日または366日で除す (裁判所方式: 岡山地裁・東京地裁"
        "民事21部。民法143条)、区間ごとに円未満切捨て",
        "an interval of a year or more: whole years at the annual rate, the rest by calendar year over 365/366 "
        "(the court method), floored once per interval",
    ),
    "kabarai.same_day_order": (
        "同日の取引はファイルの順。借入と返済が同じ行にあれば返済→借入の順",
        "same-day rows in file order; a row with both applies the repayment first",
    ),
    "kabarai.split": (
        "分断: {split_dates} の後の取引を別の取引として計算 (過払金を後の借入に充当しない)",
        "split after {split_dates}: later transactions form a separate series (no overpayment carried into it)",
    ),
    "kabarai.one_series": (
        "一連計算 (過払金充当合意あり: 最判平成19年6月7日)。別契約なら分断日を指定",
        "one continuous series (最判平成19年6月7日); give the split dates for separate contracts",
    ),
    "kabarai.overpay_interest_split": (
        "過払利息は過払金の生じた日ごとの利率: 2020-04-01前 5%, 以後 3% (附則15条1項)",
        "過払利息 at the rate of the day each overpayment first arose: 5% before 2020-04-01, 3% after (附則15条1項)",
    ),
    "kabarai.overpay_interest_5": ("過払利息はすべて年5%", "all 過払利息 at 5%"),
    "kabarai.overpay_interest_3": ("過払利息はすべて年3%", "all 過払利息 at 3%"),
    "kabarai.new_borrowing_absorbs": (
        "新たな借入は過払利息→過払金の順に充当 (最判平成25年4月11日)。充当後の元本で上限利率を判定 (最判平成25年7月18日)。利率の異なる"
        "過払金は古いもの (2020年前の5%分) から充当 (INTERPRETATION)",
        "a new borrowing absorbs 過払利息 first, then the overpayment, oldest first (INTERPRETATION)",
    ),
    "kabarai.new_law_part_knew": (
        "取引{series}: 2020-04-01以後に生じた過払金 {amount_yen} は新法の債権 (附則10条1項) で、知った時 "
        "({knowledge_on:iso}) から5年 ({subjective_on:iso}) でも時効 (民法166条1項1号)",
        "series {series}: the part arising from 2020-04-01 ({amount_yen}) also prescribes 5 years from knowledge "
        "({knowledge_on:iso}) → {subjective_on:iso}",
    ),
    "kabarai.new_law_part_knowledge_assumed": (
        "取引{series}: 2020-04-01以後に生じた過払金 {amount_yen} は新法の債権 (附則10条1項)。知った時の指定がないため取引終了日 "
        "{knowledge_on:iso} に知ったものとして5年 ({subjective_on:iso}) — 最も早い日 (INTERPRETATION)",
        "series {series}: the part arising from 2020-04-01 ({amount_yen}) also prescribes 5 years from knowledge "
        "({knowledge_on:iso}, assumed: the series end) → {subjective_on:iso} (INTERPRETATION)",
    ),
    "kabarai.prescription_10_years": (
        "時効: 取引終了 (最終取引日) から10年 (最判平成21年1月22日。初日不算入・応当日の前日に満了, 民法140条・143条)",
        "prescription: 10 years from the last transaction (最判平成21年1月22日; 民法140条・143条)",
    ),
    # notes
    "kabarai.both_ends_interpretation": (
        "借入日を算入する数え方は saiken の定義で INTERPRETATION。名古屋式の既定は片端",
        "counting both ends is saiken's definition (INTERPRETATION); 名古屋式 counts one end",
    ),
    "kabarai.split_factors": (
        "分断か一連かは基本契約の数・空白期間・契約書の返還・カードの失効・空白期間中の接触・再契約の経緯・条件の違いで判断される "
        "(最判平成20年1月18日)",
        "split or one series is decided on the factors of 最判平成20年1月18日",
    ),
    "kabarai.cap_changes": ("上限利率の変更: {changes_msgs}", "the cap changed: {changes_msgs}"),
    "kabarai.cap_change": ("{on:iso} 元本{principal_yen} → {rate}", "{on:iso} principal {principal_yen} → {rate}"),
    "kabarai.two_pools": (
        "2020-04-01前後に生じた過払金を二つのプール (5%・3%) で管理: 附則15条1項の解釈 (INTERPRETATION)",
        "two pools (5% and 3%) tracked separately: an INTERPRETATION of 附則15条1項",
    ),
    "kabarai.late_3_percent": (
        "2020-04-01以後に生じた過払金の利息3%: 附則15条1項の解釈による (INTERPRETATION)",
        "3% for overpayments arising from 2020-04-01 under 附則15条1項 (INTERPRETATION)",
    ),
    "kabarai.old_law_reading": (
        "取引{series}: 2020-04-01以後に生じた過払金にも、基本契約が2020-04-01前なら附則10条1項括弧書により旧法 (取引終了から10年のみ: "
        "{prescription_on:iso}) とする読みがある (UNVERIFIED)。saiken は早い方 (新法の5年) を既定とする",
        "series {series}: under a pre-2020 framework contract the old law (10 years only, {prescription_on:iso}) may "
        "apply instead (UNVERIFIED); saiken takes the earlier date",
    ),
    "kabarai.new_law_may_end_earlier": (
        "取引{series}: 最終取引が2020-04-01以後 — 新法の時効 (知った時から5年: 民法166条1項1号) が先に完成しうる。旧契約への適用は UNVERIFIED",
        "series {series}: the 5-year period from knowledge may end the claim earlier (UNVERIFIED)",
    ),
    "kabarai.estimated_histories_not_supported": (
        "取引履歴が途中から不明な場合の推定計算・冒頭ゼロ計算には対応していない",
        "estimated histories (推定計算, 冒頭ゼロ計算) are not supported",
    ),
    # warnings
    "kabarai.leap_365_not_practice": (
        "閏年も365日で除す計算: 過払い計算では契約にかかわらず閏年は366日とするのが実務",
        "引き直し practice divides leap-year days by 366 whatever the contract says",
    ),
    "kabarai.five_percent_on_late": (
        "2020-04-01以後に生じた過払金にも5%を適用している。附則15条1項では3%",
        "5% applied to overpayments that arose on or after 2020-04-01, where 附則15条 gives 3%",
    ),
    "kabarai.three_percent_on_early": (
        "2020-04-01前に生じた過払金にも3%を適用している。附則15条1項により5%のまま",
        "3% applied to overpayments that arose before 2020-04-01, which keep 5%",
    ),
    "kabarai.may_be_barred_10_years": (
        "取引{series} (最終取引 {last_on:iso}) の過払金返還請求権は {prescription_on:iso} に時効完成の可能性 "
        "(取引終了から10年: 最判平成21年1月22日)",
        "series {series} (last transaction {last_on:iso}): the claim may be time-barred since {prescription_on:iso}",
    ),
    "kabarai.may_be_barred_5_years": (
        "取引{series}: 2020-04-01以後に生じた過払金は {subjective_on:iso} に時効完成の可能性 (知った時から5年, 民法166条1項1号)",
        "series {series}: the part arising from 2020-04-01 may be time-barred since {subjective_on:iso}",
    ),
}
