import nltk

from helpers.ingest.paragraphs import paragraphs
from helpers.ingest.sentences import join_paragraphs, sentence_spans


def split(text: str) -> list[str]:
    paras = paragraphs(text.split("\n"))
    body = join_paragraphs(paras)
    return [body[s:e] for _, s, e in sentence_spans(paras)]


def test_abbreviations_do_not_end_sentences():
    text = ("Mr. Blinken met Gen. Smith and Sen. Jones on Feb. 28 at the U.N. headquarters. "
            "Gov. Brown of the U.S. state department was there.")
    assert split(text) == [
        "Mr. Blinken met Gen. Smith and Sen. Jones on Feb. 28 at the U.N. headquarters.",
        "Gov. Brown of the U.S. state department was there.",
    ]


def test_abbreviation_at_sentence_end_before_a_sentence_starter_splits():
    assert split("Some states assisted the U.S. The others did not.") == [
        "Some states assisted the U.S.", "The others did not."]


def test_sentence_ending_in_closing_quote_ends_after_it():
    assert split('He called it "a strategic partner." Then he left. She said “enough.” It ended.') == [
        'He called it "a strategic partner."', "Then he left.", "She said “enough.”", "It ended."]


def test_text_without_paragraph_breaks_still_splits():
    text = "One sentence here. " * 30
    assert len(split(text.strip())) == 30


def test_nltk_sent_tokenize_uses_the_provisioned_parameters():
    assert nltk.sent_tokenize("The U.S. and the U.N. met. It rained.") == [
        "The U.S. and the U.N. met.", "It rained."]


def test_hard_wrapped_lines_are_joined_and_blank_lines_split():
    lines = ("National Security Advisor Jake Sullivan met today with the Special\n"
             "Representative of Kazakhstan. They discussed energy security and\n"
             "regional issues.\n\nThe second paragraph is short.\n").split("\n")
    assert paragraphs(lines) == [
        "National Security Advisor Jake Sullivan met today with the Special Representative of "
        "Kazakhstan. They discussed energy security and regional issues.",
        "The second paragraph is short.",
    ]


def test_long_lines_without_blank_lines_are_separate_paragraphs():
    first = "A long paragraph line " * 8
    second = "Another long paragraph line " * 8
    third = "Third one " * 15
    assert paragraphs([first, second, "", third]) == [first.strip(), second.strip(), third.strip()]
