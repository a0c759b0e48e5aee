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
