"""A word inside a name is no verb: "States" in "the United States" reports nothing, so the name
before it is no reporter of an evaluative cue ("Japan, India, and the United States play an
important role": India says nothing). In a readout, the author's adjective on the war ("Russia's
brutal invasion") in a sentence saying the leaders discussed something is the author's (USA), not
the discussants' (dev gold 2022-03-26: "They also discussed ... Russia's brutal aggression" is USA only)."""
from helpers.pipeline.document import analyse_file
from tests.passages import stances


def test_a_verb_inside_a_name_reports_nothing():
    text = "The Quad—the grouping of Australia, Japan, India, and the United States—plays an important role in the region."
    assert not {a for a, _, _ in stances(text)} & {"IND", "JPN", "AUS"}


def test_a_saying_verb_outside_a_name_still_reports():
    text = "India stated that the United States plays an important role in the region."
    assert ("IND", "USA", "support") in stances(text)


def test_the_readout_author_holds_its_own_adjective(tmp_path):
    doc = tmp_path / "readout.md"
    doc.write_text("---\ndate: '2023-03-29'\nsource_url: https://bidenwhitehouse.archives.gov/briefing-room/"
                   "statements-releases/2023/03/29/readout/\ntitle: \"Readout of President Biden's Meeting with "
                   "President Alberto Fernández of Argentina\"\n---\n\n"
                   "President Joseph R. Biden, Jr. met today with President Alberto Fernández of Argentina. "
                   "President Biden and President Fernández also discussed cooperation between the United States "
                   "and Argentina to respond to the consequences of Russia’s brutal invasion, including on food "
                   "security.\n", encoding="utf-8")
    rows = {(r["actor_id"], r["target"], r["label"]) for r in analyse_file(str(doc), "x").rows["stance"]}
    assert ("USA", "RUSSIA_WAR", "oppose") in rows
    assert ("ARG", "RUSSIA_WAR", "oppose") not in rows


def test_a_name_in_a_dashed_aside_is_not_the_judged_subject():
    # the aside lists the Quad's members; the Quad, no codebook target, plays the role (R14)
    text = "Poland said the Quad—the grouping of Australia, Japan, India, and the United States—plays an important role."
    assert ("POL", "USA", "support") not in stances(text)
    assert ("POL", "USA", "support") in stances("Poland said the United States plays an important role.")
