"""Quotes in transcripts: a reporter's "you said ..." quotes the official who answers the question."""
from tests.passages import analyse_text

BRIEFING = ("Press Briefing by Press Secretary Karine Jean-Pierre\n\nMS. JEAN-PIERRE: Good afternoon.\n\n"
            "Q Thank you. Karine, you said yesterday that the talks were “very productive.” Is that still true?\n\n"
            "MS. JEAN-PIERRE: Yes, it is.")
CALL = ("Background Press Call by a Senior Administration Official\n\nMODERATOR: Thanks, everyone.\n\n"
        "SENIOR ADMINISTRATION OFFICIAL: Good evening. An attack remains possible.\n\n"
        "Q Two questions. You said that an attack was a “distinct possibility.” Can you elaborate?\n\n"
        "SENIOR ADMINISTRATION OFFICIAL: So, I would say two things.")


def speakers(text):
    return {q["quote"].rstrip(".,"): q["speaker_name"] for q in analyse_text(text)["quotes"]}


def test_a_reporters_you_said_quotes_the_named_official_who_answers():
    assert speakers(BRIEFING)["very productive"] == "Karine Jean-Pierre"


def test_a_reporters_you_said_quotes_the_anonymous_official_who_answers():
    assert speakers(CALL)["distinct possibility"] == "senior administration official"


def test_a_quote_outside_a_reporters_turn_is_not_given_to_the_next_speaker():
    text = CALL.replace("Q Two questions. You said", "MODERATOR: Two questions. You said")
    assert speakers(text).get("distinct possibility", "") != "senior administration official"


def test_a_short_title_with_the_period_inside_the_marks_is_no_quote():
    """American style puts the sentence's period inside the closing mark: 'launched the “Ambassadors
    for the Arts.”' quotes a name, not speech (no cue, no speaker)."""
    got = analyse_text("Story\n\nThe First Lady launched the “Ambassadors for the Arts.” It will tour schools.")["quotes"]
    assert not got


def test_a_short_quote_with_a_cue_and_a_period_is_still_speech():
    got2 = analyse_text("Story\n\nTokayev said the plan was “bad for Kazakhstan’s Third District.”")["quotes"]
    assert got2 and got2[0]["speaker_id"] == "TOKAYEV"


# State Department briefing style: "MR PRICE:" without the honorific's point, "QUESTION:" for a reporter
STATE = ("Department Press Briefing\n\nMR PRICE: Good afternoon.\n\n"
         "QUESTION: Ned, you said last week that the sanctions were “working.” Do you still believe that?\n\n"
         "MR PRICE: We do.")


def test_a_state_department_briefing_is_a_transcript():
    from helpers.extract.quotes import is_transcript
    from helpers.ingest.parse import parse_text
    assert is_transcript(parse_text(STATE))


def test_a_question_turn_quotes_the_official_who_answers():
    assert speakers(STATE)["working"] == "Ned Price"


def test_stance_in_a_briefing_turn_is_the_speakers():
    rows = analyse_text("Department Press Briefing\n\nMR PRICE: Good afternoon. We continue to call on Moscow "
                        "to end its brutal war against Ukraine.\n\nQUESTION: Thank you, Ned.")
    assert ("PRICE", "RUSSIA_WAR", "oppose") in {(r["actor_id"], r["target"], r["label"]) for r in rows["stance"]}
