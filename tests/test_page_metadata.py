"""What a saved news page says about itself: its address, outlet, title and date, read by the
conventions of HTML, Open Graph and schema.org (helpers.ingest.reading.parse_html)."""
import json

import pytest

from helpers.ingest import reading
from helpers.ingest.parse import parse_source

BODY = "<h1>Envoys meet in Astana</h1><p>The envoys met on Tuesday.</p>"


def _ld(node: dict) -> str:
    return f'<script type="application/ld+json">{json.dumps(node)}</script>'


@pytest.mark.parametrize("head, url", [
    ('<link rel="canonical" href="https://a.example/2023/envoys">', "https://a.example/2023/envoys"),
    ('<meta property="og:url" content="https://a.example/og"><link rel="canonical" href="https://a.example/c">',
     "https://a.example/og"),
    ('<link rel="canonical" href="/relative/envoys">', ""),  # no address without its site
    (_ld({"@type": "NewsArticle", "mainEntityOfPage": {"@type": "WebPage", "@id": "https://a.example/ld"}}),
     "https://a.example/ld"),
    (_ld({"@type": "BreadcrumbList", "url": "https://a.example/news"}), ""),  # the site's, not the story's
    (_ld({"@graph": [{"@type": "NewsArticle", "mainEntityOfPage": {"@id": "https://a.example/#webpage"}},
                     {"@type": "WebPage", "@id": "https://a.example/#webpage", "url": "https://a.example/graph"}]}),
     "https://a.example/graph"),
])
def test_the_page_address_from_its_metadata(head, url):
    source = reading.parse_html(f"<html><head><title>T</title>{head}</head><body>{BODY}</body></html>")
    assert source.meta.get("source_url", "") == url


@pytest.mark.parametrize("comment", [
    "<!-- saved from url=(0039)https://a.example/2023/03/03/envoys.html -->",
    "<!--\n Page saved with SingleFile \n url: https://a.example/2023/03/03/envoys.html \n"
    " saved date: Fri Mar 10 2023 10:00:00 GMT+0100 (CET)\n-->",
])
def test_a_saved_page_gives_the_address_it_was_saved_from(comment):
    source = reading.parse_html(f"<!DOCTYPE html>\n{comment}\n<html><head><title>T</title></head><body>{BODY}</body></html>")
    assert source.meta["source_url"] == "https://a.example/2023/03/03/envoys.html"
    doc = parse_source(source, "p")[0]
    assert doc.outlet == "a.example"


def test_a_comment_that_is_no_saved_from_mark_gives_no_address():
    assert "source_url" not in reading.parse_html("<!-- url: https://a.example/x -->" + BODY).meta


def _outlet(page: str) -> str:
    return parse_source(reading.parse_html(page), "p")[0].outlet


def test_the_outlet_is_the_json_ld_publisher_not_its_author():
    story = {"@type": "NewsArticle", "author": {"@type": "Person", "name": "Timur Akhmetov"},
             "publisher": {"@type": "Organization", "name": "The Caspian Herald"}}
    assert _outlet(f"<head>{_ld(story)}</head>{BODY}") == "The Caspian Herald"
    graph = {"@graph": [{"@type": "Organization", "@id": "https://a.example/#org", "name": "Caspian Herald"},
                        {"@type": ["NewsArticle"], "publisher": {"@id": "https://a.example/#org"},
                         "author": {"@id": "https://a.example/#jane"}},
                        {"@type": "Person", "@id": "https://a.example/#jane", "name": "Jane Roe"}]}
    assert _outlet(f"<head>{_ld(graph)}</head>{BODY}") == "Caspian Herald"
    og = '<meta property="og:site_name" content="Herald Online">'
    assert _outlet(f"<head>{og}{_ld(story)}</head>{BODY}") == "Herald Online"


@pytest.mark.parametrize("title, extra, outlet", [
    ("Envoys meet in Astana | Daily Steppe", "", "Daily Steppe"),  # the other side is the <h1>
    ("Daily Steppe - Envoys meet in Astana", "", "Daily Steppe"),
    ("Envoys meet in Astana &#8211; Daily Steppe", "", "Daily Steppe"),  # WordPress's separator
    ("Astana talks | Reuters", '<link rel="canonical" href="https://www.reuters.com/world/x">', "Reuters"),  # the host
    ("Site | Page", "", ""),  # neither side is the headline or the host's name
    ("Envoys meet in Astana - World | Daily Steppe", "", ""),  # the rest holds another separator
])
def test_the_outlet_from_the_sites_name_in_the_title(title, extra, outlet):
    assert _outlet(f"<head><title>{title}</title>{extra}</head>{BODY}") == outlet


@pytest.mark.parametrize("title, kwargs, parts", [
    ("Envoys meet | World news | The Guardian", {"names": ["The Guardian"]}, ("Envoys meet | World news", "The Guardian")),
    ("BBC - Envoys meet", {"names": [], "host": "bbc"}, ("Envoys meet", "BBC")),
    ("BBC News - Envoys meet", {"names": [], "host": "bbc"}, ("BBC News - Envoys meet", "")),  # the name, whole
    ("Russia-Ukraine war - live", {"names": ["Daily Steppe"]}, ("Russia-Ukraine war - live", "")),
    ("Envoys meet", {"names": ["Envoys meet"]}, ("Envoys meet", "")),
])
def test_split_site_name(title, kwargs, parts):
    assert reading.split_site_name(title, **kwargs) == parts


@pytest.mark.parametrize("head, body, title", [
    # og:title, when the page's headline is no <h1>; the headline shown on the page is not body text
    ('<title>Envoys meet | Daily Steppe</title><meta property="og:title" content="Envoys meet in Astana">',
     "<div class='hed'>Envoys meet in Astana</div>", "Envoys meet in Astana"),
    (_ld({"@type": "NewsArticle", "headline": "Envoys meet in Astana"}), "", "Envoys meet in Astana"),
    ('<title>Envoys meet in Astana - Daily Steppe</title><meta property="og:site_name" content="Daily Steppe">',
     "<div class='hed'>Envoys meet in Astana</div>", "Envoys meet in Astana"),
    ('<title>Envoys meet in Astana - Daily Steppe</title>', "", "Envoys meet in Astana - Daily Steppe"),  # unconfirmed
    ('<title>Envoys | Daily Steppe</title><meta property="og:title" content="Envoys meet">',
     "<h1>Envoys meet in Astana</h1>", "Envoys meet in Astana"),  # the <h1> first
])
def test_the_title_of_a_page_without_a_headline_h1(head, body, title):
    source = reading.parse_html(f"<head>{head}</head><body>{body}<p>The envoys met on Tuesday.</p></body>")
    assert source.title == title
    assert [line for line in source.lines if line] == ["The envoys met on Tuesday."]


def _time(page: str) -> str:
    return reading.parse_html(page).meta.get("html_date:<time datetime>", "")


@pytest.mark.parametrize("page, when", [
    # the updated time printed before the published one (GeneratePress), and marked by hAtom or microdata
    ('<h1>T</h1><time class="updated" datetime="2023-03-05">March 5</time>'
     '<time class="entry-date published" datetime="2023-03-03">March 3</time><p>Body.</p>', "2023-03-03"),
    ('<h1>T</h1><time itemprop="dateModified" datetime="2023-03-05">5</time>'
     '<time itemprop="datePublished" datetime="2023-03-03">3</time>', "2023-03-03"),
    ('<h1>T</h1><time datetime="2023-03-05">5</time><time pubdate datetime="2023-03-03">3</time>', "2023-03-03"),
    ('<h1>T</h1><time class="entry-date published updated" datetime="2023-03-03">3</time>', "2023-03-03"),
    ('<h1>T</h1><time class="updated" datetime="2023-03-05">5</time>', ""),  # only when it was modified
    # teaser cards of other stories before the story's byline
    ('<div class="rail"><article><a>Other</a><time datetime="2023-03-14">2h ago</time></article></div>'
     '<article><h1>T</h1><div class="byline">By X <time datetime="2023-03-10">March 10</time></div>'
     '<p>The envoys met.</p></article>', "2023-03-10"),
    ('<article><h1>T</h1><p>The envoys met.</p></article><div class="byline"><time datetime="2023-03-10">10</time>'
     '</div><article><a>Other</a><time datetime="2023-03-14">14</time></article>', "2023-03-10"),
    # a reader's comment, a related-links box, the masthead's date
    ('<h1>T</h1><p>The envoys met.</p><div id="comments"><time datetime="2023-03-12">12</time></div>', ""),
    ('<aside><time datetime="2023-03-12">12</time></aside><h1>T</h1><p>The envoys met.</p>', ""),
    ('<header><time datetime="2023-03-12">Sunday, March 12</time></header><h1>T</h1><p>The envoys met.</p>', ""),
])
def test_the_time_that_dates_the_story(page, when):
    assert _time(page) == when


def test_a_block_that_is_only_the_sites_or_the_authors_name_is_furniture():
    story = {"@type": "NewsArticle", "author": [{"@type": "Person", "name": "Timur Akhmetov"}],
             "publisher": {"@type": "Organization", "name": "Ashgabat Post"}}
    page = (f"<head>{_ld(story)}</head><body><div class='bar'><span>Ashgabat Post</span></div><h1>T</h1>"
            "<div class='article__author'>Timur Akhmetov</div><p>The envoys met on Tuesday.</p>"
            "<p>Ashgabat Post reported on Monday that the envoys would meet.</p></body>")
    source = reading.parse_html(page)
    assert [line for line in source.lines if line] == ["The envoys met on Tuesday.",
                                                       "Ashgabat Post reported on Monday that the envoys would meet."]
    assert source.removed == [("Ashgabat Post", "site name"), ("Timur Akhmetov", "byline")]
    author = '<meta name="author" content="Jane Roe">'
    assert reading.parse_html(f"<head>{author}</head><h1>T</h1><p>Jane Roe</p><p>Body.</p>").removed == [
        ("Jane Roe", "byline")]


@pytest.mark.parametrize("title, host, parts", [
    ("Envoys meet | The Guardian", "theguardian", ("Envoys meet", "The Guardian")),
    ("Envoys meet | The Times", "thetimes", ("Envoys meet", "The Times")),
    ("Envoys meet | Theatre Weekly", "atreweekly", ("Envoys meet | Theatre Weekly", "")),  # "the" only as a word
])
def test_a_site_name_with_the_article_matches_its_host(title, host, parts):
    assert reading.split_site_name(title, names=[], host=host) == parts


def test_an_h1_that_is_only_the_sites_name_is_its_logo_not_the_headline():
    head = '<title>Envoys meet in Astana | Daily Steppe</title><meta property="og:site_name" content="Daily Steppe">'
    page = (f"<head>{head}</head><body><div class='brand'><h1><a href='/'>Daily Steppe</a></h1></div>"
            "<h2>Envoys meet in Astana</h2><p>The envoys met on Tuesday.</p></body>")
    source = reading.parse_html(page)
    assert source.title == "Envoys meet in Astana"
    assert [line for line in source.lines if line] == ["The envoys met on Tuesday."]
    assert source.removed == [("Daily Steppe", "site name")]
