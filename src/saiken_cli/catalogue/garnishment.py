"""Phrasings of calc/garnishment.py (給与差押え, saiken sashiosae): see catalogue/__init__.py."""

MESSAGES = {
    # pay periods (支払期)
    "garnishment.period_monthly": ("毎月", "monthly"),
    "garnishment.period_semimonthly": ("毎半月", "twice a month"),
    "garnishment.period_dekad": ("毎旬 (10日ごと)", "every ten days (旬)"),
    "garnishment.period_weekly": ("毎週 (7日ごと)", "weekly (7 days)"),
    "garnishment.period_daily": ("毎日", "daily"),
    "garnishment.period_bonus": ("賞与", "bonus"),
    "garnishment.period_retirement": ("退職手当", "retirement allowance"),
    "garnishment.period_days": ("{count}日ごと", "every {count} days"),
    "garnishment.period_months": ("{count}か月ごと", "every {count} months"),
    # the deductions from gross pay (named in a warning)
    "garnishment.deduction_income_tax": ("所得税", "income tax"),
    "garnishment.deduction_resident_tax": ("住民税", "resident tax"),
    "garnishment.deduction_social_insurance": ("社会保険料", "social insurance"),
    "garnishment.deduction_commute": ("通勤手当", "commuting allowance"),
    # calculation steps
    "garnishment.step_net_given": ("手取り額 (差押えの基準額)", "net pay (the base)"),
    "garnishment.step_gross": ("総支給額", "gross pay"),
    "garnishment.step_income_tax": ("− 所得税", "− income tax"),
    "garnishment.step_resident_tax": ("− 住民税", "− resident tax"),
    "garnishment.step_social_insurance": ("− 社会保険料", "− social insurance"),
    "garnishment.step_commute": ("− 通勤手当 (基準額に含めない)", "− commuting allowance (excluded)"),
    "garnishment.step_net_built": ("= 手取り額 (差押えの基準額)", "= net pay (the base)"),
    "garnishment.step_protected_by_fraction": ("手取り × {fraction}", "net x {fraction}"),
    "garnishment.step_cap": ("差押禁止額の上限", "cap on the protected amount"),
    "garnishment.step_protected_exact_capped": ("差押禁止額 = 手取り × 割合 と上限の小さい方", "protected = min(net x fraction, cap)"),
    "garnishment.step_protected_exact_no_cap": ("差押禁止額 (上限なし)", "protected (no cap)"),
    "garnishment.step_garnishable": ("差押可能額 = 手取り − 差押禁止額", "garnishable = net - protected"),
    "garnishment.step_protected_kept": ("差押禁止額 (債務者の手元に残る額)", "protected (the debtor keeps)"),
    "garnishment.step_tax_base": (
        "差押禁止の基礎額 ({base_per_month_yen} + {per_dependent_yen} × {dependents}人)",
        "base ({base_per_month_yen} + {per_dependent_yen} × {dependents})",
    ),
    "garnishment.step_tax_base_months": (
        "差押禁止の基礎額 (({base_per_month_yen} + {per_dependent_yen} × {dependents}人) × {months}か月)",
        "base (({base_per_month_yen} + {per_dependent_yen} × {dependents}) × {months} months)",
    ),
    "garnishment.step_tax_rest": ("残額 = 手取り − 基礎額", "rest = net - base"),
    "garnishment.step_tax_slice": (
        "残額 × {slice_rate} (上限: 基礎額の{multiple}倍)",
        "rest x {slice_rate} (capped at {multiple} x base)",
    ),
    "garnishment.step_tax_protected_exact": ("差押禁止額 = 基礎額 + {slice_rate}部分", "protected = base + the {slice_rate} slice"),
    "garnishment.step_tax_protected": ("差押禁止額 (手取りのうち)", "protected (out of the net)"),
    "garnishment.step_tax_practice": (
        "徴収実務の千円単位: 差押可能額 {garnishable_yen}",
        "the tax offices' 1,000-yen practice: {garnishable_yen} garnishable",
    ),
    # the basis of a step
    "garnishment.basis_given": ("入力値", "as given"),
    "garnishment.basis_floor": ("円未満切捨て", "floored to the yen"),
    "garnishment.basis_ceil": ("円未満切上げ", "rounded up to the yen"),
    "garnishment.basis_tax_1000": ("徴収実務の千円単位", "the tax offices' 1,000-yen practice"),
    # how the cap was derived
    "garnishment.cap_basis_none": ("上限なし ({article})", "no cap ({article})"),
    "garnishment.cap_basis_article": ("{article}", "{article} (Cabinet Order)"),
    "garnishment.cap_basis_months": ("{article}: {per_month_yen} × {months}か月", "{article}: {per_month_yen} × {months} months"),
    "garnishment.cap_basis_days": ("{article}: {per_day_yen} × {days}日", "{article}: {per_day_yen} × {days} days"),
    "garnishment.cap_basis_tax": (
        "{article}: {multiple} × {base_yen}",
        "{article}: {multiple} × the base of {base_yen}",
    ),
    "garnishment.cap_basis_tax_unverified": (
        "{article}: {multiple} × {base_yen} (UNVERIFIED)",
        "{article}: {multiple} × the base of {base_yen} (UNVERIFIED)",
    ),
    # rounding (§5.4: the statute is silent)
    "garnishment.rounding_floor": (
        "差押可能額の円未満を切り捨て (債務者保護)、差押禁止額 = 手取り − 差押可能額 (法令に定めなし: UNVERIFIED)",
        "the garnishable amount is floored to the yen (debtor-protective) and protected = net − garnishable, "
        "so the two add up to net exactly; the statute is silent (UNVERIFIED)",
    ),
    "garnishment.rounding_ceil": (
        "差押禁止額の円未満を切り捨て、差押可能額 = 手取り − 差押禁止額 (差押可能額は切上げ; 法令に定めなし: UNVERIFIED)",
        "the protected amount is floored to the yen and garnishable = net − protected "
        "(the garnishable amount is rounded up); the statute is silent (UNVERIFIED)",
    ),
    "garnishment.rounding_tax_1000": (
        "徴収実務の千円単位: 給料等は千円未満切捨て、差押禁止額の1〜5号は各々千円未満切上げ "
        "(中野市「給与等の差押に係る取立て事務について」)",
        "the tax offices' 1,000-yen practice: pay floored, each protected item 1-5 rounded up to 1,000 yen "
        "(a practice, not the statute)",
    ),
    # assumptions
    "garnishment.paid_on_defaulted": (
        "支払日の指定なし: {paid_on:iso} (日本時間の本日) の法令で計算",
        "no pay date given [支払日]: the rules in force on {paid_on:iso} (today in Japan) were used",
    ),
    "garnishment.gross_includes_commute": (
        "総支給額は通勤手当を含む額として、通勤手当・所得税・住民税・社会保険料を差し引いた",
        "the gross pay [総支給額] is taken as total pay including the commuting allowance; the allowance, income tax, "
        "resident tax and social insurance are deducted",
    ),
    "garnishment.base_is_pay_less_taxes": (
        "基準額は給料 (基本給と諸手当、通勤手当を除く) から所得税・住民税・社会保険料を控除した残額",
        "the base is pay (basic pay and allowances, without commuting allowance) less income tax, resident tax "
        "and social insurance",
    ),
    "garnishment.tax_base_definition": (
        "T = 給料等から所得税・住民税・社会保険料を控除した額 (手取り額; 通勤手当を除く)",
        "T = pay after income tax, resident tax and social insurance (the net pay [手取り額], without commuting allowance)",
    ),
    "garnishment.tax_practice_net_only": (
        "徴収実務の千円単位で手取り額のみの指定: 1〜3号が手取りに含まれて分からないため手取りを千円未満切捨て。"
        "実務どおりには総支給額と各控除額を指定",
        "with the net pay only, items 1-3 are not known apart: the net is floored to 1,000 yen; give the gross "
        "pay [総支給額] and the deductions for the office's own figure",
    ),
    # warnings
    "garnishment.deductions_not_given": (
        "{missing_msgs} の指定なし: 0円として計算 (給与明細で確認)",
        "{missing_msgs} not given: taken as 0 yen — check the pay slip [給与明細]",
    ),
    "garnishment.dependents_not_given": (
        "生計を一にする親族の人数の指定なし: 0人として計算 (1人につき月{per_dependent_yen}が差押禁止に加わる)",
        "the number of relatives living on the same income [生計を一にする親族] was not given: 0 assumed "
        "(each adds {per_dependent_yen} a month to the protected amount)",
    ),
    "garnishment.tax_commute_unverified": (
        "国税徴収法76条で通勤手当を給料等から除くかは未確認 (UNVERIFIED): 民事執行と同じく除いた",
        "whether tax garnishment [国税徴収法76条] excludes the commuting allowance was not verified (UNVERIFIED); "
        "it was excluded as in civil execution",
    ),
    "garnishment.rule_weak": (
        "{label} ({article}) は {status}: 提出前に条文を確認",
        "{article} [{label}] is {status} in saiken's sources: check the statute before filing",
    ),
    "garnishment.rule_weak_not_applied": (
        "{label} ({article}) は {status} だが、この計算では適用されない",
        "{article} [{label}] is {status} in saiken's sources; it does not apply here",
    ),
    "garnishment.rule_secondary": (
        "{label} ({article}) は二次資料で確認 (VERIFIED-SECONDARY)",
        "{article} [{label}]: confirmed from secondary sources only (VERIFIED-SECONDARY)",
    ),
    # notes
    "garnishment.cap_applies": (
        "手取りが {threshold}円 を超えるため上限 {cap_yen} を適用: 差押可能額 = 手取り − {cap_yen}",
        "net above {threshold} yen: the cap applies, garnishable = net - {cap_yen}",
    ),
    "garnishment.fraction_applies": (
        "手取りが {threshold}円 以下のため {fraction} を適用 (上限 {cap_yen} に達しない)",
        "net at or below {threshold} yen: the fraction {fraction} applies (the cap of {cap_yen} is not reached)",
    ),
    "garnishment.retirement_no_cap": (
        "退職手当には施行令2条の上限はない (民事執行法152条2項)",
        "no Cabinet Order cap [施行令2条] on a retirement allowance (art. 152(2))",
    ),
    "garnishment.retirement_no_cap_example": (
        "退職手当には施行令2条の上限 ({monthly_cap_yen}等) はない (民事執行法152条2項)",
        "no Cabinet Order cap [施行令2条] (such as {monthly_cap_yen} a month) on a retirement allowance (art. 152(2))",
    ),
    "garnishment.weekly_other_period": (
        "毎週払いは施行令2条1項6号「その他の期間」: {per_day_yen} × {days}日 = {cap_yen}",
        "weekly pay is an 'other period' (item 6): {per_day_yen} x {days} days = {cap_yen}",
    ),
    "garnishment.days_use_fixed_period": (
        "支払期が毎日・毎旬・毎半月・毎月なら、その支払期を指定する (施行令2条1項1〜3号・5号の上限)",
        "if pay is due daily, every ten days, twice a month or monthly, give that period: items 1-3 and 5 fix the cap",
    ),
    "garnishment.support_fraction": (
        "扶養義務等の請求 (婚姻費用・養育費等, 民事執行法151条の2第1項) は差押禁止 {denominator}分の{numerator} (152条3項)。上限は同じ",
        "support claims [扶養義務等]: {numerator}/{denominator} protected (art. 152(3)); the same cap",
    ),
    "garnishment.range_change_not_predicted": (
        "民事執行法153条: 申立てにより、執行裁判所は差押禁止の範囲を拡げ又は縮めることができる。本計算はこれを予測しない",
        "Civil Execution Act art. 153: on application the court may widen or narrow the protected range; "
        "saiken does not predict it",
    ),
    "garnishment.range_change_not_for_tax": (
        "民事執行法153条の範囲変更は民事執行の手続のもの。国税の滞納処分には及ばない (INTERPRETATION)",
        "the court's power to widen or narrow the range (Civil Execution Act art. 153) belongs to civil "
        "execution; it does not govern tax collection (INTERPRETATION)",
    ),
    "garnishment.commute_not_in_base": (
        "通勤手当は基準額に含めない (差押債権目録「ただし通勤手当を除く」)",
        "the commuting allowance is not part of the base",
    ),
    "garnishment.pensions_not_computed": (
        "公的年金等の給付は各法律で差押えが原則禁止されている (例: 国民年金法24条、厚生年金保険法41条1項)。本計算の対象外",
        "public pension benefits are generally protected by their own statutes; saiken does not compute them",
    ),
    "garnishment.deposit_after_payment": (
        "給与が預金口座に振り込まれた後は預金債権となり、この制限はない (範囲変更の申立ては別)",
        "once paid into a bank account the money is a deposit claim and this limit no longer applies",
    ),
    "garnishment.other_deductions_not_deducted": (
        "組合費・社内貸付の返済・財形等の控除は基準額から差し引かない (INTERPRETATION: 差押債権目録は税と社会保険料のみを挙げる)",
        "union dues, company-loan repayments and savings are not deducted from the base (INTERPRETATION)",
    ),
    "garnishment.tax_slice_is_protected": (
        "{slice_rate}部分は差押禁止額の一部であり、差押可能額ではない (国税徴収法76条1項5号: 差し押えることができない金額の合計に含まれる)",
        "the {slice_rate} slice is part of the PROTECTED amount, not the seizable amount",
    ),
    "garnishment.tax_deductions_protected": (
        "所得税・住民税 (森林環境税を含む)・社会保険料 (76条1項1〜3号) も差押禁止: 手取り額はこれらを控除した後の額",
        "income tax, resident taxes and social insurance (items 1-3) are protected too: the net pay is after them",
    ),
    "garnishment.tax_dependents_meaning": (
        "親族の人数は滞納者と生計を一にする配偶者その他の親族の人数 (施行令34条; 税法上の扶養親族に限らない)",
        "the number of relatives counts the spouse and relatives living on the same income (施行令34条)",
    ),
    "garnishment.tax_two_sources_added": (
        "同じ期間に二以上の給料等があるときは合算して計算する (76条)",
        "pay from two sources in one period is added together",
    ),
    "garnishment.tax_base_only": (
        "手取りが基礎額 {base_yen} 以下: 差押可能額 0円",
        "net at or below the base of {base_yen}: nothing may be seized",
    ),
}
