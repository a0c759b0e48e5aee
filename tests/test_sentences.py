import nltk
import pytest

from helpers.ingest import sentences
from helpers.ingest.paragraphs import paragraphs
from helpers.ingest.sentences import join_paragraphs, sentence_spans
from helpers.pipeline.validate import pipeline_split


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


# ------------------------------------------------------------------ post-rules after Punkt


@pytest.mark.parametrize("text, expected", [
    # a sentence does not start with a lower-case letter
    ('"Why?" he asked. Nobody knew.', ['"Why?" he asked.', "Nobody knew."]),
    ("She received her B.A. in history and her J.D. from Yale.",
     ["She received her B.A. in history and her J.D. from Yale."]),
    # titles and reference abbreviations are never final, even before a sentence starter
    ("Mr. An said the talks would continue. Ms. May agreed.",
     ["Mr. An said the talks would continue.", "Ms. May agreed."]),
    ("The Rev. Dr. Martin Luther King Jr. spoke in 1963.", ["The Rev. Dr. Martin Luther King Jr. spoke in 1963."]),
    ("U.S. Rep. Adam Schiff and U.S. Sen. Bob Menendez spoke.", ["U.S. Rep. Adam Schiff and U.S. Sen. Bob Menendez spoke."]),
    ("The letter cited p. 12 and No. 10 Downing Street. It was signed.",
     ["The letter cited p. 12 and No. 10 Downing Street.", "It was signed."]),
    # "no." is the answer, not an abbreviation, before a name or a number
    ("Russia voted no. China abstained.", ["Russia voted no.", "China abstained."]),
    ("Russia voted no. 141 countries voted yes.", ["Russia voted no.", "141 countries voted yes."]),
    # an abbreviation ends a sentence before a question word or an honorific
    ("It was the U.S. Who else would pay?", ["It was the U.S.", "Who else would pay?"]),
    ("He worked in Washington, D.C. Mr. Smith then moved to Ohio.",
     ["He worked in Washington, D.C.", "Mr. Smith then moved to Ohio."]),
    # ... but not after an introductory phrase, nor before a day or a name
    ("On Tuesday at 3 p.m. Mr. Peskov told reporters the talks were over.",
     ["On Tuesday at 3 p.m. Mr. Peskov told reporters the talks were over."]),
    ("The talks begin at 10 a.m. Thursday in Geneva.", ["The talks begin at 10 a.m. Thursday in Geneva."]),
    # a lone capital after a lower-case word ends a sentence before a starter; an initial does not
    ("He took vitamin C. The doctor agreed.", ["He took vitamin C.", "The doctor agreed."]),
    ("The report was written by J. Smith in May.", ["The report was written by J. Smith in May."]),
    ("World War I. The war ended in 1918.", ["World War I. The war ended in 1918."]),  # unchanged: Punkt's initial
    # numbers: a sentence may end in one; a marker alone is never a sentence
    ("NATO invoked Article 5. The alliance then met.", ["NATO invoked Article 5.", "The alliance then met."]),
    ("1. The United States will provide aid.", ["1. The United States will provide aid."]),
    ("The plan has three parts: 1) talks, 2) aid and 3) trade.", ["The plan has three parts: 1) talks, 2) aid and 3) trade."]),
    # spaced ellipsis: one mark; a capitalised word after it opens a sentence (quoted excerpts)
    ("We will act . . . The tools are there.", ["We will act . . .", "The tools are there."]),
    ("We will act . . . and we will win.", ["We will act . . . and we will win."]),
])
def test_post_rules(text, expected):
    assert pipeline_split(text) == expected


def test_a_list_in_one_paragraph_splits_before_each_following_marker():
    assert pipeline_split("1. Talks resume. 2. Aid flows 3. Trade reopens") == [
        "1. Talks resume.", "2. Aid flows", "3. Trade reopens"]
    # numbers that do not continue the list are not markers
    assert pipeline_split("1. Talks resume in 5. Then aid flows.") == ["1. Talks resume in 5.", "Then aid flows."]


def test_yaml_booleans_are_refused():
    with pytest.raises(ValueError, match="quote"):
        sentences._strings({"abbreviations": ["u.s", False]}, "abbreviations")
    vocab = sentences.vocabulary()
    assert "on" in vocab.sentence_starters and "false" not in vocab.abbreviations


def test_offsets_of_a_paragraph_slice_it_without_surrounding_whitespace():
    para = "  He left at 6 P.M. Mr. Smith stayed.  It rained . . . The end.  "
    spans = sentences.paragraph_spans(para)
    assert [para[s:e] for s, e in spans] == ["He left at 6 P.M.", "Mr. Smith stayed.", "It rained . . .", "The end."]


# ------------------------------------------------------------------ long paragraphs

def test_a_long_paragraph_without_full_stops_is_cut_at_whitespace():
    words = ("talks on energy security continue with partners in the region " * 20_000).strip()
    spans = sentences.paragraph_spans(words)
    assert len(spans) > len(words) // sentences.MAX_SENTENCE_CHARS
    assert all(e - s <= sentences.MAX_SENTENCE_CHARS for s, e in spans)
    assert all(words[e] == " " for _, e in spans[:-1])  # cut at whitespace
    assert " ".join(words[s:e] for s, e in spans) == words  # nothing lost


def test_windowed_punkt_finds_the_same_starts_as_one_pass():
    text = " ".join(
        f"Mr. Blinken met Gen. Smith on Feb. {i % 28 + 1} at the U.N. in New York. "
        f"\"It was useful,\" he said. The U.S. and the E.U. agreed on {i} points."
        for i in range(600))
    assert len(text) > 3 * sentences.PUNKT_WINDOW
    assert sentences.punkt_starts(text) == sentences._starts_of(text, 0)


def test_a_long_sentence_opening_with_a_preposition_still_ends_before_an_honorific():
    text = ("From 2009 to 2010, he was an associate at a law firm in Washington, D.C. "
            "Mr. Smith then clerked for a judge.")
    assert pipeline_split(text) == [
        "From 2009 to 2010, he was an associate at a law firm in Washington, D.C.",
        "Mr. Smith then clerked for a judge."]


def _plain_punkt():
    from nltk.tokenize.punkt import PunktSentenceTokenizer

    return PunktSentenceTokenizer(sentences.punkt_parameters())


def test_punkt_non_word_characters_are_nltks():
    import re

    from nltk.tokenize.punkt import PunktLanguageVars

    non_word = re.compile(PunktLanguageVars()._re_non_word_chars)
    assert {chr(c) for c in range(0x3000) if non_word.fullmatch(chr(c))} == set(sentences._PUNKT_NON_WORD)


def test_punkts_regex_engine_sees_no_more_whitespace_than_re():
    import re
    import sys

    from nltk import redos

    everything = "".join(map(chr, range(sys.maxunicode + 1)))
    # so a character plain_break's \S accepts makes a token for Punkt's word tokenizer
    assert set(redos.compile(r"\s", re.UNICODE).findall(everything)) <= set(re.findall(r"\s", everything))


@pytest.mark.parametrize("context, plain", [
    ("Greece. The", True), ("said.”", True), ("why? They", True), ("wow!!", True), ("now.)", True),
    ("now.) Then", False), ("U.S. The", False), ("Mr. Smith", False), ("Jan. 5", False), ("I. Did", False),
    ("2023. The", False), ("Greece.  The", False), ("Greece. ", False), ("Greece.", False), ("Grèce. The", False),
    ("Greece.\nThe", False),
])
def test_plain_break_answers_only_what_punkt_would(context, plain):
    punkt = _plain_punkt().text_contains_sentbreak(context)
    assert sentences.plain_break(context, sentences.punkt_parameters().abbrev_types) == plain
    assert punkt or not plain
    assert sentences.tokenizer().text_contains_sentbreak(context) == punkt


def test_shortcuts_give_punkts_sentences_on_random_text():
    import random

    random.seed(3)
    pieces = ["U.S.", "Mr.", "Dr.", "No.", "1.", "a.", "b)", "I.", "I", ". . .", "...", "…", "?", "!", ".", '"',
              "“", "”", "’", "(", ")", "the", "The", "said", "Greece", "P.M.", "e.g.", "Feb.", "10", "é",
              " ", " ", "  ", "\n", "\t"]
    plain, ours = _plain_punkt(), sentences.tokenizer()
    for _ in range(1000):
        text = "".join(random.choice(pieces) + random.choice(["", " "]) for _ in range(random.randint(0, 40)))
        spans = list(plain.span_tokenize(text))
        assert list(ours.span_tokenize(text)) == spans, text
        starts = [m.start() for m in (sentences._NONSPACE.search(text, s, e) for s, e in spans) if m]
        assert sentences._starts_of(text, 7) == [7 + s for s in starts], text


def test_abbreviation_break_answers_only_what_punkt_would():
    """Initials and known abbreviations before a word: the answer without Punkt is Punkt's, on the
    commonest such contexts of the White House statements and on random ones."""
    import random

    params = sentences.punkt_parameters()
    punkt = _plain_punkt()
    known = {"S. Truman": False, "U.S. Embassy": False, "U.S. partners": False, "D.C. residents": False,
             "R. Biden,": False, "L. Garcia:": False, "Jr. hosted": False, "a. the": False}
    for context, answer in known.items():
        assert sentences.abbreviation_break(context, params.abbrev_types, params.sent_starters) is answer, context
    rng = random.Random(29)
    starters = sorted(params.sent_starters)[:40]
    cores = ["S", "a", "U.S", "D.C", "Jr", "Mr", "e.g", "B.A", "P.M", "No", "Feb", "Greece", "U..S", "U.S-A",
             "é", "St", "I", "1", "9.5", "Ph.D", "Gov", "vs"]
    words = ["Truman", "partners", "The", "the", "He", "he", "Embassy", "LNG", "I", "x", "Café", "9", "(The",
             "“The", "The,", "The:", "The;", "The.", "E.U.", "-", "a-b"] + [w.capitalize() for w in starters] + starters
    gaps = [" ", " ", " ", "  ", "\u00a0", ""]
    for _ in range(6000):
        context = rng.choice(cores) + "." + rng.choice(gaps) + rng.choice(words) + rng.choice(["", "", ",", ":"])
        answer = sentences.abbreviation_break(context, params.abbrev_types, params.sent_starters)
        if answer is not None:
            assert answer == punkt.text_contains_sentbreak(context), context
        assert sentences.tokenizer().text_contains_sentbreak(context) == punkt.text_contains_sentbreak(context), context


def test_lean_patterns_match_as_nltks_on_every_character():
    """punkt_spans' stdlib patterns are nltk's ``regex`` ones with the engine-dependent parts
    written out: ``\\s`` and ``\\S`` (the engines disagree on \\x1c-\\x1f) and a multi-line ``$``."""
    import sys

    import re

    import regex

    tok = sentences.tokenizer()
    lv = tok._lang_vars
    lean = sentences._lean_patterns(lv)
    assert lean, "nltk's Punkt patterns changed: punkt_spans is not used"
    everything = "".join(map(chr, range(sys.maxunicode + 1)))
    assert regex.findall(r"\s", everything) == re.findall(sentences._REGEX_SPACE, everything)
    assert regex.findall(r"\S", everything) == re.findall(sentences._REGEX_NONSPACE, everything)
    assert [m.start() for m in regex.finditer("$", everything, regex.MULTILINE)] == \
        [m.start() for m in re.finditer("$", everything, re.MULTILINE)]
    boundary = lean[1]
    assert boundary.pattern == lv.re_boundary_realignment.pattern.replace(r"\s", sentences._REGEX_SPACE)


def test_punkt_spans_are_span_tokenize_on_random_text():
    import random

    from nltk.tokenize.punkt import PunktSentenceTokenizer

    rng = random.Random(11)
    pieces = ["U.S.", "Mr.", "No.", "1.", "a.", "I.", ". . .", "...", "?", "!", ".", '"', "“", "”", "’", "'",
              "(", ")", "]", "»", "--", "the", "The", "said", "Greece", "P.M.", "é", " ", " ", "  ", "\n", "\t",
              "\r", "\x0b", "\x0c", "\x1c", "\x1f", "\x85", "\xa0", "\u2028", "\u3000", "?!", ".)", '."', ".”"]
    ours = sentences.tokenizer()
    assert ours.spans("") == list(ours.span_tokenize(""))
    for _ in range(4000):
        text = "".join(rng.choice(pieces) + rng.choice(["", " "]) for _ in range(rng.randint(0, 40)))
        assert ours.spans(text) == list(PunktSentenceTokenizer.span_tokenize(ours, text)), repr(text)
