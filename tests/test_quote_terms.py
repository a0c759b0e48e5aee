"""Quotation marks that hold a term, a coinage or a name, not speech, in ordinary official texts:
a short quoted phrase that nobody is said to have said, a quoted span used as a modifier of a
noun, the topic of a forum, a title glossed in parentheses."""
import pytest

from helpers.pipeline.document import analyse_text


def quotes(text: str) -> list[tuple[str, str]]:
    rows = analyse_text(f"Fact sheet: new steps for healthier communities\n\n{text}")
    return [(q["quote"], q["speaker_name"]) for q in rows["quotes"]]


@pytest.mark.parametrize("text", [
    "The department will grow the “fresh food first” movement in rural counties.",
    "The partners committed to build an open “web of partners” that protects the free flow of data.",
    "The new center creates the equivalent of a “national flood service” for coastal towns.",
    "The plan coordinates a “whole of society approach” to the crisis across every agency.",
    "Grantees will help clinics administer “produce as prevention” programs and train their staff.",
    "Partner schools run eviction clinics, intake hotlines, and “volunteer of the week” programs.",
])
def test_an_unattributed_short_term_is_no_quote(text):
    assert quotes(text) == []


@pytest.mark.parametrize("text", [
    "Officials of both ministries held a forum on “Building Resilient Supply chains for the next decade” in Monterrey.",
    "The agency hosted a panel on “Best practices from a public and private perspective on water safety”.",
    "The sanctions were imposed under E.O. 14024 (“Blocking Property With Respect To Specified Harmful Foreign "
    "Activities of the Government of the Russian Federation”).",
    "Both leaders agreed to hold “the 4<sup>th</sup> U.S.-Chile Joint Ocean Science Dialogue” next year.",
    "Mayor Maria Lopez said the governor’s “Rebuild Our Towns” agenda is creating jobs across the state.",
    "In line with the partners’ “Delivery-First” approach, the ministers agreed to report every year.",
    "Today, we announce the establishment of the “Quad Partnership on Humanitarian Assistance and Disaster "
    "Relief (HADR) in the Indo-Pacific”. This Partnership will strengthen our cooperation.",
])
def test_a_topic_or_a_name_is_no_quote(text):
    assert quotes(text) == []


@pytest.mark.parametrize("text, expected", [
    ("Maria Lopez, the city’s mayor, said the plan would “change everything” for renters.",
     [("change everything", "Maria Lopez")]),
    ("The minister urged the delegates to “break the mold.”", [("break the mold.", "")]),
    ("“Nobody knows what comes next.”", [("Nobody knows what comes next.", "")]),
    ("Senator Paul Okafor: “Huge News For Our State”", [("Huge News For Our State", "Paul Okafor")]),
])
def test_attributed_or_sentence_like_quotes_are_kept(text, expected):
    assert quotes(text) == expected


@pytest.mark.parametrize("text", [
    "MODERATOR: As a reminder, this call is on background, attributable to a “senior administration official,” "
    "and the embargo lifts at 6:00 a.m.",
    "MODERATOR: The call was held on background with the contents attributable to “senior administration "
    "officials.” The embargo is now lifted.",
])
def test_the_ground_rules_label_of_a_background_call_is_no_quote(text):
    # "attributable to": the ground rules name the label a speaker may be quoted by, not speech
    assert quotes(text) == []


@pytest.mark.parametrize("text", [
    # sentence case and a comma inside: the official title of a resolution
    "The ministers welcomed the resolution titled “Principles underlying a comprehensive, just and lasting "
    "peace in the region,” which the assembly adopted on Thursday.",
    # the sentence's period inside the closing mark (American style), more than ten words
    "The joint resolution would disapprove the final rule entitled “Control of Air Pollution From New Motor "
    "Vehicles: Heavy-Duty Engine and Vehicle Standards.” The rule sets new limits.",
    # a comma between the word and the title
    "The council released a resource entitled, “Guide for States: Cracking Down on Hidden Fees to Lower "
    "Costs for Renters.” Several states have acted since.",
])
def test_what_follows_titled_or_entitled_is_a_title(text):
    assert quotes(text) == []


def test_a_quote_next_to_a_title_is_kept():
    text = ("Mayor Maria Lopez presented a plan entitled “Homes for Every Family.” “We cannot wait any longer,” "
            "she said.")
    assert quotes(text) == [("We cannot wait any longer,", "Maria Lopez")]
