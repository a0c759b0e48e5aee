"""A relative clause's target is the noun phrase it attaches to: the noun right before ", which" /
"that", its "of" phrase, or a reduced relative with a by-agent ("a paper published by Beijing, that
..."), never an earlier subject across a verb and its object ("Russia's war represents an assault on
norms, which we are committed to defending": the norms are defended)."""
from tests.passages import stances


def test_a_relative_clause_attaches_to_the_noun_before_it():
    text = ("Russia’s war represents an assault on the international rules and norms that have prevailed "
            "since the Second World War, which we are committed to defending.")
    got = stances(text, "Statement from President Joe Biden")
    assert ("USA", "RUSSIA_WAR", "support") not in got and ("BIDEN", "RUSSIA_WAR", "support") not in got
    assert ("RUS", "RUSSIA_WAR", "support") in got  # R12: Russia's war is still Russia's


def test_a_reduced_relative_keeps_its_head_noun():
    text = ("Kazakhstan praised a position paper on Ukraine published by Beijing, that President Joe Biden "
            "had doubted would be beneficial to anyone.")
    assert ("BIDEN", "CHINA_PEACE_PLAN", "oppose") in stances(text)


def test_an_adjacent_antecedent_is_still_the_target():
    text = "Russia annexed four regions of Ukraine. It is an annexation, which we condemned."
    assert ("USA", "ANNEXATION", "oppose") in stances(text, "Statement from President Joe Biden")
