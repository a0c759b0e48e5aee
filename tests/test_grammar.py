"""Shallow syntax (extract.grammar) on short sentences, tokenized and matched for real."""
from __future__ import annotations

import pytest

from helpers.extract import grammar as G
from helpers.extract.actors import find_mentions, load_dictionary, tokenize


@pytest.fixture(scope="module")
def dic():
    return load_dictionary()


def parse(text, dic):
    """Tokens, mentions and a lookup of the token index of a word."""
    tokens = tokenize(text)
    mentions = find_mentions(text, 1, dic, "2023-03-01", tokens)
    words = [t for t, _, _ in tokens]
    return tokens, mentions, words.index


def named(mentions, surface):
    return next(m for m in mentions if m.surface == surface)


def surfaces(mentions):
    return [m.surface for m in mentions] if isinstance(mentions, list) else (mentions and mentions.surface)


def test_outer_mentions_drop_a_nested_state(dic):
    _, mentions, _ = parse("Kazakh Foreign Ministry said it regretted the vote.", dic)
    assert {m.actor.actor_id for m in mentions} == {"KAZ_MFA", "KAZ"}
    assert [m.actor.actor_id for m in G.outer_mentions(mentions)] == ["KAZ_MFA"]


def test_coordinated_gives_every_member_from_any_member(dic):
    tokens, mentions, _ = parse("Kazakhstan and Uzbekistan abstained.", dic)
    for m in mentions:
        assert surfaces(G.coordinated(m, tokens, mentions)) == ["Kazakhstan", "Uzbekistan"]
    tokens, mentions, _ = parse("Kazakhstan, Kyrgyzstan, and Uzbekistan abstained.", dic)
    assert surfaces(G.coordinated(named(mentions, "Kyrgyzstan"), tokens, mentions)) == \
        ["Kazakhstan", "Kyrgyzstan", "Uzbekistan"]


def test_a_chain_joined_only_by_commas_is_not_a_list(dic):
    tokens, mentions, _ = parse("Kazakhstan, Russia said, abstained.", dic)
    for m in mentions:
        assert G.coordinated(m, tokens, mentions) == [m]


def test_governor_skips_titles_quantifiers_and_stops_at_verbs_and_prepositions(dic):
    tokens, mentions, _ = parse("Blinken told Tokayev that Russia must withdraw.", dic)
    assert [G.governor(m, tokens, mentions, dic) for m in mentions] == [None, "told", "that"]
    tokens, mentions, _ = parse("President Tokayev said the talks went well.", dic)
    assert G.governor(mentions[0], tokens, mentions, dic) is None
    tokens, mentions, _ = parse("None of Kazakhstan and Uzbekistan abstained.", dic)
    assert G.governor(named(mentions, "Kazakhstan"), tokens, mentions, dic) is None
    tokens, mentions, _ = parse("A visit to Astana was planned and Russia welcomed it.", dic)
    assert G.governor(named(mentions, "Astana"), tokens, mentions, dic) == "to"
    assert not G.in_subject_position(named(mentions, "Astana"), tokens, mentions, dic)
    assert G.in_subject_position(named(mentions, "Russia"), tokens, mentions, dic)


def test_a_list_takes_its_first_members_role(dic):
    tokens, mentions, _ = parse("Blinken met Tokayev and Mirziyoyev in Astana.", dic)
    assert [G.in_subject_position(m, tokens, mentions, dic) for m in mentions] == [True, False, False, False]
    tokens, mentions, _ = parse("Kazakhstan and Uzbekistan abstained.", dic)
    assert G.in_subject_position(named(mentions, "Uzbekistan"), tokens, mentions, dic)


def test_subject_group_leaves_out_an_introductory_phrase(dic):
    tokens, mentions, _ = parse("At the General Assembly, Kazakhstan, Kyrgyzstan and Uzbekistan abstained.", dic)
    uzb = named(mentions, "Uzbekistan")
    assert surfaces(G.coordinated(uzb, tokens, mentions))[0] == "General Assembly"
    assert surfaces(G.subject_group(uzb, tokens, mentions, dic)) == ["Kazakhstan", "Kyrgyzstan", "Uzbekistan"]


def test_subject_of_a_cue(dic):
    tokens, mentions, at = parse("Kazakhstan and Uzbekistan abstained.", dic)
    assert surfaces(G.subject_of(at("abstained"), tokens, mentions, dic)) == "Uzbekistan"  # the list's last member
    tokens, mentions, at = parse("Blinken told Tokayev that Russia must withdraw.", dic)
    assert surfaces(G.subject_of(at("told"), tokens, mentions, dic)) == "Blinken"
    assert surfaces(G.subject_of(at("withdraw"), tokens, mentions, dic)) == "Russia"
    # blocked tokens are not candidates; Tokayev (object of "told") never is
    assert surfaces(G.subject_of(at("withdraw"), tokens, mentions, dic, blocked={at("Russia")})) == "Blinken"


@pytest.mark.parametrize("text, cue, inside", [
    ("Russia, which Tokayev visited, launched a missile.", "launched", ["which", "Tokayev", "visited"]),
    ("Russia — like Tokayev — welcomed it.", "welcomed", ["like", "Tokayev"]),
    ("Russia (Tokayev said) launched a missile.", "launched", ["Tokayev", "said"]),
])
def test_the_subject_is_not_a_name_inside_an_aside(dic, text, cue, inside):
    tokens, mentions, at = parse(text, dic)
    assert G.parenthetical(tokens, at(cue)) == {at(w) for w in inside}
    assert surfaces(G.subject_of(at(cue), tokens, mentions, dic)) == "Russia"


def test_an_unclosed_aside_hides_nothing(dic):
    tokens, mentions, at = parse("Russia (Tokayev said) launched a missile.", dic)
    assert G.parenthetical(tokens, at("said")) == set()
    assert surfaces(G.subject_of(at("said"), tokens, mentions, dic)) == "Tokayev"


def test_object_of_is_the_first_actor_within_the_window(dic):
    tokens, mentions, at = parse("Blinken told Tokayev that Russia must withdraw.", dic)
    assert surfaces(G.object_of(at("told") + 1, tokens, mentions)) == "Tokayev"
    assert surfaces(G.object_of(at("told") + 1, tokens, mentions, blocked={at("Tokayev")})) == "Russia"
    assert G.object_of(at("told") + 1, tokens, mentions, window=2, blocked={at("Tokayev")}) is None
    assert G.object_of(at("Russia") + 1, tokens, mentions) is None


def test_a_demonym_with_an_agent_noun_stands_for_its_state(dic):
    tokens, mentions, at = parse("Russian troops rolled into Ukraine.", dic)
    cue = at("rolled")
    assert G.subject_of(cue, tokens, mentions, dic) is None  # demonyms only when allowed
    assert surfaces(G.subject_of(cue, tokens, mentions, dic, allow_demonym=True)) == "Russian"
    assert G.demonym_agent(cue, tokens, mentions).actor.actor_id == "RUS"
    assert surfaces(G.object_of(cue + 1, tokens, mentions)) == "Ukraine"
    tokens, mentions, at = parse("Russian oil flowed into Europe.", dic)
    assert G.demonym_agent(at("flowed"), tokens, mentions) is None


@pytest.mark.parametrize("word, forms", [
    ("Secretaries", ("Secretary",)), ("Deputies", ("Deputy",)), ("Ministers", ("Minister",)),
    ("Classes", ("Classe", "Class")), ("Churches", ("Churche", "Church")), ("Press", ()), ("Ministry", ()),
])
def test_singular_forms_of_a_regular_english_plural(word, forms):
    assert G.singular_forms(word) == forms


def test_a_plural_title_before_of_is_a_title_not_a_common_noun(dic):
    # "Secretaries of Kazakhstan and ...": the title's plural ("Secretary"), read as "Ministers of" is;
    # a common noun ("Critics of Lavrov") governs the name
    tokens, mentions, _ = parse("Deputies of Kazakhstan condemned the vote.", dic)
    assert G.governor(named(mentions, "Kazakhstan"), tokens, mentions, dic) is None
    tokens, mentions, _ = parse("Critics of Lavrov condemned the vote.", dic)
    assert G.governor(mentions[0], tokens, mentions, dic) == "of"
