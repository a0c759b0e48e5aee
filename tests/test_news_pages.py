"""Saved news pages in the shapes real sites produce (tests/fixtures/news_pages/, constructed: each
page's opening comment says which shape), read end to end: the title, the publication date and
where it came from, the outlet, the address, the story's paragraphs, and the furniture listed as
removed with its reason."""
from pathlib import Path

import pytest

from helpers.ingest import reading
from helpers.ingest.parse import parse_source

PAGES = Path(__file__).parent / "fixtures" / "news_pages"

#: name: (title, date, date_source, outlet, url, the story's paragraphs (their openings), furniture
#: (an opening of the removed text, its reason)).
EXPECTED = {
    "wordpress.html": (
        "Kazakhstan and Uzbekistan sign border treaty", "2023-03-03", "html_meta", "Steppe Times",
        "https://steppetimes.example/2023/03/03/kazakhstan-uzbekistan-border-treaty/",
        ["Kazakhstan and Uzbekistan signed a treaty on Friday", "\u201cThis is a historic day",
         "The agreement also opens two new crossing points"],
        [("Steppe Times | News from Central Asia", "page furniture (class or id 'header')"),
         ("Home | Politics", "page furniture <nav>"), ("March 5, 2023March 3, 2023", "date line <time>"),
         ("by Aigerim Sadykova", "page furniture (class or id 'byline')"),
         ("Share this:", "page furniture (class or id 'sharing')"),
         ("2 thoughts on", "page furniture (class or id 'comments')"),
         ("Recent Posts", "page furniture (class or id 'sidebar')")]),
    "json_ld.html": (
        "EU and Central Asia agree on raw materials partnership", "2023-06-02", "html_meta", "The Caspian Herald",
        "https://www.caspianherald.example/news/eu-central-asia-raw-materials-1234",
        ["The European Union and the five Central Asian states", "Kazakhstan holds large deposits"],
        [("Home › News", "page furniture (class or id 'breadcrumbs')"),
         ("More news", "outside the page's <article>"), ("Timur Akhmetov", "byline")]),
    "open_graph.html": (
        "Tokayev calls snap parliamentary election", "2023-01-19", "html_meta", "Daily Steppe",
        "https://dailysteppe.example/politics/tokayev-snap-election",
        ["The vote will be held on March 19", "Kazakh President Kassym-Jomart Tokayev on Thursday",
         "The move is part of reforms"],
        [("Daily Steppe", "page header <header>"), ("Politics Economy", "page furniture <nav>"),
         ("Most read", "cross-link"), ("Kazakhstan bans crypto mining at night", "cross-link")]),
    "byline_time.html": (
        "Uzbekistan to hold referendum on new constitution", "2023-03-10", "html_meta", "Tashkent Today", "",
        ["Uzbekistan will hold a referendum", "The draft would extend"],
        [("By Dilnoza Karimova | March 10, 2023", "page furniture (class or id 'byline')"),
         ("Latest | Samarkand hosts tourism forum", "outside the page's <article>")]),
    "dateline.html": (
        "Secretary Blinken's Meeting with Central Asian Foreign Ministers", "2023-03-03", "dateline", "", "",
        ["WASHINGTON, March 3, 2023 \u2014 Secretary of State", "The Secretary reaffirmed"],
        [("Friday, March 10, 2023 | Office of the Spokesperson", "page header <header>"),
         ("Office of the Spokesperson | Privacy Policy", "page furniture (class or id 'footer')")]),
    "wire_reuters.html": (
        "Kazakhstan says it will comply with Western sanctions on Russia", "2023-03-03", "dateline", "Reuters",
        "https://www.reuters.com/world/asia-pacific/kazakhstan-says-it-will-comply-with-sanctions-2023-03-03/",
        ["ASTANA, March 3 (Reuters) - Kazakhstan will comply", "\"We will not allow our territory"],
        [("Reuters World", "page furniture (class or id 'header')"),
         ("Reporting by Olzhas Auyezov; Editing by Alex Richardson", "credit"),
         ("Our Standards: The Thomson Reuters Trust Principles.", "trailer")]),
    "amp.html": (
        "Turkmenistan opens new gas field to Chinese investors", "2023-05-22", "html_meta", "Ashgabat Post",
        "https://ashgabatpost.example/business/2023/05/turkmenistan-gas-field.html",
        ["Turkmenistan has opened the Galkynysh field", "China is the largest buyer of Turkmen gas."],
        [("We use cookies", "page furniture <amp-consent>"), ("Home | Business | Sport", "page furniture <amp-sidebar>"),
         ("Loading ad | Advertisement", "page furniture <amp-ad>"), ("Tweet", "page furniture <amp-social-share>"),
         ("Ashgabat Post", "site name")]),
    "title_only.html": (
        "Kyrgyzstan and Tajikistan reopen border crossing", "2023-04-11", "html_meta", "Bishkek Observer", "",
        ["Kyrgyzstan and Tajikistan reopened the Kyzyl-Bel border crossing", "Trucks carrying food"], []),
    "title_pipe.html": (
        "Mongolia signs coal deal with China", "", "none", "Ulaanbaatar News",
        "https://ulaanbaatarnews.example/economy/mongolia-coal-railway-china",
        ["Mongolia signed an agreement with China", "The line will link the Tavan Tolgoi mine"], []),
    "cookie_newsletter.html": (
        "Kazakhstan cuts key rate to 16.25%", "2023-08-25", "html_meta", "Almaty Business Daily",
        "https://abd.example/markets/kazakhstan-cuts-key-rate",
        ["Kazakhstan's central bank cut its base rate", "Annual inflation slowed to 14.0%",
         "The next rate decision is due on October 6."],
        [("We and our partners use cookies", "page furniture (class or id 'consent')"),
         ("The Morning Ledger | Our best business stories", "page furniture (class or id 'newsletter')"),
         ("This website uses cookies", "outside the page's <article>"),
         ("Get the Central Asia Brief", "newsletter prompt"), ("Sign up for our weekly newsletter", "newsletter prompt")]),
}


def test_every_fixture_page_is_checked():
    assert sorted(p.name for p in PAGES.glob("*.html")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_saved_news_page(name):
    title, date, date_source, outlet, url, story, furniture = EXPECTED[name]
    doc, removed, _ = parse_source(reading.read_source(PAGES / name), name)
    assert (doc.title, doc.meta["date"], doc.meta["date_source"], doc.outlet, doc.meta.get("source_url", "")) == (
        title, date, date_source, outlet, url)
    assert len(doc.paragraphs) == len(story) and all(p.startswith(s) for p, s in zip(doc.paragraphs, story)), \
        doc.paragraphs
    for text, reason in furniture:
        assert any(t.startswith(text) and why == reason for t, why in removed), (text, reason, removed)
