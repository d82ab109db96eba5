import datetime as dt

import duckdb
import pytest

from ingest.warehouse import PARSE_MACROS


@pytest.fixture(scope="module")
def con():
    connection = duckdb.connect()
    connection.execute(PARSE_MACROS.read_text())
    yield connection
    connection.close()


@pytest.mark.parametrize(
    "text",
    [
        "23/09/2020",
        "2020-09-23",
        "23 September 2020",
        "Rabu (23/9/2020)",
        "44097",
        "23-09-2020",
        "23 Sep 2020",
    ],
)
def test_dates_in_every_export_form(con, text):
    assert con.execute("SELECT netra_parse_date(?)", [text]).fetchall()[0][0] == dt.date(2020, 9, 23)


@pytest.mark.parametrize("text", ["31/02/2020", "kemarin", "2020/23/09"])
def test_unreadable_dates_are_null(con, text):
    assert con.execute("SELECT netra_parse_date(?)", [text]).fetchall()[0][0] is None


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("22,98", 22.98),
        ("1.234", 1234.0),
        ("1.234,5", 1234.5),
        ("2.007", 2007.0),
        ("100", 100.0),
        ("22.98", 22.98),
    ],
)
def test_indonesian_numbers(con, text, value):
    assert con.execute("SELECT netra_parse_number(?)", [text]).fetchall()[0][0] == value


def test_unreadable_number_is_null(con):
    assert con.execute("SELECT netra_parse_number('dua puluh')").fetchall()[0][0] is None
