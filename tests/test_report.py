"""Figures, the brief, the index page, and hostile markup through the whole pipeline."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from matplotlib.figure import Figure

from helpers.analyse import aggregate as A
from helpers.report import brief as B
from helpers.report import context as C
from helpers.report import figures as F
from helpers.report import findings as FD
from helpers.report.index import index_html, run_parameters
from helpers.model.tables import Layout, frame
from tests.conftest import ROOT, SEEDS

# ---------------------------------------------------------------- small tables


def small_tables() -> C.Tables:
    """A two-document corpus in miniature: a vote with a conflict, a state with mixed signals."""
    d1, d2 = "doc_a", "doc_b"
    sentences = frame("sentences", [
        {"doc_id": d1, "sent_id": 1, "text": "All five Central Asian republics abstained."},
        {"doc_id": d1, "sent_id": 2, "text": "The resolution passed 141 to 7 with 32 abstentions; "
                                             "Kazakhstan and Kyrgyzstan abstained."},
        {"doc_id": d1, "sent_id": 3, "text": "Turkmenistan did not vote."},
        {"doc_id": d1, "sent_id": 4, "text": "Kazakhstan criticized sanctions but pledged to uphold them."},
        {"doc_id": d2, "sent_id": 1, "text": "Tokayev called Russia a strategic partner on Tuesday."},
        {"doc_id": d2, "sent_id": 2, "text": "Blinken visited Astana on Tuesday."},
    ])
    articles = frame("articles", [
        {"doc_id": d1, "title": "Vote story", "outlet": "Wire A", "date": "", "n_sentences": 4},
        {"doc_id": d2, "title": "Visit story", "outlet": "", "date": "2023-02-28", "n_sentences": 2},
    ])
    mentions = frame("mentions", [
        {"doc_id": d, "sent_id": s, "actor_id": a, "actor_name": n, "kind": k, "country_iso3": c}
        for d, s, a, n, k, c in [
            (d1, 1, "CENTRAL_ASIA", "Central Asia", "group", ""), (d1, 2, "KAZ", "Kazakhstan", "state", "KAZ"),
            (d1, 2, "KGZ", "Kyrgyzstan", "state", "KGZ"), (d1, 3, "TKM", "Turkmenistan", "state", "TKM"),
            (d1, 4, "KAZ", "Kazakhstan", "state", "KAZ"), (d2, 1, "TOKAYEV", "Kassym-Jomart Tokayev", "person", "KAZ"),
            (d2, 1, "RUS", "Russia", "state", "RUS"), (d2, 2, "BLINKEN", "Antony Blinken", "person", "USA"),
            (d2, 2, "KAZ", "Kazakhstan", "state", "KAZ")]])
    actors = (mentions.groupby(["doc_id", "actor_id", "actor_name", "kind", "country_iso3"]).size()
              .rename("n_mentions").reset_index())
    facts = frame("facts", [
        {"doc_id": d1, "sent_id": 1, "subject": "CENTRAL_ASIA", "predicate": "vote_on_UN_RESOLUTION", "value": "abstained"},
        {"doc_id": d1, "sent_id": 1, "subject": "CENTRAL_ASIA", "predicate": "abstained_count", "value": "5"},
        {"doc_id": d1, "sent_id": 2, "subject": "UN_RESOLUTION", "predicate": "votes_in_favor", "value": "141"},
        {"doc_id": d1, "sent_id": 2, "subject": "UN_RESOLUTION", "predicate": "votes_against", "value": "7"},
        {"doc_id": d1, "sent_id": 2, "subject": "UN_RESOLUTION", "predicate": "abstentions", "value": "32"},
        {"doc_id": d1, "sent_id": 2, "subject": "KAZ", "predicate": "vote_on_UN_RESOLUTION", "value": "abstained"},
        {"doc_id": d1, "sent_id": 2, "subject": "KGZ", "predicate": "vote_on_UN_RESOLUTION", "value": "abstained"},
        {"doc_id": d1, "sent_id": 2, "subject": "CENTRAL_ASIA", "predicate": "abstained_count", "value": "2"},
        {"doc_id": d1, "sent_id": 3, "subject": "TKM", "predicate": "vote_on_UN_RESOLUTION", "value": "did not vote"},
        {"doc_id": d1, "sent_id": 3, "subject": "BLINKEN", "predicate": "weekday", "value": "Tuesday"},
        {"doc_id": d2, "sent_id": 1, "subject": "TOKAYEV", "predicate": "weekday", "value": "Tuesday"},
        {"doc_id": d2, "sent_id": 2, "subject": "BLINKEN", "predicate": "weekday", "value": "Tuesday"},
    ])
    stance = frame("stance", [
        {"doc_id": d1, "sent_id": 2, "actor_id": "KAZ", "target": "UN_RESOLUTION", "label": "neutral", "cue": "abstained"},
        {"doc_id": d1, "sent_id": 4, "actor_id": "KAZ", "target": "SANCTIONS", "label": "oppose", "cue": "criticized"},
        {"doc_id": d1, "sent_id": 4, "actor_id": "KAZ", "target": "SANCTIONS", "label": "support", "cue": "pledged to"},
        {"doc_id": d2, "sent_id": 1, "actor_id": "TOKAYEV", "target": "RUSSIA", "label": "support",
         "cue": "strategic partner"},
    ])
    stance["basis"] = "explicit"  # each row states its position in the text
    stance["evidence"] = stance.apply(lambda r: sentences.set_index(["doc_id", "sent_id"]).loc[
        (r.doc_id, r.sent_id), "text"], axis=1)
    events = frame("events", [
        {"doc_id": d2, "sent_id": 2, "event": "visit", "source_id": "BLINKEN", "target_id": "KAZ", "cue": "visited",
         "date_text": "Tuesday"},
        {"doc_id": d1, "sent_id": 3, "event": "abstain", "source_id": "TKM", "target_id": "UN", "cue": "did not vote",
         "date_text": "last week"},
    ])
    sentiment = frame("sentiment", [{"doc_id": r.doc_id, "sent_id": r.sent_id, "score": s}
                                    for r, s in zip(sentences.itertuples(), (-0.5, -0.2, 0.0, -0.4, 0.3, 0.1))])
    from helpers.analyse.aggregate import actor_sentiment, article_sentiment
    from helpers.analyse.aggregate import hedging_index, stance_matrix

    t = {name: C.empty(name) for name in C.TABLE_NAMES}
    t.update(articles=articles, sentences=sentences, mentions=mentions, actors=actors, facts=facts, stance=stance,
             events=events, sentiment=sentiment, article_sentiment=article_sentiment(sentiment),
             actor_sentiment=actor_sentiment(sentiment, mentions), stance_matrix=stance_matrix(stance, actors),
             hedging=hedging_index(stance, A.actor_country(actors)),
             manifest=frame("manifest", [{"path": f"{d}.txt", "doc_id": d, "status": "processed"} for d in (d1, d2)]))
    return C.Tables(**t)


def empty_tables() -> C.Tables:
    return C.Tables(**{name: C.empty(name) for name in C.TABLE_NAMES})


def figure_args(t: C.Tables, tables: tuple[str, ...]) -> list[pd.DataFrame]:
    return [getattr(t, name) for name in tables]


# ---------------------------------------------------------------- figures

@pytest.mark.parametrize("name", list(FD.FIGURES))
def test_figures_draw_small_and_empty_tables(name, tmp_path):
    make, finding, tables = FD.FIGURES[name]
    for t in (small_tables(), empty_tables()):
        fig = make(*figure_args(t, tables))
        assert isinstance(fig, Figure) and fig.axes
        sentence = finding(*figure_args(t, tables))
        assert isinstance(sentence, str) and sentence.endswith(".") and len(sentence) > 20
        png, svg = F.save(fig, name, tmp_path)
        assert png.stat().st_size > 1000 and svg.stat().st_size > 1000


def test_empty_figures_say_no_data():
    fig = F.vote_breakdown(C.empty("facts"))
    texts = [t.get_text() for ax in fig.axes for t in ax.texts]
    assert any(t.startswith("No data") for t in texts)


def test_figures_are_byte_for_byte_reproducible(tmp_path):
    t = small_tables()
    for name, (make, _, tables) in FD.FIGURES.items():
        a = F.save(make(*figure_args(t, tables)), name, tmp_path / "a")
        b = F.save(make(*figure_args(t, tables)), name, tmp_path / "b")
        for x, y in zip(a, b):
            assert x.read_bytes() == y.read_bytes(), x.name
    svg = (tmp_path / "a" / "votes.svg").read_text()
    png = (tmp_path / "a" / "votes.png").read_bytes()
    assert "<dc:date>" not in svg and b"Software" not in png


def test_labels_from_articles_are_text_not_math_or_markup():
    t = small_tables()
    t.events.loc[0, "date_text"] = "$5 <script>alert(1)</script> $"
    fig = F.event_timeline(t.events, t.articles, t.actors)
    import io

    out = io.BytesIO()
    with F.style():
        fig.savefig(out, format="svg")
    assert b"<script>" not in out.getvalue()


def test_findings_are_computed_from_the_data():
    t = small_tables()
    votes = FD.finding_vote_breakdown(t.facts, t.actors)
    assert "141 in favor" in votes and "Turkmenistan" in votes
    assert "Kazakhstan" in FD.finding_mentions_by_outlet(t.actors, t.articles)
    assert "Tuesday" in FD.finding_event_timeline(t.events, t.articles, t.actors)


# ---------------------------------------------------------------- the brief

def test_conflicts_are_found_in_the_facts():
    conflicts = A.vote_conflicts(small_tables().facts, {"CENTRAL_ASIA": "Central Asia", "TKM": "Turkmenistan"})
    topics = [c.topic for c in conflicts]
    assert "how many of Central Asia abstained" in topics
    group = next(c for c in conflicts if c.topic.startswith("how Central Asia voted"))
    assert any("Turkmenistan did not vote" == c.text for c in group.claims)


def test_conflicting_tallies_and_too_many_names():
    facts = frame("facts", [
        {"doc_id": "a", "sent_id": 1, "subject": "VOTE", "predicate": "votes_against", "value": "7"},
        {"doc_id": "b", "sent_id": 1, "subject": "VOTE", "predicate": "votes_against", "value": "seven"},
        {"doc_id": "b", "sent_id": 2, "subject": "VOTE", "predicate": "abstentions", "value": "1"},
        {"doc_id": "b", "sent_id": 2, "subject": "IND", "predicate": "vote_on_VOTE", "value": "abstained"},
        {"doc_id": "b", "sent_id": 2, "subject": "CHN", "predicate": "vote_on_VOTE", "value": "abstained"},
        {"doc_id": "c", "sent_id": 1, "subject": "CHN", "predicate": "vote_on_VOTE", "value": "against"},
    ])
    topics = [c.topic for c in A.vote_conflicts(facts)]
    assert not any(t.startswith("how many voted against") for t in topics)  # 7 and "seven" agree
    assert "how many abstained on VOTE" in topics or "how many abstained on Vote" in topics
    assert any(t.startswith("how China voted") for t in topics)


def test_brief_links_resolve_to_the_appendix():
    md = B.build_brief(small_tables(), run_date="2023-03-01")
    links, anchors = B.evidence_links(md)
    assert links and set(links) <= anchors
    assert set(anchors) <= set(links)
    for a in anchors:
        assert md.count(f'<span id="{a}"></span>') == 1
    assert re.search(r"\[\[\d+\]\]\(#ev-doc_a-\d+\)", md)
    assert "2023-02-28" in md  # the latest article date, not the run date


def test_brief_reports_votes_conflicts_and_mixed_signals():
    md = B.build_brief(small_tables())
    findings = md.split("## Actors")[0]
    assert "141 in favor, 7 against, 32 abstained" in findings
    assert "Turkmenistan" in findings and "disagree on 2 vote points** (within one document)" in findings
    assert "Kazakhstan sends mixed signals" in findings
    for cue in ("criticized", "pledged to", "strategic partner", "abstained"):
        assert cue in findings
    assert "## Cross-source comparison" in md
    agree = md.split("### Where they agree")[1].split("###")[0]
    # "Tuesday" in an undated article and in one of 2023-02-28 need not be the same day
    assert "Antony Blinken: weekday" not in agree
    t = small_tables()
    t.articles["date"] = "2023-02-28"  # the same day: the same Tuesday
    agree = B.build_brief(t).split("### Where they agree")[1].split("###")[0]
    assert "Antony Blinken: weekday" in agree


def test_cross_source_agreement_needs_a_subject():
    t = small_tables()
    extra = pd.DataFrame([{"doc_id": d, "sent_id": 1, "subject": "", "predicate": "age", "value": "100", "unit": "",
                           "vote": "", "text": "a 100-year-old bridge"} for d in t.articles.doc_id])
    t.facts = pd.concat([t.facts, extra], ignore_index=True)
    agree = B.build_brief(t).split("### Where they agree")[1].split("###")[0]
    assert ": age" not in agree


def test_brief_of_nothing_is_still_a_brief():
    md = B.build_brief(empty_tables(), run_date="2024-01-02")
    for section in ("# Brief", "## Key findings", "## Facts", "## Validation", "## Appendix: evidence"):
        assert section in md
    assert "2024-01-02" in md


def test_brief_escapes_article_text():
    t = small_tables()
    hostile = "<script>alert(1)</script> <img src=x onerror=alert(1)> [x](javascript:alert(1)) $a$"
    t.sentences.loc[0, "text"] = hostile
    t.stance.loc[:, "evidence"] = hostile
    t.articles.loc[0, "title"] = hostile
    t.articles.loc[0, "outlet"] = hostile
    t.articles.loc[0, "source_url"] = "javascript:alert(1)"
    t.actors.loc[0, "actor_name"] = hostile
    md = B.build_brief(t)
    assert "<script>" not in md and "<img src=x" not in md
    assert not re.search(r"(?<!\\)\]\(javascript:", md)  # an escaped "\](" is text, not a link
    assert 'href="javascript' not in md
    assert "&lt;script&gt;" in md


def test_brief_on_the_seeds_reports_what_the_notes_ask(seed_tables):
    md = B.build_brief(seed_tables)
    findings = md.split("## Actors")[0]
    assert "141 in favor, 7 against, 32 abstained" in findings
    assert re.search(r"4 abstaining \(Kazakhstan, Kyrgyzstan, Tajikistan and Uzbekistan\)", findings)
    assert re.search(r"not voting \(Turkmenistan\)", findings)
    assert "how many of Central Asia abstained: 5" in findings
    kaz = next(line for line in findings.splitlines() if "Kazakhstan sends mixed signals" in line)
    for cue in ("abstained", "criticized", "pledge to", "worthy of support"):
        assert cue in kaz, cue
    links, anchors = B.evidence_links(md)
    assert set(links) == anchors
    assert "#ev-000_53b24e973d7c44a3-18" in kaz or "#ev-000_53b24e973d7c44a3-18" in findings


@pytest.fixture(scope="module")
def seed_tables() -> C.Tables:
    """The seeds analysed in-process, aggregated as notebooks 01-04 do."""
    from helpers.analyse.aggregate import actor_table
    from helpers.pipeline.document import analyse_file
    from helpers.analyse.aggregate import actor_sentiment, article_sentiment
    from helpers.analyse.aggregate import hedging_index, stance_matrix

    rows: dict[str, list[dict]] = {}
    manifest = []
    for path in sorted(SEEDS.glob("*.txt")):
        result = analyse_file(str(path), path.stem)
        manifest.append({"path": path.name, "doc_id": path.stem, "status": result.status})
        for table, r in result.rows.items():
            rows.setdefault(table, []).extend(r)
    t = {name: frame(name, rows.get(name, [])) if name in rows else C.empty(name)
         for name in C.TABLE_NAMES}
    t["manifest"] = frame("manifest", manifest)
    t["actors"] = actor_table(t["mentions"])
    t["article_sentiment"] = article_sentiment(t["sentiment"])
    t["actor_sentiment"] = actor_sentiment(t["sentiment"], t["mentions"])
    t["stance_matrix"] = stance_matrix(t["stance"], t["actors"])
    t["hedging"] = hedging_index(t["stance"], A.actor_country(t["actors"]))
    return C.Tables(**t)


# ---------------------------------------------------------------- the index page

def test_index_links_everything_and_escapes(tmp_path):
    layout = Layout(tmp_path / "build").make()
    (layout.reports / "brief.html").write_text("<p>x</p>")
    (layout.reports / "brief.md").write_text("x")
    (layout.reports / "01_corpus.html").write_text("<p>x</p>")
    (layout.reports / "validation.csv").write_text("instrument\n")
    F.save(F.no_data("t"), "votes", layout.figures)
    frame("manifest", [{"path": "<img src=x onerror=alert(1)>.txt", "doc_id": "a", "status": "processed"}]) \
        .to_csv(layout.processed / "manifest.csv", index=False)
    page = index_html(layout, run_parameters(layout, corpus="<script>alert(1)</script>", executor="local"))
    for target in ("brief.html", "brief.md", "01_corpus.html", "validation.csv", "figures/votes.png",
                   "figures/votes.svg", "../data/processed/manifest.csv"):
        assert f'href="{target}"' in page, target
    assert "<script>alert" not in page and "&lt;script&gt;" in page
    assert "1 processed of 1 files" in page


def test_index_command_line(tmp_path):
    layout = Layout(tmp_path / "b").make()
    proc = subprocess.run([sys.executable, "-m", "helpers.report.index", "--build", str(layout.root), "--corpus", "c",
                           "--date", "2023-03-01"], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert "2023-03-01" in (layout.reports / "index.html").read_text()


# ---------------------------------------------------------------- the whole pipeline on hostile input

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
HOSTILE_TXT = f"""Hostile markup in Astana {SCRIPT}

Kazakhstan criticized sanctions {IMG} in a statement on Tuesday {SCRIPT}.

Kazakhstan, Kyrgyzstan and Uzbekistan abstained in the vote at the U.N. General Assembly {IMG}, \
which passed with 141 countries voting in favor and seven against.

"We reject {SCRIPT} pressure {IMG}," said Anvar Nozirov, an analyst based in Tashkent.
"""
HOSTILE_MD = f"""---
title: "Readout {SCRIPT}"
outlet: "{IMG} Wire"
date: '2023-03-01'
source_url: "javascript:alert(1)"
---

Secretary of State Antony Blinken met Kazakh President Kassym-Jomart Tokayev {SCRIPT} in Astana.
Tokayev described Russia as a "strategic partner {IMG}".
"""


def pipeline_env() -> dict[str, str]:
    """The environment the Makefile gives papermill and nbconvert."""
    env = dict(os.environ)
    env.pop("MPLBACKEND", None)
    cache = ROOT / ".cache"
    env.update(JUPYTER_CONFIG_DIR=str(cache / "jupyter" / "config"), JUPYTER_DATA_DIR=str(cache / "jupyter" / "data"),
               JUPYTER_RUNTIME_DIR=str(cache / "jupyter" / "runtime"), IPYTHONDIR=str(cache / "ipython"),
               MPLCONFIGDIR=str(cache / "matplotlib"), PYDEVD_DISABLE_FILE_VALIDATION="1", JUPYTER_PLATFORM_DIRS="1")
    return env


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory) -> tuple[Path, Path]:
    """make on a corpus of one seed and hostile articles (markup in text, front matter and a file name)."""
    base = tmp_path_factory.mktemp("hostile")
    corpus = base / "corpus"
    corpus.mkdir()
    shutil.copy(SEEDS / "000_53b24e973d7c44a3.txt", corpus / "seed.txt")
    (corpus / "hostile.txt").write_text(HOSTILE_TXT, encoding="utf-8")
    (corpus / "readout.md").write_text(HOSTILE_MD, encoding="utf-8")
    (corpus / f"{IMG}.txt").write_text(f"Named {IMG}\n\nKazakhstan abstained {SCRIPT}.\n", encoding="utf-8")
    build = base / "build"
    proc = subprocess.run(["make", "-C", str(ROOT), f"CORPUS={corpus}", f"BUILD={build}"], capture_output=True,
                          text=True, timeout=1800, env=pipeline_env())
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    return corpus, build


@pytest.mark.pipeline
def test_hostile_markup_is_escaped_in_every_page(hostile_build):
    _, build = hostile_build
    pages = sorted((build / "reports").rglob("*.html"))
    names = {p.name for p in pages}
    assert {"brief.html", "index.html", "06_figures.html", "07_brief.html", "01_corpus.html"} <= names
    for path in pages + sorted((build / "reports").rglob("*.svg")) + [build / "reports" / "brief.md"]:
        text = path.read_text(encoding="utf-8", errors="replace")
        assert SCRIPT not in text, path
        assert "<img src=x onerror" not in text.lower(), path
        assert 'href="javascript:' not in text.lower(), path
    brief = (build / "reports" / "brief.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in brief  # the text is there, escaped


@pytest.mark.pipeline
def test_pipeline_brief_links_resolve_and_figures_exist(hostile_build):
    _, build = hostile_build
    md = (build / "reports" / "brief.md").read_text(encoding="utf-8")
    links, anchors = B.evidence_links(md)
    assert links and set(links) <= anchors
    page = (build / "reports" / "brief.html").read_text(encoding="utf-8")
    for a in anchors:
        assert f'id="{a}"' in page
    assert "import helpers" not in page and "write_brief" not in page  # rendered without code
    for name in FD.FIGURES:
        assert (build / "reports" / "figures" / f"{name}.png").exists()
        assert (build / "reports" / "figures" / f"{name}.svg").exists()


@pytest.mark.pipeline
@pytest.mark.browser
def test_pipeline_pages_render_in_a_browser(hostile_build, tmp_path):
    from helpers.pipeline.browser import check_page, find_chromium

    if find_chromium() is None:
        pytest.skip("Chromium not found: install the Debian package `chromium` (apt-get install -y chromium)")
    _, build = hostile_build
    for page in ("brief.html", "index.html"):
        result = check_page(build / "reports" / page, screenshot_dir=tmp_path)
        assert result.ok, result.summary()
        assert result.loaded >= 1 and result.dialogs == 0


def test_brief_from_a_build_reads_the_sentences_it_cites(tmp_path):
    from helpers.model.tables import write_table

    layout = Layout(tmp_path / "build").make()
    t = small_tables()
    for name in C.TABLE_NAMES:
        write_table(layout, name, getattr(t, name))
    loaded = C.load_tables(layout)
    assert loaded.sentences.empty and "text" not in loaded.articles.columns
    md = B.build_brief(loaded)
    appendix = md.split("## Appendix: evidence")[1]
    assert "Turkmenistan did not vote." in appendix and "not found" not in appendix


def test_a_large_corpus_compares_positions_not_numbers():
    t = small_tables()
    more = pd.concat([t.articles.assign(doc_id=[f"{d}-{k}" for d in t.articles.doc_id]) for k in range(26)],
                     ignore_index=True)
    t.articles = pd.concat([t.articles, more], ignore_index=True)  # 54 articles: the large-corpus brief
    agree = B.build_brief(t).split("### Where they agree")[1].split("###")[0]
    assert "Numbers are not compared across 54 documents" in agree
    assert "Antony Blinken: weekday" not in agree


def test_people_a_text_introduces_are_counted_by_name_across_documents():
    """Each document gives a person it introduces a surname id of its own: over a corpus, "BROWN" in two
    documents can be two people, and the brief must not merge them under one name."""
    import pandas as pd
    from helpers.report.context import Context, KEY_SEP

    ctx = Context.__new__(Context)
    ctx.known = {"BIDEN"}
    ids = pd.Series(["BROWN", "BROWN", "BIDEN", ""])
    names = pd.Series(["Sherrod Brown", "Kris Brown", "Joe Biden", ""])
    keys = ctx.key(ids, names)
    assert keys.nunique() == 4 and keys[2] == "BIDEN" and keys[3] == ""
    assert keys[0] == f"BROWN{KEY_SEP}Sherrod Brown"
    ctx.names = {}
    assert ctx.name(keys[1]) == "Kris Brown"


def test_the_quote_shown_for_a_speaker_is_a_full_quotation_when_there_is_one():
    from helpers.report.brief import representative_quote

    part = pd.DataFrame([
        {"doc_id": "a", "sent_id": 3, "quote": "great difficulty,", "kind": "partial"},
        {"doc_id": "a", "sent_id": 5, "quote": "Yes.", "kind": "full"},
        {"doc_id": "b", "sent_id": 2, "quote": "We will stand with Ukraine for as long as it takes.", "kind": "full"},
        {"doc_id": "c", "sent_id": 1, "quote": "We will not waver in our support for the people of Ukraine.", "kind": "full"},
    ])
    assert representative_quote(part).doc_id == "b"  # the first full quote of six words or more
    assert representative_quote(part.iloc[:2]).quote == "great difficulty,"  # none qualifies: the first
