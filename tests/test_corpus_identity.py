"""Who an actor is across documents: a surname id a text introduces ("BROWN") names different
people in different documents, and no corpus-level table, figure or brief sentence may merge them.

The corpus in miniature: Sherrod Brown (a US senator) in one release and Gordon Brown (a British
prime minister) in another, each with the id BROWN that the name patterns give; the United States,
a dictionary actor, in both. A dictionary actor is one actor everywhere and keeps its id."""
from __future__ import annotations

import pandas as pd
import pytest

from helpers.analyse import aggregate as A
from helpers.model.labels import KEY_SEP, name_of
from helpers.model.tables import frame
from helpers.report import brief as B
from helpers.report import context as C
from helpers.report import figures as F
from helpers.report import findings as FD

D1, D2, D3 = "senate_release", "london_speech", "third_story"
SHERROD, GORDON = f"BROWN{KEY_SEP}Sherrod Brown", f"BROWN{KEY_SEP}Gordon Brown"


def _tables() -> dict[str, pd.DataFrame]:
    sentences = frame("sentences", [
        {"doc_id": D1, "sent_id": 1, "text": "Senator Sherrod Brown said the United States supports Ukraine."},
        {"doc_id": D1, "sent_id": 2, "text": "Brown praised the aid package."},
        {"doc_id": D2, "sent_id": 1, "text": "Gordon Brown said Britain and the United States back Ukraine."},
        {"doc_id": D2, "sent_id": 2, "text": "Brown condemned the sanctions as a failure."},
        {"doc_id": D3, "sent_id": 1, "text": "The United States announced new aid."},
    ])
    mentions = frame("mentions", [
        {"doc_id": d, "sent_id": s, "actor_id": a, "actor_name": n, "kind": k, "country_iso3": c}
        for d, s, a, n, k, c in [
            (D1, 1, "BROWN", "Sherrod Brown", "person", "USA"), (D1, 1, "USA", "United States", "state", "USA"),
            (D1, 1, "UKR", "Ukraine", "state", "UKR"), (D1, 2, "BROWN", "Sherrod Brown", "person", "USA"),
            (D2, 1, "BROWN", "Gordon Brown", "person", "GBR"), (D2, 1, "GBR", "United Kingdom", "state", "GBR"),
            (D2, 1, "USA", "United States", "state", "USA"), (D2, 1, "UKR", "Ukraine", "state", "UKR"),
            (D2, 2, "BROWN", "Gordon Brown", "person", "GBR"), (D3, 1, "USA", "United States", "state", "USA")]])
    actors = A.actor_table(mentions)
    sentiment = frame("sentiment", [{"doc_id": r.doc_id, "sent_id": r.sent_id, "score": s}
                                    for r, s in zip(sentences.itertuples(), (0.4, 0.6, 0.2, -0.8, 0.1))])
    stance = frame("stance", [
        {"doc_id": D1, "sent_id": 1, "actor_id": "BROWN", "target": "UKRAINE", "label": "support", "cue": "supports"},
        {"doc_id": D1, "sent_id": 2, "actor_id": "BROWN", "target": "SANCTIONS", "label": "support", "cue": "praised"},
        {"doc_id": D2, "sent_id": 1, "actor_id": "BROWN", "target": "UKRAINE", "label": "support", "cue": "back"},
        {"doc_id": D2, "sent_id": 2, "actor_id": "BROWN", "target": "SANCTIONS", "label": "oppose",
         "cue": "condemned"},
    ])
    stance["basis"] = "explicit"
    text = sentences.set_index(["doc_id", "sent_id"])["text"]
    stance["evidence"] = [text[(d, s)] for d, s in zip(stance.doc_id, stance.sent_id)]
    return dict(sentences=sentences, mentions=mentions, actors=actors, sentiment=sentiment, stance=stance)


@pytest.fixture(scope="module")
def t() -> dict[str, pd.DataFrame]:
    return _tables()


def test_corpus_key_keeps_dictionary_ids_and_joins_a_text_introduced_id_to_its_name():
    ids = pd.Series(["USA", "BROWN", "BROWN", "", "SMITH", SHERROD])
    names = pd.Series(["United States", "Sherrod Brown", "Gordon Brown", "", "", "Sherrod Brown"])
    keys = A.corpus_key(ids, names, known=frozenset({"USA"}))
    assert keys.tolist() == ["USA", SHERROD, GORDON, "", "SMITH", SHERROD]  # no name: the id; a key stays a key
    assert name_of(GORDON, {}) == "Gordon Brown"
    assert name_of("USA", {"USA": "United States"}) == "United States"


def test_actor_sentiment_gives_each_person_of_a_shared_surname_id_a_row(t):
    out = A.actor_sentiment(t["sentiment"], t["mentions"]).set_index("actor_name")
    assert out.loc["Sherrod Brown", "n_sentences"] == 2 and out.loc["Sherrod Brown", "mean_score"] == pytest.approx(0.5)
    assert out.loc["Gordon Brown", "n_sentences"] == 2 and out.loc["Gordon Brown", "mean_score"] == pytest.approx(-0.3)
    assert out.loc["United States", "n_docs"] == 3  # a dictionary actor is one actor in every document
    assert (out.actor_id == "BROWN").sum() == 2


def test_stance_matrix_with_the_actors_table_splits_a_shared_id(t):
    m = A.stance_matrix(t["stance"], t["actors"])
    sanctions = m[m.target == "SANCTIONS"].set_index("actor_name")
    assert sanctions.loc["Sherrod Brown", "net"] == 1 and sanctions.loc["Gordon Brown", "net"] == -1
    merged = A.stance_matrix(t["stance"])  # without names the id is one row, as before
    assert merged[merged.target == "SANCTIONS"].iloc[0]["n"] == 2 and set(merged.actor_name) == {""}


def test_a_persons_state_is_read_in_the_persons_own_document(t):
    country = A.actor_country(t["actors"])
    assert country[(D1, "BROWN")] == "USA" and country[(D2, "BROWN")] == "GBR"
    assert "BROWN" not in country and country["USA"] == "USA"  # an id with one state everywhere: by id too
    assert A.state_of(t["stance"], country).tolist() == ["USA", "USA", "GBR", "GBR"]
    h = A.hedging_index(t["stance"], country).set_index("state")
    assert h.loc["GBR", "russia"] == 1 and h.loc["USA", "russia"] == 0  # Gordon Brown's opposition is Britain's
    sig = A.signals(t["stance"], t["actors"])
    assert sig.state.tolist() == ["USA", "USA", "GBR", "GBR"]


def test_co_mention_network_and_outlet_counts_keep_the_two_browns_apart(t):
    counts, edges = F.co_mentions(t["mentions"])
    assert {SHERROD, GORDON, "USA"} <= set(counts.index) and counts[SHERROD] == 2 and counts["USA"] == 3
    g = F.co_mention_graph(t["mentions"])
    assert g.nodes[GORDON]["label"] == "Gordon Brown" and g.nodes[GORDON]["kind"] == "person"
    assert g.has_edge(GORDON, "GBR") and not g.has_edge(SHERROD, "GBR")
    table = F.mention_counts(t["actors"], frame("articles", []))
    assert table.loc[SHERROD].sum() == 2 and table.loc[GORDON].sum() == 2
    # five actors, the two Browns among them (merged, the finding would count 3 others)
    assert "of the 4 other top actors" in FD.finding_co_mention_network(t["mentions"])


def test_the_brief_does_not_report_two_people_as_one_actor(t):
    articles = frame("articles", [{"doc_id": d, "title": f"Story {d}", "outlet": o, "date": "", "n_sentences": n}
                                  for d, o, n in ((D1, "Senate", 2), (D2, "Guardian", 2), (D3, "Wire", 1))])
    tables = {name: C.empty(name) for name in C.TABLE_NAMES}
    tables.update(t, articles=articles,
                  article_sentiment=A.article_sentiment(t["sentiment"]),
                  actor_sentiment=A.actor_sentiment(t["sentiment"], t["mentions"]),
                  stance_matrix=A.stance_matrix(t["stance"], t["actors"]),
                  hedging=A.hedging_index(t["stance"], A.actor_country(t["actors"])),
                  manifest=frame("manifest", [{"path": f"{d}.txt", "doc_id": d, "status": "processed"}
                                              for d in (D1, D2, D3)]))
    ctx = C.Context(C.Tables(**tables))
    assert set(ctx.sig.actor_id) == {SHERROD, GORDON}
    assert set(ctx.mentions_total.actor_id) == {SHERROD, GORDON, "USA", "UKR", "GBR"}
    md = B.build_brief(C.Tables(**tables))
    agree = md.split("### Where they agree")[1].split("###")[0]
    # each Brown supports Ukraine in one document only: that is not two documents agreeing
    assert "Brown" not in agree
    compared = md.split("## Sources compared")[1].split("### Where they agree")[0] if "## Sources compared" in md \
        else md
    assert "Sherrod Brown" in compared and "Gordon Brown" in compared


def test_a_name_tied_to_one_country_elsewhere_lends_it_to_a_document_that_gives_none():
    actors = pd.DataFrame([
        {"doc_id": "a", "actor_id": "TRUDEAU", "actor_name": "Justin Trudeau", "kind": "person", "country_iso3": "CAN"},
        {"doc_id": "b", "actor_id": "TRUDEAU", "actor_name": "Justin Trudeau", "kind": "person", "country_iso3": ""},
        {"doc_id": "c", "actor_id": "BROWN", "actor_name": "Gordon Brown", "kind": "person", "country_iso3": "GBR"},
        {"doc_id": "d", "actor_id": "BROWN", "actor_name": "Sherrod Brown", "kind": "person", "country_iso3": ""},
        {"doc_id": "e", "actor_id": "LEE", "actor_name": "Lee Min", "kind": "person", "country_iso3": "KOR"},
        {"doc_id": "f", "actor_id": "LEE", "actor_name": "Lee Min", "kind": "person", "country_iso3": "SGP"},
        {"doc_id": "g", "actor_id": "LEE", "actor_name": "Lee Min", "kind": "person", "country_iso3": ""},
    ])
    country = A.actor_country(actors)
    assert country[("b", "TRUDEAU")] == "CAN"  # the same name, its one country
    assert ("d", "BROWN") not in country  # another name under the same id: not Gordon Brown's country
    assert country[("e", "LEE")] == "KOR" and country[("f", "LEE")] == "SGP" and ("g", "LEE") not in country
    assert "TRUDEAU" not in country  # by id alone only when every document agrees


def test_a_dictionary_actor_without_an_actors_row_is_still_one_matrix_row(t):
    """A stance row may name a dictionary actor no mention of its document names (a group's member,
    the publisher): it is the same actor as everywhere else, one row of the matrix."""
    extra = frame("stance", [{"doc_id": D3, "sent_id": 1, "actor_id": "GBR", "target": "UKRAINE", "label": "support",
                              "cue": "aid"}])
    stance = pd.concat([t["stance"], extra], ignore_index=True)
    m = A.stance_matrix(stance, t["actors"])
    gbr = m[(m.actor_id == "GBR") & (m.target == "UKRAINE")]
    assert len(gbr) == 1 and gbr.iloc[0]["actor_name"] == "United Kingdom"
    grid = F.stance_grid(pd.concat([m, m.assign(actor_name="")], ignore_index=True))  # an older, split matrix
    assert not grid.duplicated(["actor_id", "target"]).any()


def test_no_dictionary_id_holds_the_key_separator():
    from helpers.extract.actors import dictionary_names

    assert not [a for a in dictionary_names() if KEY_SEP in a]


def test_facts_and_events_are_named_in_their_own_document(t):
    facts = frame("facts", [
        {"doc_id": D1, "sent_id": 2, "subject": "BROWN", "predicate": "amount", "value": "5", "unit": "USD"},
        {"doc_id": D2, "sent_id": 2, "subject": "BROWN", "predicate": "duration", "value": "2", "unit": "years"}])
    tables = {name: C.empty(name) for name in C.TABLE_NAMES}
    tables.update(t, facts=facts)
    ctx = C.Context(C.Tables(**tables))
    keyed = ctx.keyed(facts, "subject")
    assert keyed.subject.tolist() == [SHERROD, GORDON] and [ctx.name(k) for k in keyed.subject] == \
        ["Sherrod Brown", "Gordon Brown"]
    events = frame("events", [{"doc_id": D2, "sent_id": 1, "event": "visit", "source_id": "BROWN",
                               "target_id": "USA", "cue": "visited", "date_text": ""}])
    assert F.event_phrase(next(events.itertuples()), F.event_names(t["actors"])) == \
        "Gordon Brown — visit → United States"
