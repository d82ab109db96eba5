"""Read articles from the news landing folder into plain text with their metadata.

`.txt` (one article; id = file name), `.html` (one saved page; trafilatura finds the main text and
metadata), `.jsonl` (one article a line: id, url, title, published_at, text or html). Page furniture
("Baca juga" links, popular lists, comment forms) is removed here, so no later step can mistake a
headline in it for a fact of the article, and people's names are masked here (`names.py`), so none
reaches the warehouse.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

RULES_FILE = Path(__file__).resolve().parent.parent / "reference" / "news_rules.yaml"
ARTICLE_SUFFIXES = (".txt", ".html", ".jsonl")

_MONTHS = {
    "januari": 1,
    "februari": 2,
    "maret": 3,
    "april": 4,
    "mei": 5,
    "juni": 6,
    "juli": 7,
    "agustus": 8,
    "september": 9,
    "oktober": 10,
    "november": 11,
    "desember": 12,
    # as datelines abbreviate them ("Rabu, 11 Nov 2020 11:31 WIB")
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "agu": 8,
    "agt": 8,
    "ags": 8,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "okt": 10,
    "oct": 10,
    "nov": 11,
    "des": 12,
    "dec": 12,
    # in English, as some outlets and their English editions write them ("2 October 2024")
    "january": 1,
    "february": 2,
    "march": 3,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "october": 10,
    "december": 12,
}
_DATE_PATTERNS = (
    re.compile(r"\((\d{1,2})/(\d{1,2})/(\d{4})\)"),  # Rabu (23/9/2020)
    re.compile(r"(\d{1,2}) (" + "|".join(_MONTHS) + r") (\d{4}),? \d{1,2}[:.]\d{2}", re.I),
    re.compile(r"- (\d{1,2})/(\d{1,2})/(\d{4})"),  # Kompas.com - 26/08/2020
    # "ujar La Ode Januria, Senin 20 April 2020", "Rabu, 21 Oktober 2020"
    re.compile(
        r"\b(?:Senin|Selasa|Rabu|Kamis|Jumat|Jum'at|Sabtu|Minggu),?\s+(\d{1,2}) (" + "|".join(_MONTHS) + r") (\d{4})\b",
        re.I,
    ),
)


@cache
def rules() -> dict:
    return yaml.safe_load(RULES_FILE.read_text(encoding="utf-8"))


@dataclass
class Article:
    article_id: str
    source_file: str
    text: str
    title: str | None = None
    source_url: str | None = None
    published_date: str | None = None  # ISO date


# a flattened table's image cell ("![]() |") or rule ("---|")
_TABLE_FURNITURE = re.compile(r"^(?:!\[[^\]]*\]\([^)]*\)|-{3,})\s*\|?$")


def strip_furniture(text: str) -> str:
    """Drop furniture lines and everything after a furniture block heading. A line ending in a table cell's
    "|" beside an image cell is a cell of a flattened table: a linked headline or a photo's caption
    ("Bawaslu Majene Kirim 19 Kasus ... ke BKN |" above "![]() |"), not the article's text."""
    r = rules()
    lines = text.splitlines()
    beside_image = {
        i + step
        for i, line in enumerate(lines)
        if _TABLE_FURNITURE.match(line.strip()) and line.strip()[0] == "!"
        for step in (-1, 1)
    }
    kept = []
    for i, line in enumerate(lines):
        stripped = line.strip()
        if stripped in r["furniture_block_starts"]:
            break
        if stripped.startswith(tuple(r["furniture_line_prefixes"])) or _TABLE_FURNITURE.match(stripped):
            continue
        if i in beside_image and stripped.endswith("|"):
            continue
        kept.append(line)
    return "\n".join(kept).strip()


def published_date_in(text: str) -> str | None:
    """The first publication date written the way Indonesian sites print one."""
    for pattern in _DATE_PATTERNS:
        match = pattern.search(text)
        if not match:
            continue
        day, month, year = match.groups()
        month_number = int(month) if month.isdigit() else _MONTHS[month.lower()]
        return f"{int(year):04d}-{month_number:02d}-{int(day):02d}"
    return None


# "https://fajar.co.id/2020/09/01/...": the date many outlets put in an article's address
_URL_DATE = re.compile(r"/((?:19|20)\d{2})/(0[1-9]|1[0-2])/(0[1-9]|[12]\d|3[01])(?:/|$)")


def published_date_in_url(url: str | None) -> str | None:
    """The publication date an address holds as /year/month/day/: where the text prints none."""
    match = _URL_DATE.search(url or "")
    return "-".join(match.groups()) if match else None


@dataclass
class BadLine:
    """A line of a `.jsonl` file that holds no article: quarantined, while the file's other lines load."""

    line: int
    reason: str
    preview: dict


def read_articles(path: Path) -> list[Article]:
    """The articles of one landing file (lines holding none are left out; see `read_article_file`)."""
    return [article for _, article in read_article_file(path)[0]]


def read_article_file(path: Path) -> tuple[list[tuple[int, Article]], list[BadLine]]:
    """The articles of one landing file with the line each came from, and the lines that hold none."""
    suffix = path.suffix.lower()
    if suffix == ".txt":
        raw = path.read_text(encoding="utf-8", errors="replace")
        return [(1, _article(path.stem, path.name, raw))], []
    if suffix == ".html":
        return [(1, _from_html(path.stem, path.name, path.read_text(encoding="utf-8", errors="replace")))], []
    if suffix == ".jsonl":
        return _read_jsonl(path)
    raise ValueError(f"{path.name}: unsupported article file type '{suffix}'")


def _read_jsonl(path: Path) -> tuple[list[tuple[int, Article]], list[BadLine]]:
    articles, bad = [], []
    for number, data in enumerate(path.read_bytes().splitlines(), start=1):
        if not data.strip():
            continue
        try:
            record = json.loads(data.decode("utf-8"))
        except UnicodeDecodeError:
            bad.append(BadLine(number, f"line {number} is not UTF-8 text: save the file as UTF-8", {}))
            continue
        except json.JSONDecodeError as exc:
            bad.append(BadLine(number, f"line {number} is not a JSON record ({exc.msg} at column {exc.colno})", {}))
            continue
        if not isinstance(record, dict) or not str(record.get("id") or "").strip():
            bad.append(BadLine(number, f"line {number} has no article id (an 'id' field)", {}))
            continue
        preview = {k: str(record.get(k))[:200] for k in ("id", "url", "title", "published_at") if record.get(k)}
        if "title" in preview:
            preview["title"] = clean(preview["title"])  # a quarantined line keeps no name either
        article_id = str(record["id"]).strip()
        try:
            if record.get("html"):
                article = _from_html(article_id, path.name, str(record["html"]))
            else:
                article = _article(article_id, path.name, str(record.get("text") or ""))
        except ValueError as exc:
            bad.append(BadLine(number, f"line {number}: {exc}", preview))
            continue
        article.title = clean(str(record["title"])) if record.get("title") else article.title
        article.source_url = record.get("url") or article.source_url
        article.published_date = (
            (str(record.get("published_at") or ""))[:10]
            or article.published_date
            or published_date_in_url(article.source_url)
        )
        articles.append((number, article))
    return articles, bad


def clean(raw: str) -> str:
    """An article's text as the warehouse keeps it: page furniture dropped, people's names masked."""
    from ingest.news.names import mask_names  # names reads the region list, which imports this module's rules

    return mask_names(strip_furniture(raw))


def _article(article_id: str, file_name: str, raw: str) -> Article:
    text = clean(raw)
    title = next((line.strip() for line in text.splitlines() if line.strip()), None)
    return Article(article_id, file_name, text, title=title, published_date=published_date_in(raw))


def _from_html(article_id: str, file_name: str, html: str) -> Article:
    import trafilatura  # imported here: it is slow to import and only HTML needs it

    extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    if extracted is None:
        raise ValueError(f"{file_name}: no article text found in the page")
    document = extracted if isinstance(extracted, dict) else extracted.as_dict()
    article = _article(article_id, file_name, document.get("text") or "")
    article.title = document.get("title") or article.title
    article.source_url = document.get("url")
    article.published_date = (
        (document.get("date") or "")[:10] or article.published_date or published_date_in_url(article.source_url)
    )
    return article
