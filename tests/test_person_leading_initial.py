"""A leading initial before the given name is part of the name as the text writes it ("E. Jean
Carroll", rules README rule 6: the fullest name, initials kept), not a stray one-letter name; a
shorter form without it in the same document is the same person."""
import pytest

from helpers.pipeline.document import analyse_text


def rows(text: str) -> dict:
    return analyse_text("Envoys meet\n\n" + text)


def persons(text: str) -> set[str]:
    return {m["actor_name"] for m in rows(text)["mentions"] if m["kind"] == "person"}


@pytest.mark.parametrize("text, expected", [
    ("The writer E. Jean Carroll said she was relieved.", "E. Jean Carroll"),
    ("E. Jean Carroll said she was relieved.", "E. Jean Carroll"),
    ("Ms. E. Jean Carroll testified on Tuesday.", "E. Jean Carroll"),
])
def test_a_leading_initial_opens_the_name(text, expected):
    found = rows(text)
    assert expected in {m["actor_name"] for m in found["mentions"] if m["kind"] == "person"}
    assert "E" not in [n["name"] for n in found["names"]]


def test_the_name_without_the_initial_is_the_same_person():
    text = "E. Martin Estrada, of California, to be United States Attorney. Martin Estrada is a partner at a firm."
    assert persons(text) == {"E. Martin Estrada"}


def test_a_letter_after_a_capitalised_word_opens_no_name():
    assert not any(p.startswith("B.") for p in persons("Plan B. Michael Smith said it works."))


def test_a_leading_initial_keeps_the_given_name_for_a_title_case_office_after_it():
    text = "Members of the Presidential Delegation:\n\nThe Honorable J. Thomas Schieffer, Former United States Ambassador to Japan"
    assert "J. Thomas Schieffer" in persons(text)


def test_a_law_firm_named_by_partners_is_no_later_form_of_a_judge():
    text = ("Ms. Freeman clerked for Judge C. Darnell Jones II from 2008 to 2009. "
            "Robert Steven Huie has been an attorney at Jones Day since 2020.")
    found = rows(text)
    assert "Jones" not in {m["surface"] for m in found["mentions"] if m["kind"] == "person"}
