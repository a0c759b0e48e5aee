"""Stance conventions (data/rules/README.md R1-R20): the golden rules in aggregate, and one
unit test per convention on passages written for these tests (not the golden texts)."""
from __future__ import annotations

import functools
import json

import pytest

from helpers.evaluate.devscore import NEITHER_STANCE, compare_stance, predicted_stance, rules_document
from helpers.pipeline.document import analyse_text
from tests.conftest import ROOT

RULES = [json.loads(line) for line in (ROOT / "data" / "rules" / "stance.jsonl").read_text(encoding="utf-8").splitlines()
         if line.strip()]
#: The project's targets for the golden stance rules (issue 10).
TARGETS = {"expected produced": 0.85, "forbidden avoided": 0.95}


@functools.lru_cache(maxsize=1)
def comparisons() -> dict:
    out = {}
    for case in RULES:
        rows = analyse_text(rules_document(case["text"], own_title=True))
        excused = [{"actor": a, "target": t, "label": lab} for a, t, lab in NEITHER_STANCE.get(case["id"], ())]
        out[case["id"]] = compare_stance(case["stance"], predicted_stance(rows), traps=case["not_stance"],
                                         neither=excused)
    return out


def aggregate(metric: str) -> float:
    comps = list(comparisons().values())
    if metric == "expected produced":
        return sum(c.tp for c in comps) / sum(len(c.gold) for c in comps)
    n_traps = sum(len(c.traps) for c in comps)
    return (n_traps - sum(len({t for t, _ in c.trap_pairs}) for c in comps)) / n_traps


@pytest.mark.parametrize("metric", sorted(TARGETS))
def test_golden_stance_rules_meet_the_targets(metric):
    assert aggregate(metric) >= TARGETS[metric]


@pytest.mark.parametrize("case", [c for c in RULES if not c["stance"]], ids=lambda c: c["id"])
def test_empty_gold_cases_give_no_forbidden_row(case):
    assert not comparisons()[case["id"]].trap_pairs


def stances(text: str, title: str = "Title") -> set[tuple[str, str, str]]:
    return {(r["actor_id"], r["target"], r["label"]) for r in analyse_text(f"{title}\n\n{text}\n")["stance"]}


def actors(got, target=None, label=None) -> set[str]:
    return {a for a, t, lab in got if (target is None or t == target) and (label is None or lab == label)}


# R1 holder = subject, not the nearest name
def test_relative_clause_name_is_not_the_holder():
    got = stances("Uzbekistan, which buys most of its fuel from Russia, said it would never recognise the "
                  "annexation of Crimea.")
    assert ("UZB", "ANNEXATION", "oppose") in got
    assert "RUS" not in actors(got, "ANNEXATION")


def test_fronted_phrase_name_is_not_the_holder():
    # (the sanctions target is those against Russia: a text must name Russia or Belarus somewhere)
    got = stances("Standing next to Xi Jinping in Samarkand, Shavkat Mirziyoyev condemned the sanctions on Russia.")
    assert {("MIRZIYOYEV", "SANCTIONS", "oppose"), ("UZB", "SANCTIONS", "oppose")} <= got
    assert not actors(got) & {"XI", "CHN"}


def test_passive_by_agent_holds_and_passive_subject_does_not():
    got = stances("Moscow was criticised on Monday by Antony Blinken.")
    assert {("BLINKEN", "RUSSIA", "oppose"), ("USA", "RUSSIA", "oppose")} <= got
    assert "RUS" not in actors(got)


# R2 person and state
def test_official_gives_person_and_state_opposition_leader_person_only():
    got = stances("Dmytro Kuleba welcomed the sanctions. Alexei Navalny condemned the invasion by Russia.")
    assert {("KULEBA", "SANCTIONS", "support"), ("UKR", "SANCTIONS", "support")} <= got
    assert ("RUS", "RUSSIA_WAR", "oppose") not in got


# R3 metonyms and places
def test_capital_stands_for_state_but_a_venue_does_not():
    got = stances("Beijing criticised the sanctions. At a forum in Moscow, Mirziyoyev praised the sanctions.")
    assert ("CHN", "SANCTIONS", "oppose") in got
    assert "RUS" not in actors(got, "SANCTIONS")


# R4 negation
def test_negation_removes_the_row_and_negated_recognition_is_oppose():
    got = stances("Tajikistan did not condemn the invasion by Russia. Kyrgyzstan has refused to recognise the "
                  "annexation by Russia.")
    assert "TJK" not in actors(got)
    assert ("KGZ", "ANNEXATION", "oppose") in got


# R5 sanctions
def test_imposing_sanctions_opposes_russia_abiding_does_not():
    got = stances("Canada imposed new sanctions on Russian oligarchs. Armenia said it would abide by the "
                  "sanctions against Russia.")
    assert {("CAN", "SANCTIONS", "support"), ("CAN", "RUSSIA", "oppose"), ("ARM", "SANCTIONS", "support")} <= got
    assert ("ARM", "RUSSIA", "oppose") not in got


def test_not_joining_sanctions_gives_nothing():
    assert not stances("Armenia has not joined the sanctions against Russia.")


# R6 votes
def test_votes_give_un_resolution_only_and_security_council_nothing():
    got = stances("At the General Assembly, Serbia voted in favour of the resolution on the annexation, while "
                  "Mongolia abstained.")
    assert {("SRB", "UN_RESOLUTION", "support"), ("MNG", "UN_RESOLUTION", "neutral")} <= got
    assert not actors(got, "ANNEXATION")
    assert not stances("China abstained on a Security Council draft on Ukraine.")


# R7 lists and groups
def test_closed_group_expands_and_group_label_is_no_actor():
    got = stances("The five Central Asian states abstained on the General Assembly resolution.")
    assert actors(got, "UN_RESOLUTION", "neutral") == {"KAZ", "KGZ", "TJK", "TKM", "UZB"}


def test_copular_list_gives_the_listed_holders():
    got = stances("The General Assembly voted on Ukraine. The countries that voted against were Syria and Mali.")
    assert actors(got, "UN_RESOLUTION", "oppose") >= {"SYR", "MLI"}


# R9 hedges, conditionals, questions
def test_hedges_conditionals_and_questions_are_no_positions():
    assert not stances("Mongolia may support the sanctions, officials said.")
    assert not stances("Will Armenia join the sanctions against Russia?")
    assert not stances("Kyrgyzstan would back the General Assembly resolution if it were amended.")


def test_own_pledge_is_a_position():
    got = stances("Kazakhstan will never recognise the annexation by Russia.")
    assert ("KAZ", "ANNEXATION", "oppose") in got


# R10 reported speech
def test_position_ascribed_to_another_state_gives_it_no_row():
    got = stances("Sergei Lavrov said that Tajikistan supports Russia.")
    assert "TJK" not in actors(got)


# R11 first-person texts
def test_first_person_title_names_the_author():
    got = stances("We condemn the sanctions imposed on Russia.", title="Statement by President Kassym-Jomart "
                  "Tokayev on the situation in the region")
    assert {("TOKAYEV", "SANCTIONS", "oppose"), ("KAZ", "SANCTIONS", "oppose")} <= got


def test_joint_statement_both_sides_are_every_signatory():
    got = stances("Both sides oppose the sanctions against Russia.",
                  title="Joint Statement of Kazakhstan and Uzbekistan, Tashkent")
    assert actors(got, "SANCTIONS", "oppose") == {"KAZ", "UZB"}


# R12 implicit war row
def test_russian_agent_of_the_war_is_implicit_support():
    rows = analyse_text("Title\n\nSince the Russian invasion, prices in Almaty have risen.\n")["stance"]
    assert [(r["actor_id"], r["target"], r["label"], r["basis"]) for r in rows] == \
        [("RUS", "RUSSIA_WAR", "support", "implicit")]
    assert not stances("Analysts warn that Russia could launch a new offensive.")


# R13 acts
def test_aid_to_ukraine_is_support_without_cross_target_rows():
    got = stances("Lithuania delivered ammunition to Ukraine in 2022.")
    assert ("LTU", "UKRAINE", "support") in got
    assert not actors(got, "RUSSIA") and not actors(got, "RUSSIA_WAR")


# R15 neutral
def test_neutral_only_from_declared_neutrality():
    got = stances("Mongolia, which says it is neutral, called for talks between Moscow and Kyiv.")
    assert ("MNG", "RUSSIA_WAR", "neutral") in got
    assert ("MNG", "RUSSIA_WAR", "oppose") not in got


# R18 cue words that express no stance
def test_trap_cue_words_give_nothing():
    assert not stances("Shavkat Mirziyoyev flew back to Tashkent after talks with Vladimir Putin.")
    assert not stances("A rally in Bishkek was sanctioned by the city authorities.")


def test_demonym_and_office_title_place_an_unknown_official():
    got = stances("Hungarian Foreign Minister Tamas Kovacsik said the sanctions against Russia had failed.")
    assert ("HUN", "SANCTIONS", "oppose") in got
    got = stances("Hungarian opposition leader Tamas Kovacsik said the sanctions against Russia had failed.")
    assert not any(a == "HUN" for a, _, _ in got)


# Real-text precision (White House statements): passages written for these tests
CANADA = "Statement by the Prime Minister of Canada on Ukraine"


def canada(text: str) -> set[tuple[str, str, str]]:
    got = stances(text, title=CANADA)
    assert all(a != "_AUTHOR" for a, _, _ in got)
    return got


def test_relative_clause_with_a_non_actor_head_gives_the_author_nothing():
    # R1/R14: the clause's head noun holds the cue, never the main clause's subject
    for text in ("We will freeze the assets of the bankers and tycoons who keep supporting Russia's war.",
                 "We will penalise the traders that back the Kremlin.",
                 "We are acting against foreign suppliers directly supporting Russia's war.",
                 "Anyone supporting Russia's invasion will face consequences from Canada.",
                 "We honour those who are courageously opposing the invasion of Ukraine."):
        got = stances(text, title="Statement by President Biden on Russia")
        assert not {t for a, t, lab in got if a in ("USA", "BIDEN") and t in ("RUSSIA", "RUSSIA_WAR")
                    and lab == "support"}, text
        assert not {(t, lab) for a, t, lab in got if a in ("USA", "BIDEN") and lab == "oppose" and
                    t == "RUSSIA_WAR" and "opposing" in text}, text
    # a named actor heading the clause still holds it
    got = stances("Belarus, which has supported Russia's war, hosted the talks.")
    assert ("BLR", "RUSSIA_WAR", "support") in got


def test_phrasal_back_is_no_support():
    for text in ("Poland vowed to push back against Russian aggression.",
                 "The allies helped Ukraine hit back against the Russian invasion.",
                 "Ukraine's forces turned back Russian troops near Kharkiv."):
        got = stances(text)  # (RUS keeps its implicit R12 row for "Russian aggression")
        assert not {t for a, t, lab in got if t in ("RUSSIA", "RUSSIA_WAR") and lab == "support" and a != "RUS"}, text
    assert ("POL", "UKRAINE", "support") in stances("Poland backs Ukraine.")


def test_commitment_to_an_action_is_not_support_for_its_object():
    got = stances("Germany reaffirmed its commitment to cut Russia off from the global financial system.")
    assert ("DEU", "RUSSIA", "support") not in got
    got = stances("Japan committed to strip Russia of its trade privileges.")
    assert ("JPN", "RUSSIA", "support") not in got
    assert ("DEU", "UKRAINE", "support") in stances("Germany reaffirmed its commitment to Ukraine's sovereignty.")
    assert ("DEU", "UKRAINE", "support") in stances(
        "Germany reaffirmed its commitment to provide air defence systems to Ukraine.")


def test_a_people_is_not_the_russian_state():
    got = stances("Finland supports the Russian people's right to free elections.")
    assert ("FIN", "RUSSIA", "support") not in got
    got = stances("Finland expressed its support to Russian and Belarusian citizens who protest the war.")
    assert ("FIN", "RUSSIA", "support") not in got
    assert ("FIN", "UKRAINE", "support") in stances("Finland stands with the Ukrainian people.")


def test_an_evaluative_adjective_judges_its_own_noun():
    got = stances("Sweden adopted new sanctions to cripple Russia's capacity to fund its illegal war.",
                  title="Statement by the Government of Sweden")
    assert not {lab for _, t, lab in got if t == "SANCTIONS" and lab == "oppose"}
    got = stances("Norway funds a registry documenting illegal deportations of Ukrainian children.",
                  title="Statement by the Government of Norway")
    assert not {lab for _, t, lab in got if t == "UKRAINE" and lab == "oppose"}
    got = stances("Lithuania said Russia's annexation of Crimea was illegal.")
    assert ("LTU", "ANNEXATION", "oppose") in got
    got = stances("Latvia condemned Russia's illegal annexation of Ukrainian territory.")
    assert ("LVA", "ANNEXATION", "oppose") in got


def test_a_verb_cue_after_a_determiner_is_a_noun():
    got = stances("Canada will give Ukraine the support it needs and hold Russia accountable for its war.")
    assert ("CAN", "RUSSIA_WAR", "support") not in got
    assert ("CAN", "RUSSIA", "oppose") in got


def test_the_object_ends_at_a_coordinated_verb_cue():
    got = stances("Spain urged India to stand with the democracies of the world and condemn Russia's aggression.")
    assert not {t for a, t, lab in got if t in ("RUSSIA", "RUSSIA_WAR") and lab == "support" and a != "RUS"}


def test_a_threat_judges_the_threatener_not_the_threatened():
    got = stances("Denmark warned of Russia's threat to Ukraine's independence.",
                  title="Statement by the Government of Denmark")
    assert not {lab for _, t, lab in got if t == "UKRAINE" and lab == "oppose"}
    got = stances("Canada will keep grain flowing as Russia's blockade threatens Ukraine's harvest.", title=CANADA)
    assert ("CAN", "UKRAINE", "oppose") not in got


def test_a_target_after_the_object_head_and_a_preposition_is_not_the_object():
    got = stances("Austria condemned the shelling of schools and the strikes on Ukrainian cities.")
    assert ("AUT", "UKRAINE", "oppose") not in got
    got = stances("Ireland supports independent investigations into Russia's conduct.")
    assert ("IRL", "RUSSIA", "support") not in got
    assert ("IRL", "UKRAINE", "support") in stances("Ireland supports Ukraine against Russia's aggression.")


def test_as_well_as_and_noun_phrase_cues_keep_their_holder():
    got = stances("Canada reaffirmed its commitment to stand with the people of Ukraine.")
    assert ("CAN", "UKRAINE", "support") in got
    got = stances("Canada and Japan expressed their solidarity with the people of Ukraine.")
    assert {("CAN", "UKRAINE", "support"), ("JPN", "UKRAINE", "support")} <= got
    got = stances("Canada discussed trade as well as its efforts to support Ukraine.")
    assert ("CAN", "UKRAINE", "support") in got


def test_other_wars_are_not_russias_war():
    got = stances("Poland condemned the Cold War policies of Russia and Ukraine's former rulers.")
    assert not {t for a, t, lab in got if a == "POL" and t == "RUSSIA_WAR"}
    assert ("POL", "RUSSIA_WAR", "oppose") in stances("Poland condemned Russia's war against Ukraine.")


def test_hold_it_accountable_takes_an_actor_not_a_measure():
    got = stances("Canada will impose costs on Russia and hold it accountable, including through sanctions.",
                  title=CANADA)
    assert ("CAN", "SANCTIONS", "oppose") not in got


def test_object_ends_at_a_verb_cue_after_an_adverb():
    got = stances("Spain urged India to stand with its partners and unequivocally condemn Russia's aggression.")
    assert not {t for a, t, lab in got if a == "ESP" and t in ("RUSSIA", "RUSSIA_WAR") and lab == "support"}


def test_a_praised_act_is_the_praised_partys():
    got = stances("Canada thanked Moldova for its generosity in sheltering and supporting Ukrainian families.",
                  title=CANADA)
    assert ("CAN", "UKRAINE", "support") not in got
    assert ("CAN", "UKRAINE", "support") in stances("Canada is supporting Ukrainian families.", title=CANADA)


def test_welcoming_a_visitor_is_hosting():
    got = stances("Poland welcomed President Zelenskyy to Warsaw on Monday.")
    assert ("POL", "UKRAINE", "support") not in got
    assert ("POL", "UKRAINE", "support") in stances("Poland welcomed Ukraine's decision to apply for membership.")
    # a people welcomed in is R13's admission, not a visit
    assert ("POL", "UKRAINE", "support") in stances("Poland will welcome Ukrainians to its cities.")
