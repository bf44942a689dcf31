"""Phrasings of the rule data's own messages (a table used past its check): see catalogue/__init__.py.

``{table}`` is a rule table's id, phrased as its title and id in the language asked for."""

MESSAGES = {
    "rules.beyond_verified": (
        "法令データの確認期間外: {table} は {verified_through_on:iso} まで確認済み: {on:iso} はその後のため、"
        "現行の法令を確認してから利用してください",
        "{table} was verified through {verified_through_on:iso}; {on:iso} lies beyond it — check the current law "
        "before relying on this result",
    ),
    "rules.local_override": (
        "法令データの一部をローカルの上書き ({env}={folder}: {files}) から読み込んだ。インストール済みの法令データではない",
        "rule data overridden locally from {env}={folder} ({files}), not the installed rules",
    ),
}
