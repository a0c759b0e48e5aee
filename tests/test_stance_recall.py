"""Stance conventions found missing in a recall study of White House texts on Russia's war: organs of
the state as holders, condemned Russian attacks, economic restrictions on Russia, aid nouns and holders
inside reduced relative clauses. Short constructed passages."""
from tests.passages import white_house_stance as wh


# 1. organs of the state
def test_the_administration_in_the_publishers_release_is_its_state(tmp_path):
    got = wh(tmp_path, "Fact Sheet: Continued Support for Ukraine",
             "The Administration is delivering humanitarian assistance to Ukraine.")
    assert ("USA", "UKRAINE", "support") in got


def test_the_us_government_holds_for_the_united_states(tmp_path):
    got = wh(tmp_path, "Fact Sheet: Continued Support for Ukraine",
             "The U.S. Government has sent equipment to Ukraine.")
    assert ("USA", "UKRAINE", "support") in got


def test_my_administration_is_the_author(tmp_path):
    got = wh(tmp_path, "Statement from President Joe Biden on Ukraine",
             "Today, my Administration is providing an additional $800 million in security assistance to Ukraine.")
    assert {("BIDEN", "UKRAINE", "support"), ("USA", "UKRAINE", "support")} <= got


def test_a_named_administration_is_the_state_not_its_namesakes(tmp_path):
    got = wh(tmp_path, "Fact Sheet: Continued Support for Ukraine",
             "The Biden-Harris Administration has provided $2 billion in aid to Ukraine.")
    assert ("USA", "UKRAINE", "support") in got
    assert ("HARRIS", "UKRAINE", "support") not in got


def test_the_administration_of_something_is_no_government(tmp_path):
    got = wh(tmp_path, "Fact Sheet: Continued Support for Ukraine",
             "The administration of aid to Ukraine is slow.")
    assert not got


# 2. condemning Russia's attacks is opposing the war
def test_condemning_russias_missile_attacks_opposes_the_war(tmp_path):
    got = wh(tmp_path, "Statement on Ukraine",
             "The United States strongly condemns Russia’s latest missile attacks against Ukraine.", date="2022-11-15")
    assert ("USA", "RUSSIA_WAR", "oppose") in got


def test_a_russian_by_agent_makes_the_shelling_the_war(tmp_path):
    got = wh(tmp_path, "Statement on Ukraine", "We condemn the shelling of Kharkiv by Russian forces.", date="2022-11-15")
    assert ("USA", "RUSSIA_WAR", "oppose") in got


def test_attacks_without_a_russian_agent_are_not_the_war(tmp_path):
    got = wh(tmp_path, "Statement on Ukraine", "Ukraine’s strikes on Russian positions were condemned by the Kremlin.",
             date="2022-11-15")
    assert not any(t == "RUSSIA_WAR" and lab == "oppose" for _, t, lab in got)


def test_expressed_his_condemnation_is_held_by_the_subject_the_pronoun_continues(tmp_path):
    """A sentence-initial "He" continues the previous sentence's subject, not the last name in it."""
    got = wh(tmp_path, "Readout of President Biden’s Call with President Zelenskyy of Ukraine",
             "President Biden spoke today with President Zelenskyy of Ukraine. He expressed his condemnation of "
             "Russia’s missile strikes across Ukraine.", date="2022-10-10")
    assert ("BIDEN", "RUSSIA_WAR", "oppose") in got
    assert ("ZELENSKYY", "RUSSIA_WAR", "oppose") not in got


# 3. economic restrictions on Russia are sanctions
def test_banning_investment_in_russia_supports_sanctions(tmp_path):
    got = wh(tmp_path, "Fact Sheet: Further Economic Costs on Russia",
             "President Biden has already banned new U.S. investments in the Russian energy sector.", date="2022-03-11")
    assert {("USA", "SANCTIONS", "support"), ("BIDEN", "SANCTIONS", "support")} <= got


def test_prohibiting_imports_from_russia_and_denying_it_trade_benefits_support_sanctions(tmp_path):
    got = wh(tmp_path, "Fact Sheet: Further Economic Costs on Russia",
             "The United States will prohibit the import of goods from Russia. President Biden will work with "
             "Congress to deny Russia the benefits of its WTO membership.", date="2022-03-11")
    assert ("USA", "SANCTIONS", "support") in got and ("BIDEN", "SANCTIONS", "support") in got


def test_raising_the_costs_on_russia_supports_sanctions(tmp_path):
    got = wh(tmp_path, "Readout of President Biden’s Call with President Macron of France",
             "The leaders affirmed their determination to continue raising the costs on Russia for its invasion.",
             date="2022-03-07")
    assert ("USA", "SANCTIONS", "support") in got


def test_russias_own_bans_are_no_sanctions(tmp_path):
    got = wh(tmp_path, "Fact Sheet: Food Security",
             "Russia banned exports of grain. Russia has banned imports from Ukraine. We will increase the costs "
             "for consumers.", date="2022-03-11")
    assert not any(t == "SANCTIONS" for _, t, _ in got)


# 4. aid nouns, only with Ukraine as recipient
def test_providing_ukraine_with_capabilities_is_aid(tmp_path):
    got = wh(tmp_path, "Statement by President Joe Biden on Ukraine",
             "The United States will continue to provide Ukraine with the capabilities to defend itself.",
             date="2022-04-13")
    assert ("USA", "UKRAINE", "support") in got


def test_supplying_ukraine_with_vehicles_is_aid(tmp_path):
    got = wh(tmp_path, "Fact Sheet: Ukraine",
             "The United States intends to supply Ukraine with Bradley Infantry Fighting Vehicles.", date="2023-01-05")
    assert ("USA", "UKRAINE", "support") in got


def test_capabilities_for_another_recipient_are_no_aid_to_ukraine(tmp_path):
    got = wh(tmp_path, "Fact Sheet: Indo-Pacific",
             "The United States will provide the Philippines with new air defense capabilities.", date="2023-01-05")
    assert not any(t == "UKRAINE" for _, t, _ in got)


# 5. the subject of a reduced object relative holds the act
def test_the_subject_of_a_reduced_relative_provides_the_weapons(tmp_path):
    got = wh(tmp_path, "Fact Sheet: Ukraine",
             "The weapons the United States has provided to Ukraine have been critical.", date="2022-04-13")
    assert ("USA", "UKRAINE", "support") in got


def test_the_subject_of_a_reduced_relative_imposed_the_sanctions(tmp_path):
    got = wh(tmp_path, "Fact Sheet: Ukraine",
             "These actions build on the economic sanctions and export controls the United States and over 30 "
             "countries have already imposed on Russia.", date="2022-03-11")
    assert ("USA", "SANCTIONS", "support") in got


def test_sanctions_russia_imposed_on_others_are_not_the_target(tmp_path):
    got = wh(tmp_path, "Fact Sheet: Ukraine",
             "The countermeasures and sanctions Russia imposed on the United States hurt its own people.",
             date="2022-03-11")
    assert ("RUS", "SANCTIONS", "support") not in got


def test_a_long_aid_object_closed_by_the_recipient(tmp_path):
    got = wh(tmp_path, "Statement by President Joe Biden on Ukraine",
             "I just spoke with President Zelenskyy and shared with him that my Administration is authorizing an "
             "additional $800 million in weapons, ammunition, and other security assistance to Ukraine.",
             date="2022-04-13")
    assert {("BIDEN", "UKRAINE", "support"), ("USA", "UKRAINE", "support")} <= got


def test_an_aid_figure_does_not_push_the_aid_noun_out_of_reach(tmp_path):
    """"provided $8.5 billion in direct budgetary support to Ukraine": the written amount is one figure,
    however the tokenizer splits it, so the aid noun after it still counts as the act's object."""
    got = wh(tmp_path, "Fact Sheet: Support for Ukraine", "Denmark has provided more than $1.25 billion in "
             "budgetary support to Ukraine.")
    assert ("DNK", "UKRAINE", "support") in got


def test_the_first_person_holds_a_reduced_relative_act(tmp_path):
    """"the costs we've imposed on Russia": in a signed text the "we" of a relative clause without
    "that" is the author, who imposes the costs; "they" there names no one."""
    got = wh(tmp_path, "Statement by President Joe Biden on Energy Prices", "Prices rose in part because of the "
             "severe economic costs we’ve imposed on Russia together with our partners.")
    assert {("BIDEN", "RUSSIA", "oppose"), ("USA", "SANCTIONS", "support")} <= got
    got = wh(tmp_path, "Statement by President Joe Biden on Energy Prices", "Prices rose in part because of the "
             "severe economic costs they have imposed on Russia.")
    assert not any(target in ("RUSSIA", "SANCTIONS") for _, target, _ in got)


def test_the_currency_signs_of_a_written_amount_come_from_the_codebook(monkeypatch):
    """The signs a written amount opens with are the codebook's ``amount_marks`` (stance_targets.yaml):
    "€1.25 billion" is one figure of the window in which "to" must follow the act's cue."""
    import dataclasses

    from helpers.analyse import stance
    book = stance.load_codebook()
    assert {"$", "€", "£", "¥"} <= book.conv.amount_marks
    words = ["provided", "more", "than", "€", "1", ".", "25", "billion", "in", "budgetary", "support", "to", "ukraine"]
    assert stance._requires_end(0, words) == words.index("to") + 1
    bare = dataclasses.replace(book, conv=dataclasses.replace(book.conv, amount_marks=frozenset()))
    monkeypatch.setattr(stance, "load_codebook", lambda *a, **k: bare)
    assert stance._requires_end(0, words) == words.index("to")  # "€" is then a word of its own
