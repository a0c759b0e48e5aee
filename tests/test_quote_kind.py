"""Full or partial: whether the quoted words stand as a statement of their own or are a fragment
woven into the writer's sentence. The syntax around the quote decides, not its first character:
tweets and statements open with "@", ".@", "#", "$", a digit, an emoji or a nested mark."""
import pytest

from helpers.pipeline.document import analyse_text


def kinds(text: str) -> list[tuple[str, str]]:
    rows = analyse_text(f"Reactions to the announcement\n\n{text}")
    return [(q["quote"], q["kind"]) for q in rows["quotes"]]


@pytest.mark.parametrize("text", [
    "Senator Maria Lopez: “.@POTUS is right — we need to lower costs for families. #SOTU”",
    "Governor Dana Whitfield: “$868 million is a big win for our state and its rural towns.”",
    "Senator Paul Okafor: “🚨 We just secured $629 MILLION for high-speed internet across the state.”",
    "Mayor Tom Reyes: “#Denver is ready to build, and this funding gets us moving.”",
    "Greater Plains Alliance: “‘We can’t change the past.’ We appreciated that message tonight.”",
    "Ana Ruiz, President, Harbor Institute: “most unifying speech of the year #sotu”",
])
def test_a_statement_after_a_label_is_full_whatever_it_opens_with(text):
    assert [k for _, k in kinds(text)] == ["full"]


@pytest.mark.parametrize("text", [
    "As Maria Lopez, the clinic's founder, said, “Lawyers are confronting the pandemic's shockwaves.”",
    "The mayor said on Tuesday, “We will rebuild every bridge in this county.”",
    "Tom Reyes told reporters, “This is the largest investment our city has seen.”",
])
def test_a_full_sentence_after_said_and_a_comma_is_full(text):
    assert [k for _, k in kinds(text)] == ["full"]


@pytest.mark.parametrize("text", [
    "The mayor praised the new budget and economic growth [...] “We know many families here are watching,” "
    "Maria Lopez said.",
    "City Radio: [Mayor opens new water plant](https://example.org/news/plant) “Getting the lead out of the "
    "water is our first priority,” Maria Lopez said.",
])
def test_a_quote_after_a_bracketed_ellipsis_or_a_linked_headline_opens_its_excerpt(text):
    assert [k for _, k in kinds(text)] == ["full"]


@pytest.mark.parametrize("text, quote", [
    ("Tokayev described Russia as a “strategic partner.”", "strategic partner."),
    ("The ministry called the plan “worthy of support” on Monday.", "worthy of support"),
    ("The strategy commits the agency to: “build system capacity in every region,” the report said.",
     "build system capacity in every region,"),
    ("Maria Lopez said the state was “ground zero for building a clean energy economy.”",
     "ground zero for building a clean energy economy."),
    ("Maria Lopez warned, “…and that is only the beginning of the work.”", "…and that is only the beginning of the work."),
])
def test_a_fragment_stays_partial(text, quote):
    assert kinds(text) == [(quote, "partial")]


def test_a_quote_after_a_label_of_its_own_continues_no_earlier_speaker():
    """A tweet that opens with a nested mark is full, but its colon is a label of its own: the label's
    speaker (or none), never the speaker of the item above it."""
    rows = analyse_text("Reactions to the announcement\n\n"
                        "Harbor Families Network: “Our work has an impact! We will keep going.” [Statement, 2/07/23]\n\n"
                        "Lakeside Girls Inc.: “‘Congress must act this year.’ Thank you, @POTUS #sotu2023”")
    got = [(q["kind"], q["speaker_name"]) for q in rows["quotes"]]
    assert got[0] == ("full", "Harbor Families Network")
    assert got[1][0] == "full" and got[1][1] != "Harbor Families Network"


def test_a_running_quotation_takes_the_speaker_named_after_its_last_paragraph():
    # AP "running quotations": each paragraph reopens the quote, only the last closes it and names
    # the speaker
    rows = analyse_text("Story\n\n“We will not back down. We will stand with Ukraine for as long as it takes.\n\n"
                        "“We will keep the pressure on Moscow.\n\n“This is a fight for freedom,” Blinken said.\n")
    assert [q["speaker_name"] for q in rows["quotes"]] == ["Antony Blinken"] * 3


def test_a_closed_quote_before_an_attributed_one_keeps_no_speaker():
    rows = analyse_text("Story\n\nThe minister called the deal “a betrayal of our allies.”\n\n"
                        "“This is a fight for freedom,” Blinken said.\n")
    assert [q["speaker_name"] for q in rows["quotes"]] == ["", "Antony Blinken"]


@pytest.mark.parametrize("text", [
    # a wire lede: the dateline is no lead-in, the quote opens the story's first sentence
    "STOCKHOLM (AP) — “We have seen no evidence of that,” said Tomas Lindqvist, a ministry spokesman.",
    "ASTANA, March 3 (Reuters) - “Our banks are careful,” Deputy Minister Nurlan Sadykov told reporters.",
    "KYIV, Ukraine (AP) — “The corridor has to stay open,” Olena Hrytsiuk said on Tuesday.",
])
def test_a_quote_right_after_a_dateline_is_full(text):
    assert [k for _, k in kinds(text)] == ["full"]


def test_a_capitalised_quote_after_a_dash_inside_a_sentence_stays_partial():
    # no dateline: the writer's sentence goes on into the quoted words
    assert [k for _, k in kinds("The minister had one word for the plan — “Unacceptable” — and left.")] in (
        [], ["partial"])
