from datetime import date

from desktop.services.planning.calendar_sv import days_off, iso_week, iso_weeks, week_start


def test_de_facto_days_off_are_included():
    off = days_off(date(2026, 1, 1), date(2026, 12, 31))
    assert off[date(2026, 6, 19)] == "Midsommarafton"
    assert off[date(2026, 12, 24)] == "Julafton"
    assert off[date(2026, 12, 31)] == "Nyårsafton"
    assert off[date(2026, 6, 6)] == "Nationaldagen"


def test_plain_sundays_are_not_named_holidays():
    off = days_off(date(2026, 6, 1), date(2026, 6, 30))
    assert date(2026, 6, 14) not in off  # an ordinary Sunday
    assert date(2026, 6, 21) not in off


def test_range_spans_years():
    off = days_off(date(2026, 12, 30), date(2027, 1, 7))
    assert sorted(off) == [date(2026, 12, 31), date(2027, 1, 1), date(2027, 1, 6)]


def test_iso_weeks():
    assert iso_week(date(2026, 1, 1)) == 1
    assert iso_week(date(2027, 1, 1)) == 53
    assert week_start(date(2026, 6, 19)) == date(2026, 6, 15)
    assert iso_weeks(date(2026, 6, 1), date(2026, 6, 30)) == [(2026, w) for w in range(23, 28)]
