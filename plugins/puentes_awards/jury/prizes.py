"""Prize amounts: what the database column holds and what makes sense, decided before anything is stored.

Winner.prize_amount is DECIMAL(12, 2). A value past it (1e30, 99999999999999) used to be stored by SQLite and
then broke every page that read it (M3); NaN and Infinity broke the page that took them. Pure function.
"""
from decimal import Decimal

MAX_DIGITS, DECIMAL_PLACES = 12, 2
CENT = Decimal(1).scaleb(-DECIMAL_PLACES)
LARGEST = Decimal(10) ** (MAX_DIGITS - DECIMAL_PLACES) - CENT    # 9,999,999,999.99

NOT_A_NUMBER, NEGATIVE, TOO_LARGE, TOO_PRECISE = "not_a_number", "negative", "too_large", "too_precise"


class PrizeRefused(ValueError):
    def __init__(self, code):
        super().__init__(code)
        self.code = code


def check_prize(amount):
    """The amount as stored (two decimals), or PrizeRefused with the reason's code."""
    if not isinstance(amount, Decimal) or not amount.is_finite():
        raise PrizeRefused(NOT_A_NUMBER)
    if amount < 0:
        raise PrizeRefused(NEGATIVE)
    if amount > LARGEST:
        raise PrizeRefused(TOO_LARGE)
    if amount != amount.quantize(CENT):
        raise PrizeRefused(TOO_PRECISE)
    return amount.quantize(CENT)
