"""Working days (RULES.md §B.5, AMB-26): Monday to Friday, a country's legal holidays excepted — the
``holidays`` package's default category only; the day a period runs from is not counted and, for an
instant, is its calendar day in Luxembourg (AMB-27)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from gateway.working_days import LUXEMBOURG_WORKING_DAYS, NoCalendar, WorkingDays, calendar_of, day_of

LU = WorkingDays()

# Code du travail art L.232-2 (law of 25 April 2019): ten named days and the two days of Christmas.
LUXEMBOURG_HOLIDAYS = {
    2026: {
        date(2026, 1, 1): "Jour de l'An",
        date(2026, 4, 6): "Lundi de Pâques",
        date(2026, 5, 1): "Fête du Travail",
        date(2026, 5, 9): "Jour de l'Europe",  # a Saturday: not carried over
        date(2026, 5, 14): "Ascension",
        date(2026, 5, 25): "Lundi de Pentecôte",
        date(2026, 6, 23): "Fête nationale",
        date(2026, 8, 15): "Assomption",
        date(2026, 11, 1): "Toussaint",
        date(2026, 12, 25): "Noël",
        date(2026, 12, 26): "Saint-Étienne",
    },
    2027: {
        date(2027, 1, 1): "Jour de l'An",
        date(2027, 3, 29): "Lundi de Pâques",
        date(2027, 5, 1): "Fête du Travail",
        date(2027, 5, 6): "Ascension",
        date(2027, 5, 9): "Jour de l'Europe",
        date(2027, 5, 17): "Lundi de Pentecôte",
        date(2027, 6, 23): "Fête nationale",
        date(2027, 8, 15): "Assomption",
        date(2027, 11, 1): "Toussaint",
        date(2027, 12, 25): "Noël",
        date(2027, 12, 26): "Saint-Étienne",
    },
}
LEGAL_HOLIDAY_NAMES = sorted(set(LUXEMBOURG_HOLIDAYS[2026].values()))


@pytest.mark.parametrize("year", sorted(LUXEMBOURG_HOLIDAYS))
def test_the_luxembourg_legal_holidays_of_the_year_are_exactly_those_of_the_code_du_travail(year: int) -> None:
    assert LU.holidays_in(year) == LUXEMBOURG_HOLIDAYS[year]


@pytest.mark.parametrize("year", sorted(LUXEMBOURG_HOLIDAYS))
def test_every_weekday_of_the_year_is_a_working_day_but_the_legal_holidays(year: int) -> None:
    day, not_working = date(year, 1, 1), set()
    while day.year == year:
        if day.weekday() < 5 and not LU.is_working_day(day):
            not_working.add(day)
        assert not (day.weekday() >= 5 and LU.is_working_day(day)), day
        day += timedelta(days=1)
    assert not_working == {d for d in LUXEMBOURG_HOLIDAYS[year] if d.weekday() < 5}


def test_the_installed_holidays_package_knows_luxembourg_next_year() -> None:
    """Fails as soon as the calendar has no data for the year after the real current one: update ``holidays``."""
    next_year = datetime.now(UTC).year + 1
    named = LU.holidays_in(next_year)
    assert sorted(set(named.values())) == LEGAL_HOLIDAY_NAMES, named
    assert date(next_year, 5, 9) in named and date(next_year, 6, 23) in named


def test_europe_day_is_a_holiday_since_2019_only() -> None:
    assert date(2019, 5, 9) in LU.holidays_in(2019)
    assert date(2018, 5, 9) not in LU.holidays_in(2018)
    assert LU.is_working_day(date(2018, 5, 9))  # a Wednesday
    assert not LU.is_working_day(date(2019, 5, 9))  # a Thursday


@pytest.mark.parametrize(("day", "why"), [
    (date(2026, 4, 3), "Good Friday: a bank holiday, not a legal one"),
    (date(2026, 12, 24), "Christmas Eve"),
    (date(2026, 12, 31), "New Year's Eve"),
    (date(2027, 12, 24), "Christmas Eve"),
    (date(2027, 12, 31), "New Year's Eve"),
])
def test_bank_holidays_are_working_days(day: date, why: str) -> None:
    assert LU.is_working_day(day), why


def test_weekends_and_luxembourg_holidays_are_not_working_days() -> None:
    assert LU.is_working_day(date(2026, 12, 24))  # Thursday
    assert not LU.is_working_day(date(2026, 12, 25))  # Christmas
    assert not LU.is_working_day(date(2026, 12, 26))  # Saint Stephen's day, a Saturday anyway
    assert not LU.is_working_day(date(2026, 6, 23))  # National day (Tuesday)
    assert not LU.is_working_day(date(2026, 5, 9))  # Europe day (Saturday): not counted either way
    assert not LU.is_working_day(date(2026, 11, 28))  # Saturday


def test_adding_working_days_skips_weekends_and_holidays() -> None:
    assert LU.add(date(2026, 12, 23), 2) == date(2026, 12, 28)  # Thu 24, (Fri 25 holiday, weekend), Mon 28
    assert LU.add(date(2026, 6, 22), 1) == date(2026, 6, 24)  # over National day
    assert LU.add(date(2026, 11, 23), 0) == date(2026, 11, 23)


def test_working_days_between_two_days_count_the_end_not_the_start() -> None:
    assert LU.between(date(2026, 12, 23), date(2026, 12, 29)) == 3
    assert LU.between(date(2026, 12, 29), date(2026, 12, 23)) == 0


@pytest.mark.parametrize(("moment", "day"), [
    (date(2026, 3, 26), date(2026, 3, 26)),
    (datetime(2026, 3, 26, 22, 59, 59, tzinfo=UTC), date(2026, 3, 26)),  # 23:59:59 in Luxembourg (CET)
    (datetime(2026, 3, 26, 23, 0, tzinfo=UTC), date(2026, 3, 27)),  # midnight in Luxembourg
    (datetime(2026, 3, 26, 23, 30, tzinfo=UTC), date(2026, 3, 27)),
    (datetime(2026, 7, 9, 22, 30, tzinfo=UTC), date(2026, 7, 10)),  # summer time: UTC+2
    (datetime(2026, 7, 9, 21, 59, tzinfo=UTC), date(2026, 7, 9)),
    (datetime(2026, 3, 27, 8, 0, tzinfo=timezone(timedelta(hours=9))), date(2026, 3, 27)),  # 00:00 there
    (datetime(2026, 3, 26, 19, 0, tzinfo=timezone(timedelta(hours=-5))), date(2026, 3, 27)),  # 01:00 here
])
def test_the_day_of_receipt_is_the_calendar_day_in_luxembourg(moment: date, day: date) -> None:
    assert day_of(moment) == day


def test_an_instant_without_its_offset_has_no_day() -> None:
    with pytest.raises(ValueError, match="offset"):
        day_of(datetime(2026, 3, 26, 23, 30))  # naive: refused


def test_counting_from_an_instant_does_not_count_its_luxembourg_day() -> None:
    late = datetime(2026, 3, 26, 23, 30, tzinfo=UTC)  # Friday 27 March in Luxembourg
    assert LU.after(late, 1) == date(2026, 3, 30)
    assert LU.after(date(2026, 3, 26), 1) == date(2026, 3, 27)


@pytest.mark.parametrize(("country", "holiday"), [
    ("FR", date(2026, 7, 14)),  # Fête nationale
    ("DE", date(2026, 10, 3)),  # Tag der Deutschen Einheit
    ("BE", date(2026, 7, 21)),  # Fête nationale belge
    ("PT", date(2026, 6, 10)),  # Dia de Portugal
    ("GR", date(2026, 3, 25)),  # Independence Day
    ("EL", date(2026, 3, 25)),  # the EU's code for Greece
])
def test_another_countrys_legal_holidays_are_its_own(country: str, holiday: date) -> None:
    assert not WorkingDays(country).is_working_day(holiday)
    assert LU.is_working_day(holiday) or holiday.weekday() >= 5
    assert not WorkingDays(country).is_working_day(date(2026, 12, 25))  # Christmas everywhere


def test_another_countrys_calendar_uses_its_legal_holidays_only() -> None:
    de = WorkingDays("DE")
    assert not de.is_working_day(date(2026, 4, 3))  # Good Friday, a national holiday in Germany
    assert de.is_working_day(date(2026, 6, 4))  # Corpus Christi: only some Länder, not the national list
    assert de.is_working_day(date(2026, 6, 23))  # Luxembourg's National Day


def test_a_country_code_is_read_in_either_case_and_calendars_are_built_once() -> None:
    assert WorkingDays("lu") == LUXEMBOURG_WORKING_DAYS
    assert WorkingDays(" el ").country == "GR"
    assert calendar_of("FR") is calendar_of("FR")


def test_a_country_without_a_calendar_is_refused_by_name() -> None:
    with pytest.raises(NoCalendar, match="'XX'"):
        WorkingDays("XX")


@pytest.mark.parametrize("day", [date(1900, 6, 1), date(2101, 1, 3), date(9999, 12, 31)])
def test_no_working_day_is_counted_in_a_year_the_calendar_does_not_cover(day: date) -> None:
    with pytest.raises(NoCalendar, match=str(day.year)):
        LU.after(day, 1)
    with pytest.raises(NoCalendar):
        LU.is_working_day(day)


def test_counting_into_an_uncovered_year_is_refused_too() -> None:
    with pytest.raises(NoCalendar, match="2101"):
        LU.after(date(2100, 12, 30), 5)
