"""Phrasings of calc/saisei.py (個人再生・任意整理, saiken saisei): see catalogue/__init__.py."""

MESSAGES = {
    "saisei.installment_floored": (
        "{total_yen}を{months}回に分けると、{unit_yen}単位の切上げでは最終回が0円以下になるため、"
        "{used_unit_yen}単位の切捨てとし最終回で調整した",
        "with the regular installment rounded up to {unit_yen} the last of {months} would be 0 or less: "
        "rounded down to {used_unit_yen} instead",
    ),
    "saisei.minimum_rounded_up": (
        "{formula} = {exact}円: 円未満を切り上げて {minimum_yen} (INTERPRETATION: 最低額を下回らないため)",
        "{formula} = {exact} yen: the fraction of a yen is rounded up to {minimum_yen} (INTERPRETATION: not below the minimum)",
    ),
    "saisei.no_liquidation_value": (
        "清算価値の入力なし: 財産の清算価値が最低弁済額を超えればそれが計画弁済総額の下限になる",
        "no liquidation value [清算価値] given: if the assets' liquidation value is higher, it sets the plan total",
    ),
    "saisei.disposable_income_as_given": (
        "給与所得者等再生: 可処分所得は2年分として入力された額 (政令の生活費表による算定はしない)",
        "wage-earner rehabilitation [給与所得者等再生]: the disposable income is taken as the 2-year amount, as given",
    ),
    "saisei.small_scale": (
        "小規模個人再生として計算 (給与所得者等再生なら可処分所得2年分を指定)",
        "computed as small-scale rehabilitation [小規模個人再生]; give the 2-year disposable income for wage-earner rehabilitation",
    ),
    "saisei.test_articles_unverified": (
        "条番号 174条2項4号 (清算価値)・241条2項7号 (可処分所得) は saiken の引用でリファレンス未記載 (UNVERIFIED)。"
        "要件そのものは VERIFIED-SECONDARY",
        "the article numbers for these tests (174条2項4号, 241条2項7号) are saiken's (UNVERIFIED); "
        "the tests themselves are VERIFIED-SECONDARY",
    ),
    "saisei.test_minimum_repayment": ("最低弁済額", "minimum repayment"),
    "saisei.test_liquidation_value": ("清算価値", "liquidation value"),
    "saisei.test_disposable_income": ("可処分所得2年分", "two years' disposable income"),
    "saisei.no_reduction": (
        "{test_msg}の額 {amount_yen} が基準債権 {debt_yen} 以上: 全額弁済となり個人再生による減額はない",
        "the {test_msg} test ({amount_yen}) reaches the whole debt of {debt_yen}: no reduction through 個人再生",
    ),
    "saisei.debt_is_base_claims": (
        "基準債権の総額: 住宅資金貸付債権・別除権で回収見込みの額・劣後債権を除き、開始決定前の利息・損害金を含む。"
        "221条1項の5,000万円判定にも同じ額を用いる",
        "the debt is the 基準債権 (housing loan, secured coverage and subordinated claims excluded; interest and "
        "damages before commencement included), also used for the limit of 221条1項",
    ),
    "saisei.plan_period": (
        "弁済期間は原則{months_std}か月、特別の事情があれば{months_max}か月まで。{interval_months}か月に1回以上の弁済 "
        "(229条2項)。{months_std}か月未満の計画は不可",
        "{months_std} months in principle, up to {months_max} with special circumstances; at least one payment every "
        "{interval_months} months (229条2項); no plan shorter than {months_std} months",
    ),
    "saisei.installments_rounded_up": (
        "分割額: 毎回 {unit_yen}単位に切上げ、最終回で調整 (事務所の運用で選択)",
        "installments rounded up to {unit_yen}, the last one adjusted (an office's choice)",
    ),
    "saisei.nin_i_over_norm": (
        "任意整理の{installments}回払い: 実務の目安は{norm_months}〜{norm_max_months}回で、それを超える分割は"
        "債権者が応じないことが多い (上限は固定のルールではない: UNVERIFIED)",
        "{installments} installments exceeds the usual {norm_months}–{norm_max_months}-month practice norm of 任意整理 "
        "(UNVERIFIED as a rule)",
    ),
    "saisei.nin_i_practice": (
        "任意整理: 将来利息・経過利息・遅延損害金をカットし残元本を分割 (実務。債権者の合意が必要)",
        "voluntary restructuring [任意整理]: future interest cut, balance in installments (practice; needs each creditor's consent)",
    ),
    "saisei.nin_i_balance_is_debt": (
        "任意整理の残高は基準債権と同額 (利息制限法による引き直し後の元本なら任意整理の残高を指定)",
        "the 任意整理 balance is the debt given (give the 任意整理 balance for the recalculated principal)",
    ),
}
