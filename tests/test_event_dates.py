"""Placing an event's date phrase on the calendar against its article's date (news-style conventions)."""
import pandas as pd
import pytest

from helpers.extract.events import cue_tense
from helpers.ingest.dates import resolve
from helpers.model.tables import frame
from helpers.report import figures as F
from helpers.report.findings import finding_event_timeline

WED = "2023-03-01"  # a Wednesday


@pytest.mark.parametrize("phrase, tense, before, expected", [
    ("today", "", "", ("2023-03-01", "day")),
    ("yesterday", "", "", ("2023-02-28", "day")),
    ("tomorrow", "", "", ("2023-03-02", "day")),
    # a weekday alone: the one before for a past event, after for a future one, within seven days
    ("Tuesday", "past", "", ("2023-02-28", "day")),
    ("Tuesday", "future", "", ("2023-03-07", "day")),
    ("Wednesday", "past", "on", ("2023-03-01", "day")),
    ("Tuesday", "", "on", ("", "")),  # no tense: left unplaced rather than guessed
    ("last Monday", "", "", ("2023-02-27", "day")),
    ("next Friday", "", "", ("2023-03-03", "day")),
    ("last week", "", "", ("2023-02-20", "week")),
    ("earlier this week", "", "", ("2023-02-27", "week")),
    ("next month", "", "", ("2023-04-01", "month")),
    ("last year", "", "", ("2022-01-01", "year")),
    ("two weeks ago", "", "", ("2023-02-13", "week")),
    ("3 days ago", "", "", ("2023-02-26", "day")),
    ("20 years ago", "", "", ("2003-01-01", "year")),  # a rounded count of years: the year only
    # a month and day without a year fall near the article's date (AP: the year only when not the current one)
    ("February 28", "", "on", ("2023-02-28", "day")),
    ("Dec. 6", "", "on", ("2022-12-06", "day")),
    ("August 21", "past", "on", ("2022-08-21", "day")),
    ("August 21", "future", "on", ("2023-08-21", "day")),
    ("February 24, 2022", "", "on", ("2022-02-24", "day")),
    ("December 2022", "", "in", ("2022-12-01", "month")),
    ("late February", "", "", ("2023-02-01", "month")),
    ("last June", "", "", ("2022-06-01", "month")),
    ("next June", "", "", ("2023-06-01", "month")),
    ("June", "", "in", ("2023-06-01", "month")),
    ("June", "past", "in", ("2022-06-01", "month")),
    ("in 2021", "", "", ("2021-01-01", "year")),
    # a start or a deadline is not when the event happened
    ("by 2030", "", "", ("", "")),
    ("since 2014", "", "", ("", "")),
    ("March 3", "", "by", ("", "")),
    ("July 9", "future", "from", ("", "")),
    # a month named alone only says when after in/during/of ("Theresa May", "May I")
    ("May", "", "Theresa", ("", "")),
    ("June", "", "", ("", "")),
    ("September 31", "", "on", ("", "")),
    ("this fall", "", "", ("", "")),  # seasons differ by hemisphere
    ("a week later", "", "", ("", "")),  # relative to another event, not to the article
])
def test_resolve(phrase, tense, before, expected):
    assert resolve(phrase, WED, tense=tense, preceding=before) == expected


def test_on_a_sunday_this_week_is_the_week_ahead():
    assert resolve("This week", "2022-03-20", tense="future") == ("2022-03-21", "week")  # a Sunday
    assert resolve("last week", "2022-03-20") == ("2022-03-14", "week")
    assert resolve("this week", "2022-03-19") == ("2022-03-14", "week")  # a Saturday: its own week


def test_resolve_without_an_article_date_places_only_full_dates():
    assert resolve("yesterday", "") == ("", "")
    assert resolve("Tuesday", "", tense="past") == ("", "")
    assert resolve("March 3", "", preceding="on") == ("", "")
    assert resolve("March 3, 2023", "", preceding="on") == ("2023-03-03", "day")
    assert resolve("in 1991", "") == ("1991-01-01", "year")
    assert resolve("today", "not a date") == ("", "")


@pytest.mark.parametrize("sentence, cue, kind, expected", [
    ("blinken visited astana on tuesday", "visited", "verb", "past"),
    ("blinken met tokayev on tuesday", "met", "verb", "past"),
    ("blinken will meet tokayev on tuesday", "meet", "verb", "future"),
    ("blinken is scheduled to visit astana on tuesday", "visit", "verb", "future"),
    ("blinken visits astana on tuesday", "visits", "verb", ""),  # a present tense says nothing
    ("blinken was scheduled to meet tokayev on tuesday", "meet", "verb", ""),  # both: unknown
    ("blinken traveled to kyiv to meet zelensky on monday", "meet", "verb", ""),  # a bare "to" is no marker
    ("his upcoming visit to astana on tuesday", "visit", "noun", "future"),
    ("his visited to astana on tuesday", "visited", "noun", ""),  # a noun cue has no -ed tense
    ("kazakhstan did not vote on thursday", "did", "verb", "past"),
])
def test_cue_tense(sentence, cue, kind, expected):
    words = sentence.split()
    first = words.index(cue)
    assert cue_tense(words, first, first + 1, kind) == expected


def _events(rows):
    return frame("events", [dict({"event": "visit", "source_id": "BLINKEN", "target_id": "KAZ", "cue": "visited"},
                                 **r) for r in rows])


def test_timeline_draws_placed_events_by_date_and_falls_back_to_text_order():
    articles = pd.DataFrame({"doc_id": ["a", "b"], "title": ["A", "B"], "date": [WED, ""]})
    placed = _events([
        {"doc_id": "a", "sent_id": 3, "date_text": "yesterday", "date": "2023-02-28", "date_precision": "day"},
        {"doc_id": "a", "sent_id": 1, "date_text": "last week", "date": "2023-02-20", "date_precision": "week"},
        {"doc_id": "b", "sent_id": 2, "date_text": "Tuesday", "date": "", "date_precision": ""},
        {"doc_id": "a", "sent_id": 4, "date_text": "in 1991", "date": "1991-01-01", "date_precision": "year"},
    ])
    data = F.event_timeline_data(placed, articles)
    assert list(data["date_text"]) == ["last week", "yesterday"]  # calendar order; a year is too coarse
    fig = F.event_timeline(placed, articles)
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert len(labels) == 2 and "last week" in labels[0]
    assert "2 other dated events not placed" in fig.axes[0].get_xlabel()
    finding = finding_event_timeline(placed, articles)
    assert "2 of them" in finding and "from 2023-02-20" in finding and "to 2023-02-28" in finding
    unplaced = placed.assign(date="", date_precision="")
    assert list(F.event_timeline_data(unplaced, articles)["date_text"]) == ["last week", "yesterday", "in 1991",
                                                                            "Tuesday"]  # text order per document
    assert "text order" in finding_event_timeline(unplaced, articles)


def test_timeline_groups_events_by_type_beyond_top():
    rows = [{"doc_id": "a", "sent_id": i, "date_text": "today", "date": f"2023-03-{i + 1:02d}",
             "date_precision": "day", "event": "meet" if i % 3 else "visit"} for i in range(12)]
    fig = F.event_timeline(_events(rows), None, top=5)
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert labels == ["Meet (8)", "Visit (4)"]
    assert len(F.event_timeline_data(_events(rows), None, top=5)) == 12


def test_a_date_after_a_determiner_names_another_event():
    assert resolve("October 7", "2023-10-27", tense="past", preceding="the horrific") == ("", "")
    assert resolve("February 24", "2022-03-31", tense="past", preceding="since the") == ("", "")
    assert resolve("October 7", "2023-10-27", tense="past", preceding="met on") == ("2023-10-07", "day")


def test_relative_words_may_open_the_sentence():
    from helpers.extract.events import date_text
    assert date_text("Today, President Biden is traveling to Selma to mark Bloody Sunday.", 30) == "Today"
    assert date_text("Last Wednesday, officials hosted a meeting with leaders.", 30) == "Last Wednesday"
    assert resolve("Last Wednesday", "2023-10-24") == ("2023-10-18", "day")
    assert resolve("Today", "2023-10-24") == ("2023-10-24", "day")


def _events_of(text):
    from helpers.pipeline.document import analyse_text
    return [(e["event"], e["source_id"], e["cue"]) for e in analyse_text(f"Title\n\n{text}\n")["events"]]


def test_a_verb_form_that_is_also_a_plural_noun_needs_its_subject_right_before_it():
    assert _events_of("Russia attacks Ukraine again.") == [("invade", "RUS", "attacks")]
    assert ("support", "USA", "supports") in _events_of("The United States strongly supports Ukraine.")
    assert _events_of("The United States condemned the terrorist attacks in Israel.") == [
        ("criticize", "USA", "condemned")]
    assert not any(e[2] == "attacks" for e in _events_of("The United States will respond to threats or attacks."))
    assert not any(e[0] == "assist" for e in _events_of("The United States funds HIV/AIDS treatment in Kenya."))
