"""A news page's furniture is no text of the story: HTML's navigation, sidebars, footers and
figures, widgets named by their class, the teasers outside the page's <article>, and the wire
services' closing credits and date lines. Every piece is listed with the boilerplate."""
import pytest

from helpers.ingest import boilerplate, reading
from helpers.pipeline.document import analyse_file
from helpers.ingest.parse import parse_source

PAGE = """<!DOCTYPE html><html><head><title>Envoys meet | Daily World</title>
<meta property="article:published_time" content="2023-02-28T10:15:00Z"></head><body>
<header class="site-header"><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
<div class="newsletter-signup">Sign up for our morning newsletter</div>
<article>
<h1>Envoys meet in Astana</h1>
<div class="byline">By Jane Roe</div>
<div class="share-bar">Share on Facebook Share on Twitter</div>
<figure><img src="a.jpg"><figcaption>Ministers arrive in Astana. Photo: Agency</figcaption></figure>
<p>The foreign ministers of Kazakhstan and Uzbekistan met in Astana on Tuesday.</p>
<aside><h3>Related</h3><ul><li><a href="/x">Russia warns Kazakhstan over sanctions</a></li></ul></aside>
<div class="article-body story-text"><p>They agreed to expand trade.</p></div>
<p>Reporting by Jane Roe in Astana; Editing by John Poe</p>
</article>
<article class="teaser"><h2>Other news</h2><p>China hosts a summit.</p></article>
<footer>© 2023 Daily World | Privacy</footer>
</body></html>"""


def test_only_the_story_of_the_page_is_text():
    doc, removed, _ = parse_source(reading.parse_html(PAGE), "p")
    assert doc.title == "Envoys meet in Astana"
    assert [s.text for s in doc.sentences] == [
        "The foreign ministers of Kazakhstan and Uzbekistan met in Astana on Tuesday.",
        "They agreed to expand trade.",
    ]
    reasons = dict((text, why) for text, why in removed)
    assert reasons["Home World"] == "page furniture (class or id 'header')"  # the nav inside it too
    assert reasons["Related | Russia warns Kazakhstan over sanctions"] == "page furniture <aside>"
    assert reasons["Share on Facebook Share on Twitter"] == "page furniture (class or id 'share')"
    assert reasons["By Jane Roe"] == "page furniture (class or id 'byline')"
    assert reasons["Ministers arrive in Astana. Photo: Agency"] == "page furniture <figure>"
    assert reasons["Other news | China hosts a summit."] == "outside the page's <article>"
    assert reasons["Reporting by Jane Roe in Astana; Editing by John Poe"] == "credit"
    assert any(why == "page furniture <footer>" for why in reasons.values())


def test_a_related_headline_gives_no_stance_or_mention(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(PAGE.replace("Russia warns Kazakhstan over sanctions", "Kazakhstan backs sanctions on Russia"),
                    encoding="utf-8")
    rows = analyse_file(str(page), "p").rows
    assert {m["actor_id"] for m in rows["mentions"]} == {"KAZ", "UZB", "ASTANA"}
    assert rows["stance"] == []
    assert len(rows["boilerplate"]) == 9


def test_a_content_class_keeps_an_element_whatever_else_it_says():
    page = '<h1>T</h1><div class="main-content sidebar-aware"><p>Kazakhstan abstained in the vote.</p></div>'
    assert "Kazakhstan abstained in the vote." in reading.parse_html(page).lines


def test_a_page_without_an_article_keeps_its_body_less_the_furniture():
    page = ("<title>T</title><nav>Home | World</nav><p>Kazakhstan abstained in the vote.</p>"
            "<div id='comments'>12 comments</div>")
    source = reading.parse_html(page)
    assert [line for line in source.lines if line] == ["Kazakhstan abstained in the vote."]
    assert [why for _, why in source.removed] == ["page furniture <nav>", "page furniture (class or id 'comments')"]


@pytest.mark.parametrize("line, reason", [
    ("Reporting by Olzhas Auyezov in Almaty and Mariya Gordeyeva; Writing by Tom Balmforth; "
     "Editing by Alex Richardson", "credit"),
    ("Additional reporting by Guy Faulconbridge in Moscow; writing by Mark Trevelyan", "credit"),
    ("Associated Press writer Dasha Litvinova in Tallinn, Estonia, contributed to this report.", "credit"),
    ("Our Standards: The Thomson Reuters Trust Principles.", "trailer"),
    ("February 28, 2023", "date line"),
    ("Updated: Feb 28, 2023 10:15 AM EST", "date line"),
    ("Tue 28 Feb 2023 10.15 GMT", "date line"),
])
def test_wire_credits_and_date_lines_are_boilerplate(line, reason):
    assert boilerplate.remove_boilerplate([line]).removed == [(line, reason)]


@pytest.mark.parametrize("line", [
    "Editing by the ministry is not allowed because the law says so.",
    "Reporting by the press was banned in the region.",
    "On February 28, 2023, the leaders met in Astana.",
    "May 2023 was the hottest month on record in Kazakhstan.",
])
def test_sentences_that_look_like_credits_or_dates_are_kept(line):
    assert boilerplate.remove_boilerplate([line]).kept == [line]


@pytest.mark.parametrize("line, reason", [
    ("By Olzhas Auyezov", "byline"),
    ("By Jane Doe and John Roe, Reuters", "byline"),
    ("By Anna Smith, Moscow Correspondent", "byline"),
    ("3 min read", "page widget"),
    ("Listen to this article", "page widget"),
    ("Story continues below advertisement", "page widget"),
    ("This article was originally published on Reuters.com.", "page widget"),
    ("(Reporting by Olzhas Auyezov; Editing by Kim Coghill)", "credit"),
    ("Related Coverage", "cross-link"),
    ("More from Reuters", "cross-link"),
])
def test_scraped_page_lines_are_boilerplate(line, reason):
    assert boilerplate.remove_boilerplate([line]).removed == [(line, reason)]


def test_the_headlines_under_a_heading_of_links_go_with_it():
    paras = ["Kazakhstan tightened export controls on Friday.", "Read more:",
             "Kazakhstan says it will comply with Western sanctions", "Russia's trade with Central Asia booms",
             "The United States has warned Central Asian states against helping Moscow."]
    out = boilerplate.remove_boilerplate(paras)
    assert out.kept == [paras[0], paras[4]]
    assert out.removed == [(p, "cross-link") for p in paras[1:4]]


def test_a_heading_of_links_takes_no_more_lines_than_a_box_of_links_holds():
    # a run longer than a related-links box (cross_link_max_lines) is the story's own unpunctuated lines
    story = [f"Minister {n} arrived in Astana for the talks" for n in range(1, 11)]
    out = boilerplate.remove_boilerplate(["Related Coverage"] + story)
    limit = boilerplate.cross_link_settings().max_lines
    assert out.removed == [("Related Coverage", "cross-link")] + [(p, "cross-link") for p in story[:limit]]
    assert out.kept == story[limit:]


def test_another_removal_under_a_heading_of_links_ends_the_list():
    paras = ["Read more:", "Advertisement", "Officials met in Astana on Tuesday", "They agreed to meet again."]
    out = boilerplate.remove_boilerplate(paras)
    assert out.removed == [("Read more:", "cross-link"), ("Advertisement", "advertisement")]
    assert out.kept == paras[2:]


def test_a_link_on_its_own_line_opens_no_list():
    # "ALSO READ: <headline>" is the link itself: the next line is the story's again, whatever it ends in
    paras = ["ALSO READ: Kazakhstan backs sanctions", "Officials met in Astana on Tuesday",
             "They agreed to meet again."]
    assert boilerplate.remove_boilerplate(paras).kept == paras[1:]


@pytest.mark.parametrize("line", [
    "By Tuesday, Kazakhstan had tightened its export controls on dual-use goods.",
    "Related talks will be held in Astana next month, officials said.",
])
def test_story_sentences_that_open_like_furniture_are_kept(line):
    assert boilerplate.remove_boilerplate([line]).kept == [line]


def test_a_wordpress_post_is_the_story_whatever_its_taxonomy_classes():
    page = ('<h1>T</h1><article class="post-12 post type-post tag-social category-comments hentry">'
            '<div class="entry-content tag-sharing"><p>Kazakhstan abstained in the vote.</p></div>'
            '<div class="sharedaddy sd-sharing-enabled share-buttons">Share this</div></article>')
    source = reading.parse_html(page)
    assert [line for line in source.lines if line] == ["Kazakhstan abstained in the vote."]
    assert [why for _, why in source.removed] == ["page furniture (class or id 'share')"]


def test_a_wrapper_class_that_says_what_the_page_lacks_is_no_furniture():
    page = '<title>T</title><div id="page" class="site no-sidebar is-paywall-free"><p>Kazakhstan abstained.</p></div>'
    assert [line for line in reading.parse_html(page).lines if line] == ["Kazakhstan abstained."]


def test_furniture_never_closed_keeps_the_page_rather_than_losing_it():
    page = "<title>T</title><nav>Home<p>Kazakhstan abstained in the vote.</p>"
    assert "Kazakhstan abstained in the vote." in reading.parse_html(page).lines


def test_by_and_one_capitalised_word_is_no_byline():
    assert boilerplate.remove_boilerplate(["By Friday"]).kept == ["By Friday"]


def _with_spec(monkeypatch, module, cached, change):
    """Read the furniture settings from a changed copy of boilerplate.yaml (the cache cleared around it;
    a copy, since load_yaml's cached mapping is shared by every later reader)."""
    import copy

    from helpers.model.resources import load_yaml

    def changed(name):
        spec = copy.deepcopy(load_yaml(name))
        change(spec)
        return spec

    cached.cache_clear()
    monkeypatch.setattr(module, "load_yaml", changed)


def test_the_limits_of_a_heading_of_links_are_read_from_the_data_file(monkeypatch):
    paras = ["Related Coverage", "Kazakhstan says it will comply with Western sanctions"]
    try:
        _with_spec(monkeypatch, boilerplate, boilerplate.cross_link_settings,
                   lambda spec: spec.update(cross_link_heading_chars=10))
        assert boilerplate.remove_boilerplate(paras).kept == paras[1:]  # "Related Coverage" is now too long
        _with_spec(monkeypatch, boilerplate, boilerplate.cross_link_settings,
                   lambda spec: spec.update(paragraph_endings=["s"]))
        assert boilerplate.remove_boilerplate(paras).kept == paras[1:]  # the headline now ends a paragraph
    finally:
        boilerplate.cross_link_settings.cache_clear()


def test_the_taxonomy_prefixes_are_read_from_the_data_file(monkeypatch):
    page = '<h1>T</h1><div class="tag-social"><p>Kazakhstan abstained in the vote.</p></div>'
    assert "Kazakhstan abstained in the vote." in reading.parse_html(page).lines
    try:
        _with_spec(monkeypatch, reading, reading._page_chrome,
                   lambda spec: spec["html_chrome"].update(taxonomy_prefixes=[]))
        assert "Kazakhstan abstained in the vote." not in reading.parse_html(page).lines
    finally:
        reading._page_chrome.cache_clear()


_TEASER = ("<article class='card'><h2>Kazakhstan backs sanctions on Russia</h2><p>Kazakhstan said on Monday it "
           "would back the sanctions, its foreign minister told reporters after a long meeting in Astana.</p></article>")


def test_the_story_is_the_article_holding_the_headline_not_a_longer_teaser():
    page = ("<title>T</title><article><h1>Envoys meet in Astana</h1><p>The envoys met on Tuesday.</p></article>"
            + _TEASER)
    source = reading.parse_html(page)
    assert source.title == "Envoys meet in Astana"
    assert [line for line in source.lines if line] == ["The envoys met on Tuesday."]
    assert [why for _, why in source.removed] == ["outside the page's <article>"]


def test_with_no_or_several_headed_articles_the_longest_is_the_story():
    short = "<article><h1>Envoys meet</h1><p>The envoys met on Tuesday.</p></article>"
    for page in (short.replace("h1>", "h2>") + _TEASER, short + _TEASER.replace("h2>", "h1>")):
        lines = [line for line in reading.parse_html(page).lines if line]
        assert lines[-1].startswith("Kazakhstan said on Monday"), page


def test_an_article_holding_only_the_headline_is_no_story():
    page = "<article><h1>Envoys meet in Astana</h1></article><article><p>The envoys met on Tuesday.</p></article>"
    source = reading.parse_html(page)
    assert (source.title, [line for line in source.lines if line]) == ("Envoys meet in Astana",
                                                                       ["The envoys met on Tuesday."])


@pytest.mark.parametrize("page", [
    # the site's logo set as an <h1> in the page's banner, then the headline
    "<header><h1 class='logo'>Daily Steppe</h1></header><h1>Envoys meet in Astana</h1><p>The envoys met on Tuesday.</p>",
    # a sidebar widget's heading as an <h1> before the story's <main>
    "<div class='rail'><h1>Most read</h1><p>Astana airport to expand</p></div>"
    "<main><h1>Envoys meet in Astana</h1><p>The envoys met on Tuesday.</p></main>",
    # an <h1> before the story's <article> and the headline inside it
    "<div class='brand'><h1>Daily Steppe</h1></div><article><h1>Envoys meet in Astana</h1>"
    "<p>The envoys met on Tuesday.</p></article>",
])
def test_of_several_h1s_the_headline_is_the_storys_own(page):
    source = reading.parse_html(page)
    assert source.title == "Envoys meet in Astana"
    assert "Envoys meet in Astana" not in source.lines and "The envoys met on Tuesday." in source.lines


def test_an_h1_in_the_page_header_is_the_headline_when_it_is_the_only_one():
    page = "<header><h1>Envoys meet in Astana</h1></header><p>The envoys met on Tuesday.</p>"
    source = reading.parse_html(page)
    assert (source.title, [line for line in source.lines if line]) == ("Envoys meet in Astana",
                                                                       ["The envoys met on Tuesday."])


def test_an_h1_left_open_ends_with_the_element_around_it():
    page = "<div><h1>Envoys meet in Astana</div><p>The envoys met on Tuesday.</p>"
    assert reading.parse_html(page).title == "Envoys meet in Astana"


def test_the_page_banner_is_furniture_and_its_date_no_dateline():
    page = ("<header><div class='top'>Friday, March 10, 2023</div><div class='brand'>Office of the Spokesperson</div>"
            "</header><h1>Envoys meet in Astana</h1><p>ASTANA, March 3, 2023 - The envoys met on Tuesday.</p>")
    doc, removed, _ = parse_source(reading.parse_html(page), "p")
    assert [s.text for s in doc.sentences] == ["ASTANA, March 3, 2023 - The envoys met on Tuesday."]
    assert ("Friday, March 10, 2023 | Office of the Spokesperson", "page header <header>") in removed
    assert (doc.meta["date"], doc.meta["date_source"]) == ("2023-03-03", "dateline")


@pytest.mark.parametrize("page", [
    "<header><h1>Envoys meet in Astana</h1><p class='dek'>Talks on trade and water.</p></header>",
    "<main><header><p class='dek'>Talks on trade and water.</p></header></main>",
    "<section><header><p class='dek'>Talks on trade and water.</p></header></section>",
])
def test_a_header_holding_the_headline_or_inside_a_section_is_the_storys(page):
    source = reading.parse_html("<title>Envoys meet</title>" + page + "<p>The envoys met on Tuesday.</p>")
    assert "Talks on trade and water." in source.lines and not source.removed


def test_a_line_of_time_elements_alone_is_a_date_line():
    page = ('<h1>T</h1><div class="entry-meta"><span class="posted-on"><time class="updated" datetime="2023-03-05">'
            'March 5, 2023</time><time class="entry-date published" datetime="2023-03-03">March 3, 2023</time>'
            '</span></div><p>ASTANA, <time datetime="2023-03-03">March 3</time> - The envoys met.</p>')
    source = reading.parse_html(page)
    assert [line for line in source.lines if line] == ["ASTANA, March 3 - The envoys met."]
    assert source.removed == [("March 5, 2023March 3, 2023", "date line <time>")]
    assert reading.parse_html("<p><time datetime='2023-03-03'>March 3, 2023</time></p>").lines[0] == "March 3, 2023"


def test_amp_components_of_page_furniture_are_no_text():
    page = ('<html amp><body><amp-consent id="c" layout="nodisplay"><div>We use cookies. <span>OK</span></div>'
            '</amp-consent><amp-sidebar id="s" layout="nodisplay"><ul><li>Home</li><li>Sport</li></ul></amp-sidebar>'
            '<h1>T</h1><p>The envoys met on Tuesday.</p><amp-ad width="300" height="250" type="doubleclick">'
            '<div placeholder>Loading ad</div></amp-ad><p>They agreed to meet again.</p>'
            '<amp-social-share type="twitter">Tweet</amp-social-share></body></html>')
    source = reading.parse_html(page)
    assert [line for line in source.lines if line] == ["The envoys met on Tuesday.", "They agreed to meet again."]
    assert [why for _, why in source.removed] == ["page furniture <amp-consent>", "page furniture <amp-sidebar>",
                                                   "page furniture <amp-ad>", "page furniture <amp-social-share>"]


@pytest.mark.parametrize("line", [
    "We use cookies to give you the best experience on our website.",
    "We and our partners use cookies to personalise content and ads and to analyse our traffic.",
    "This website uses cookies to improve your experience. By continuing to browse the site you agree to our use "
    "of cookies.",
    "Accept All Cookies", "Cookie Settings", "Reject all",
])
def test_a_cookie_notice_is_boilerplate(line):
    assert boilerplate.remove_boilerplate([line]).removed == [(line, "cookie notice")]


@pytest.mark.parametrize("line", [
    "The regulator said the website uses cookies to track users without their consent.",
    "\u201cWe use cookies,\u201d the company said in a statement.",
    "Kazakhstan will accept all the recommendations, the minister said.",
])
def test_sentences_about_cookies_are_kept(line):
    assert boilerplate.remove_boilerplate([line]).kept == [line]


def test_a_consent_platforms_box_is_furniture():
    page = ('<div id="onetrust-consent-sdk"><div id="onetrust-policy"><p>Your privacy choices matter to us.</p></div>'
            '</div><h1>T</h1><p>The envoys met on Tuesday.</p>')
    source = reading.parse_html(page)
    assert [line for line in source.lines if line] == ["The envoys met on Tuesday."]
    assert [why for _, why in source.removed] == ["page furniture (class or id 'consent')"]


def test_the_title_of_a_sign_up_box_goes_with_its_pitch():
    paras = ["Annual inflation slowed to 14.0% in July, the bank said.", "Get the Central Asia Brief",
             "Sign up for our weekly newsletter on the region's economy.", "The next decision is due in October."]
    out = boilerplate.remove_boilerplate(paras)
    assert out.kept == [paras[0], paras[3]]
    assert out.removed == [(paras[1], "newsletter prompt"), (paras[2], "newsletter prompt")]
    # a paragraph of the story before the pitch stays, and so does a title-like line before other furniture
    assert boilerplate.remove_boilerplate(paras[:1] + paras[2:]).kept == [paras[0], paras[3]]
    assert boilerplate.remove_boilerplate([paras[1], "Advertisement"]).kept == [paras[1]]


ARIA_PAGE = """<html><head><title>Envoys meet</title></head><body>
<div role="navigation"><a href="/">Home</a> <a href="/world">World</a></div>
<div role="main" class="layout sidebar-left">
<h1>Envoys meet in Astana</h1>
<p>The foreign ministers of Kazakhstan and Uzbekistan met in Astana on Tuesday.</p>
<div role="complementary"><h3>More</h3><p>Russia warns Kazakhstan over sanctions.</p>
<time datetime="2021-05-01">May 1, 2021</time></div>
<div role="dialog alertdialog"><p>Subscribe to our newsletter today.</p></div>
<p>They agreed to expand trade.</p>
</div>
<div role="contentinfo">© 2023 Daily World</div>
</body></html>"""


def test_aria_landmark_roles_mark_furniture_as_their_elements_do():
    # WAI-ARIA: role=navigation/complementary/contentinfo is <nav>/<aside>/<footer> on a <div>;
    # role=main keeps its element whatever its class says ("sidebar-left")
    doc, removed, _ = parse_source(reading.parse_html(ARIA_PAGE), "p")
    assert [s.text for s in doc.sentences] == [
        "The foreign ministers of Kazakhstan and Uzbekistan met in Astana on Tuesday.",
        "They agreed to expand trade.",
    ]
    reasons = dict((text, why) for text, why in removed)
    assert reasons["Home World"] == "page furniture (role 'navigation')"
    assert reasons["Subscribe to our newsletter today."] == "page furniture (role 'dialog')"
    assert reasons["© 2023 Daily World"] == "page furniture (role 'contentinfo')"
    assert any(why == "page furniture (role 'complementary')" for why in reasons.values())


def test_a_date_in_a_complementary_region_is_no_date_of_the_story():
    # the <time> of another story in a role=complementary box dates that story, not the page's
    page = ARIA_PAGE.replace(' class="layout sidebar-left"', "")
    assert reading.parse_html(page).meta == {}
    assert reading.parse_html(page.replace('role="complementary"', 'class="box"')).meta == {
        "html_date:<time datetime>": "2021-05-01"}


BLOG_POST = """<html><head><title>Envoys meet - Blog</title></head><body>
<header id="masthead" class="site-header"><p class="site-title">The Steppe Blog</p></header>
<article class="post"><header class="entry-header"><h1 class="entry-title">Envoys meet in Astana</h1>
<div class="entry-meta">Posted on <time class="entry-date published" datetime="2023-03-01">March 1, 2023</time>
by Jane Roe</div></header>
<div class="post-header-standfirst"><p>Kazakhstan backs the plan, officials said.</p></div>
<div class="entry-content"><p>The ministers met in Astana on Tuesday.</p></div>
</article></body></html>"""


def test_a_header_class_inside_the_article_is_the_story_s_own_header():
    # outside the <article> "site-header" is the masthead; inside it "post-header" holds the story's
    # standfirst, and its "Posted on ... by ..." line is a date line
    doc, removed, _ = parse_source(reading.parse_html(BLOG_POST), "p")
    assert doc.title == "Envoys meet in Astana"
    assert [s.text for s in doc.sentences] == ["Kazakhstan backs the plan, officials said.",
                                               "The ministers met in Astana on Tuesday."]
    reasons = dict((text, why) for text, why in removed)
    assert reasons["The Steppe Blog"] == "page furniture (class or id 'header')"
    assert reasons["Posted on March 1, 2023 by Jane Roe"] == "date line"
    assert doc.meta["date"] == "2023-03-01"


@pytest.mark.parametrize("line", ["Posted on March 1, 2023 by Jane Roe", "Updated Feb 28, 2023 10:15 AM EST",
                                  "February 28, 2023"])
def test_a_date_line_with_its_author_is_boilerplate(line):
    assert boilerplate.remove_boilerplate([line, "Kazakhstan abstained in the vote."]).kept == [
        "Kazakhstan abstained in the vote."]


def test_a_sentence_that_opens_with_a_date_and_by_is_kept():
    text = "On March 1, 2023 by a vote of 141 to 7, the Assembly adopted the resolution."
    assert boilerplate.remove_boilerplate([text]).kept == [text]
