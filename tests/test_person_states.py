"""The state of a person the dictionary lacks, from the office around the name: "Prime Minister X
of Greece" (AP style), "Kazakhstan's ambassador to the United States, X," (the sending state, not
the host), "the Ambassador of Ukraine to the United States, X,"; a US state's name is no country."""
import pytest

from helpers.pipeline.document import analyse_text


def people(text: str) -> set[tuple[str, str]]:
    rows = analyse_text("Envoys meet\n\n" + text)
    return {(m["actor_name"], m["country_iso3"]) for m in rows["mentions"] if m["kind"] == "person"}


@pytest.mark.parametrize("text, expected", [
    ("Prime Minister Nikos Andreou of Greece spoke on Monday.", ("Nikos Andreou", "GRC")),
    ("Kazakhstan’s ambassador to the United States, Yerlan Bekov, spoke on Monday.", ("Yerlan Bekov", "KAZ")),
    ("Kazakhstan’s ambassador to the U.N., Yerlan Bekov, spoke on Monday.", ("Yerlan Bekov", "KAZ")),
    ("The Ambassador of Ukraine to the United States, Olena Kovalenko, spoke on Monday.", ("Olena Kovalenko", "UKR")),
    ("The former U.S. Ambassador to the Czech Republic, Norman Ellis, spoke on Monday.", ("Norman Ellis", "USA")),
    ("The Minister of Foreign Affairs of Kyrgyzstan, Bakyt Osmonov, spoke on Monday.", ("Bakyt Osmonov", "KGZ")),
    # the host state is not the person's
    ("The ambassador to Kazakhstan, Norman Ellis, spoke on Monday.", ("Norman Ellis", "")),
    # "of Georgia" after a governor is the US state
    ("Governor Brian Walsh of Georgia spoke on Monday.", ("Brian Walsh", "")),
])
def test_the_state_of_a_found_person(text, expected):
    assert expected in people(text)


@pytest.mark.parametrize("text, expected", [
    # a verb names the person; the appositive after the name still places them (the sending state)
    ("“It is a dangerous moment,” said Peter Hollis, a former U.S. ambassador to Poland.", ("Peter Hollis", "USA")),
    ("“It is a dangerous moment,” said Maria Lopez, a Spanish diplomat.", ("Maria Lopez", "ESP")),
    # the first mention names no state, a later one does: the person is placed by the later one
    ("Peter Hollis said talks would go on.\n\nPeter Hollis, a former U.S. ambassador to Poland, "
     "said so again.", ("Peter Hollis", "USA")),
])
def test_an_appositive_after_a_cued_name_places_the_person(text, expected):
    assert expected in people(text)


def test_the_next_item_of_a_list_is_no_appositive():
    # "X, Italian Prime Minister Y, ...": the title and name after the comma are the next person's
    got = people("The President met German Chancellor Anna Weber, Italian Prime Minister Marco Rossi, "
                 "and Greek Prime Minister Nikos Andreou.")
    assert ("Anna Weber", "ITA") not in got and ("Marco Rossi", "GRC") not in got


def test_a_us_state_in_the_appositive_role_makes_the_name_a_person():
    # "X, the Ohio senator, criticised ...": no reporting verb, but the appositive role names a person
    got = people("J.R. Hollis, the Ohio senator, criticised the aid package.\n\n"
                 "T.J. Weber, the New York governor, criticised it too.")
    assert {"J.R. Hollis", "T.J. Weber"} <= {name for name, _ in got}


def test_a_city_and_its_state_are_no_person():
    got = people("The grants go to Des Moines, Iowa, where the city manager will run them.")
    assert not any("Moines" in name for name, _ in got)


def test_a_possessive_before_a_longer_title_places_the_person():
    got = people("Russia’s deputy U.N. Ambassador Anna Sokolova said the talks had failed.")
    assert ("Anna Sokolova", "RUS") in got


def test_a_state_several_words_before_a_title_places_no_one():
    got = people("The threat to the United States constituted by the actions of Colonel Omar Haddad grew.")
    assert ("Omar Haddad", "USA") not in got


def test_a_lower_case_portfolio_in_the_role_before_an_appositive_name():
    # "the minister of foreign affairs of Kyrgyzstan, X,": the role's complement holds lower-case words
    got = people("The minister of foreign affairs of Kyrgyzstan, Bakyt Osmonov, arrived on Monday.")
    assert ("Bakyt Osmonov", "KGZ") in got


@pytest.mark.parametrize("text, expected", [
    ("She worked for Senate Majority Whip Senator Richard J. Durbin (D-IL) for years.", ("Richard J. Durbin", "USA")),
    ("She was an aide to Congresswoman Debbie Halvorson (D-IL) until 2011.", ("Debbie Halvorson", "USA")),
    ("Sen. Dick Durbin, D-Ill., said the bill would pass.", ("Dick Durbin", "USA")),
    ("Rep. Mike Lawler (R-N.Y.) said the bill would pass.", ("Mike Lawler", "USA")),
])
def test_a_us_party_and_state_label_places_the_person_in_the_united_states(text, expected):
    assert expected in people(text)


@pytest.mark.parametrize("text, expected", [
    ("Participants included Kęstutis Budrys, Chief Security Advisor to the Lithuanian President; and others.",
     ("Kęstutis Budrys", "LTU")),
    ("Participants included Indrek Sirp, Director for National Security and Defense for the Estonian Prime Minister.",
     ("Indrek Sirp", "EST")),
    ("Participants included Kęstutis Budrys, Adviser to the President of Lithuania, and others.",
     ("Kęstutis Budrys", "LTU")),
    # an ambassador to a government is accredited there from elsewhere
    ("He met Ona Petraitė, Ambassador to the Lithuanian Government, on Monday.", ("Ona Petraitė", "")),
])
def test_an_aide_is_of_the_state_whose_leader_the_appositive_names(text, expected):
    assert expected in people(text)


def test_an_aide_named_next_to_a_reporting_verb_is_placed_by_the_leader_too():
    text = "“We are ready,” said Kęstutis Budrys, Chief Security Advisor to the Lithuanian President."
    assert ("Kęstutis Budrys", "LTU") in people(text)


@pytest.mark.parametrize("text, expected", [
    ("At the summit, U.S. Special Presidential Envoy for Climate John Kerry announced a contribution.", ("John Kerry", "USA")),
    ("He met U.S. Ambassador to Japan Rahm Emanuel on Monday.", ("Rahm Emanuel", "USA")),
    # the host state after "to" is not the ambassador's
    ("He met Ambassador to Japan Rahm Emanuel on Monday.", ("Rahm Emanuel", "")),
    # the state of the office after "of" is the person's
    ("He met President of Finland Sauli Niinistö on Monday.", ("Sauli Niinistö", "FIN")),
])
def test_the_state_before_a_title_joined_by_to_or_for_places_the_person(text, expected):
    assert expected in people(text)


@pytest.mark.parametrize("text, expected", [
    ("He met Russian Ambassador to Japan Peter Orlov on Monday.", ("Peter Orlov", "RUS")),
    ("The United States thanks UN Resident Coordinator for Yemen Peter Gressman for his work.", ("Peter Gressman", "")),
    ("He was Senior Advisor to United States Trade Representative Ron Kirk until 2013.", ("Ron Kirk", "USA")),
])
def test_the_host_after_to_or_for_is_dropped_but_a_nearer_title_keeps_its_state(text, expected):
    assert expected in people(text)


@pytest.mark.parametrize("text, expected", [
    ("I spoke with Canadian National Security and Intelligence Advisor Jody Thomas again last night.", ("Jody Thomas", "CAN")),
    # an "and" between a state or a person and the next title ends the role phrase
    ("The talks between the U.S. and Prime Minister Nikos Andreou ended on Monday.", ("Nikos Andreou", "")),
])
def test_an_and_inside_a_title_case_office_keeps_the_state_before_it(text, expected):
    assert expected in people(text)


def _release_people(tmp_path, body: str, url: str) -> set[tuple[str, str]]:
    from helpers.pipeline.document import analyse_file
    path = tmp_path / "doc.md"
    path.write_text(f"---\ndate: '2023-03-24'\nsource_url: {url}\ntitle: \"Readout of a meeting\"\n---\n\n{body}\n",
                    encoding="utf-8")
    return {(m["actor_name"], m["country_iso3"]) for m in analyse_file(str(path), "doc").rows["mentions"]
            if m["kind"] == "person"}


WH_URL = "https://bidenwhitehouse.archives.gov/briefing-room/statements-releases/2023/03/24/x/"


@pytest.mark.parametrize("body, expected", [
    ("Today, Jennifer Stein, Assistant to the President and Director of the Gender Policy Council, met with "
     "Saida Karimova, Head of the Department of Uzbekistan.", ("Jennifer Stein", "USA")),
    ("Today, Senior Advisor to the President for Clean Energy Innovation Jonathan Meyers met with officials.",
     ("Jonathan Meyers", "USA")),
    ("Deputy Assistant to the President and Coordinator for the Middle East and North Africa, Brett Hollis, "
     "departed last night.", ("Brett Hollis", "USA")),
    # a president named with his state is that state's
    ("He met Dana Orlova, Assistant to the President of Kazakhstan, on Monday.", ("Dana Orlova", "KAZ")),
])
def test_an_aide_to_the_president_in_a_government_release_is_of_the_publishing_state(tmp_path, body, expected):
    assert expected in _release_people(tmp_path, body, WH_URL)


def test_an_aide_to_the_president_elsewhere_is_not_placed(tmp_path):
    body = "Today, Jennifer Stein, Assistant to the President and Director of the Gender Policy Council, spoke."
    assert ("Jennifer Stein", "") in _release_people(tmp_path, body, "https://www.example.com/news/2023/03/24/x/")


@pytest.mark.parametrize("body, expected", [
    # the demonym before his role noun ("counselor") places him in France, never the publishing USA
    ("Sullivan met with French Diplomatic Counselor to the President Emmanuel Bonne on Monday.", ("Emmanuel Bonne", "FRA")),
    ("The guests included Dr. Choi Sang Mok, Senior Secretary to the President for Economic Affairs.", ("Choi Sang Mok", "")),
    ("Assistant to the President for National Security Affairs Jake Sullivan hosted President Hassan Ali Warsame "
     "of Somalia.", ("Hassan Ali Warsame", "SOM")),
])
def test_an_aide_of_another_president_is_not_of_the_publishing_state(tmp_path, body, expected):
    assert expected in _release_people(tmp_path, body, WH_URL)


def _people_of(text: str) -> set[str]:
    from helpers.pipeline.document import analyse_text
    return {m["actor_name"] for m in analyse_text(text)["mentions"] if m["kind"] == "person"}


@pytest.mark.parametrize("text, expected", [
    # a first-person statement names the author's spouse by the given name: the dictionary's person
    # of that given name and the author's family name
    ("Statement from President Joe Biden\n\nJill and I are praying for the people of Ukraine.", "Jill Biden"),
    ("Remarks by First Lady Jill Biden\n\nJoe and I are grateful for your leadership.", "Joe Biden"),
])
def test_a_given_name_before_and_i_is_the_author_s_family_member(text, expected):
    assert expected in _people_of(text)


@pytest.mark.parametrize("text", [
    # no dictionary person of that given name and the author's family name: nobody is guessed
    "Statement from President Joe Biden\n\nKamala and I are praying for the people of Ukraine.",
    "Statement from Vice President Kamala Harris\n\nDoug and I send our condolences.",
    # no single author in the title
    "Statement on the anniversary\n\nJill and I are praying for the people of Ukraine.",
])
def test_a_given_name_before_and_i_with_no_such_family_member_is_no_one(text):
    assert not {"Kamala Biden", "Doug Harris", "Jill Biden"} & _people_of(text)


def test_dr_biden_is_the_first_lady():
    # the White House writes "Dr. Biden" for Jill Biden, "the President" or "President Biden" for him
    assert _people_of("Readout of the dinner\n\nThe guests were hosted by Dr. Biden at the White House.") == {
        "Jill Biden"}


@pytest.mark.parametrize("text, expected", [
    # the US address form "City, State" names a town, also when the town's name is a known surname
    ("The President traveled to Austin, Texas, on Monday.", set()),
    ("Austin, Minnesota, and Jackson, Mississippi, got grants.", set()),
    # not an address: the state does not close it, or an appositive follows the name
    ("Secretary Austin, Texas Governor Greg Abbott and others met.", {"Lloyd Austin", "Greg Abbott"}),
    ("Austin, a retired general, said the Pentagon would help.", {"Lloyd Austin"}),
])
def test_a_surname_in_the_us_address_form_is_the_town(text, expected):
    assert {n for n in _people_of("Officials travel\n\n" + text)} == expected
