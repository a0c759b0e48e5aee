from helpers.ingest.boilerplate import remove_boilerplate


def test_patterns_remove_furniture_with_reasons():
    paras = ["Advertisement", "Real news paragraph about Astana.", "ALSO READ: Something else",
             '[mc4wp_form id="12"]', "Leave A Comment", "Subscribe to our newsletter for daily updates.",
             "Sponsor Ad", "###"]
    out = remove_boilerplate(paras)
    assert out.kept == ["Real news paragraph about Astana."]
    assert [r for _, r in out.removed] == ["advertisement", "cross-link", "shortcode", "comment prompt",
                                          "newsletter prompt", "advertisement", "end marker"]


def test_credit_line_names_the_outlet():
    out = remove_boilerplate(["A teaser of the story…reports Asian Lite News", "The story itself."])
    assert out.outlet == "Asian Lite News"
    assert out.removed == [("A teaser of the story…reports Asian Lite News", "credit")]


def test_standfirst_repeated_verbatim_in_body_is_removed():
    standfirst = "Blinken will visit Kazakhstan and Uzbekistan next week, officials said."
    body = [standfirst, "WASHINGTON (AP) — " + standfirst + " The trip follows the UN vote."]
    out = remove_boilerplate(body)
    assert out.kept == body[1:]
    assert out.removed == [(standfirst, "standfirst repeated")]


def test_inline_shortcode_is_cut_and_recorded():
    out = remove_boilerplate(['The vote passed. [mc4wp_form id="3"] Delegates left.'])
    assert out.kept == ["The vote passed. Delegates left."]
    assert out.removed == [('[mc4wp_form id="3"]', "shortcode")]


def test_ordinary_sentences_are_not_boilerplate():
    paras = ["Advertisement revenue fell sharply, the company said.", "Comments from the minister were brief."]
    assert remove_boilerplate(paras).kept == paras


def test_collapse_whitespace_is_the_regular_expression():
    import re
    import sys

    from helpers.ingest.paragraphs import collapse_whitespace

    spaces = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()]
    assert all(not c.isprintable() for c in spaces if c != " ")  # why a printable text has no other whitespace
    for text in ["", " ", "a", " a  b ", "a b c", "a\u00a0b", "x\u2028y ", "\tx\n", "a \u3000 b", *spaces,
                 "".join(spaces) + "word" + "".join(spaces)]:
        assert collapse_whitespace(text) == re.sub(r"\s+", " ", text).strip(), repr(text)


def test_required_literals_are_in_every_match():
    import random
    import re

    from helpers.ingest.boilerplate import load_patterns, required_literals

    assert required_literals(re.compile(r"(?P<t>.*?)(x|yz)\s")) == ("x", "yz")
    assert required_literals(re.compile(r"a*(bc|d)|e")) == ()  # the alternation is inside a branch of the top level
    for pattern in (r"(?i)(ab|cd)", r"(?i:ab|cd)", r"(ab|\w)", r"((?i:ab)|cd)", r".*", r"(ab|)"):
        assert required_literals(re.compile(pattern)) == (), pattern
    rng = random.Random(5)
    pieces = ["reports", "report", "reported by", "writes", "via", "Via", "…", "...", " - ", " — ", " ", "Asian",
              "Lite", "News", "of", "Reuters", ".", "The story", "write"]
    for pat in load_patterns()[0]:
        if not pat.needs:
            continue
        for _ in range(3000):
            text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 8)))
            if pat.regex.fullmatch(text) or pat.regex.search(text):
                assert any(w in text for w in pat.needs), text


def test_a_pattern_is_not_tried_on_a_paragraph_longer_than_it_can_match():
    from helpers.ingest.boilerplate import load_patterns

    patterns = {p.reason: p for p in load_patterns()[0]}
    assert patterns["date line"].max_chars and patterns["byline"].max_chars
    long_date = "February 28, 2023 " + "x" * 100
    assert remove_boilerplate([long_date]).kept == [long_date]
    # a bound only skips what could not match: every pattern's own examples still match
    assert remove_boilerplate(["February 28, 2023"]).removed == [("February 28, 2023", "date line")]


def test_a_pattern_may_name_the_words_every_match_holds():
    from helpers.ingest.boilerplate import load_patterns

    ap = next(p for p in load_patterns()[0] if "contributed" in p.regex.pattern)
    assert "contributed" in ap.needs
