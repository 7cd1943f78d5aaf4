"""Korean text utilities: numbers, dates, particles (josa) and input normalisation.

The template layer exposes these as Jinja filters; rules are docs/house-style.md G, J and K.
"""

from briefgen.korean.dates import fmt_date, fmt_date_range, fmt_time
from briefgen.korean.josa import Josa, attach, load_readings, particle
from briefgen.korean.normalize import normalize_text
from briefgen.korean.numbers import (
    fmt_count,
    fmt_count_big,
    fmt_count_big_range,
    fmt_count_share,
    fmt_money,
    fmt_money_mixed,
    fmt_money_range,
    fmt_number,
    fmt_number_range,
    fmt_percent,
    fmt_percent_range,
    fmt_points,
    fmt_range,
    fmt_rank,
    fmt_share_count,
    fmt_signed_percent,
    fmt_signed_points,
    fmt_year,
    growth_rate,
    round_half_up,
    to_decimal,
)
from briefgen.korean.wording import fmt_change, fmt_count_change

__all__ = [
    "Josa",
    "attach",
    "fmt_change",
    "fmt_count",
    "fmt_count_big",
    "fmt_count_big_range",
    "fmt_count_change",
    "fmt_count_share",
    "fmt_date",
    "fmt_date_range",
    "fmt_money",
    "fmt_money_mixed",
    "fmt_money_range",
    "fmt_number",
    "fmt_number_range",
    "fmt_percent",
    "fmt_percent_range",
    "fmt_points",
    "fmt_range",
    "fmt_rank",
    "fmt_share_count",
    "fmt_signed_percent",
    "fmt_signed_points",
    "fmt_time",
    "fmt_year",
    "growth_rate",
    "load_readings",
    "normalize_text",
    "particle",
    "round_half_up",
    "to_decimal",
]
