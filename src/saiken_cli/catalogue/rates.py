"""Phrasings of calc/rates.py (法定利率): see catalogue/__init__.py."""

MESSAGES = {
    "rates.commercial_transitional_unverified": (
        "商事法定利率{rate}: {reform_on:iso}前に遅滞となった商行為債務に{rate}が続くとの経過措置(整備法4条)は原文未確認 (UNVERIFIED)",
        "the commercial rate of {rate} [商事法定利率] for defaults before {reform_on:iso} rests on a transitional "
        "provision (整備法4条) the reference could not read (UNVERIFIED)",
    ),
    "rates.commercial_rate_abolished": (
        "商事法定利率(旧商法514条)は{reform_on:iso}に廃止: 同日以後に遅滞となった債務は民法404条の法定利率",
        "the commercial rate [商事法定利率, 旧商法514条] was abolished from {reform_on:iso}; "
        "for a default from that day the civil statutory rate [民法404条] applies",
    ),
}
