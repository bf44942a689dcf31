"""Phrasings of calc/calendar.py (裁判所の休日): see catalogue/__init__.py."""

MESSAGES = {
    "calendar.saturday": ("土曜日", "Saturday"),
    "calendar.sunday": ("日曜日", "Sunday"),
    "calendar.public_holiday": ("祝日・休日 {holiday_name}", "public holiday ({holiday_name})"),
    "calendar.year_end": ("年末年始 (12月29日〜1月3日) の裁判所の休日", "court holiday of the year end (29 December – 3 January)"),
}
