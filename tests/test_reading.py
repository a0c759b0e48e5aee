import pytest

from helpers.ingest import reading


def test_utf8_is_decoded_without_notes():
    text, encoding, notes = reading.decode("Kazakhstan’s “pledge”".encode("utf-8"))
    assert (text, encoding, notes) == ("Kazakhstan’s “pledge”", "utf-8", [])


def test_cp1252_falls_back_with_a_note():
    text, encoding, notes = reading.decode("The minister’s “visit”".encode("cp1252"))
    assert text == "The minister’s “visit”"
    assert encoding == "cp1252"
    assert any("cp1252" in n for n in notes)


def test_bytes_invalid_in_cp1252_fall_back_to_latin1():
    text, encoding, _ = reading.decode(b"abc \x81\x8d def")
    assert encoding == "latin-1"
    assert text.startswith("abc ")


def test_bom_is_stripped_and_crlf_normalised():
    text, _, notes = reading.decode(b"\xef\xbb\xbfTitle\r\n\r\nBody\rline\r\n")
    assert text == "Title\n\nBody\nline\n"
    assert "stripped UTF-8 BOM" in notes


def test_no_break_spaces_become_spaces():
    text, _, _ = reading.decode("United\u00a0States and\u202fRussia".encode("utf-8"))
    assert text == "United States and Russia"


@pytest.mark.parametrize("data, reason", [(b"", "empty file"), (b" \n\t\n", "empty file"),
                                          (b"PK\x03\x04\x00\x00binary", "binary file")])
def test_empty_and_binary_input_raise_a_clear_reason(data, reason):
    with pytest.raises(reading.UnreadableDocument, match=reason):
        reading.decode(data)


def test_html_drops_script_and_style_and_takes_h1_as_title():
    from tests.conftest import HTML_ARTICLE

    source = reading.parse_html(HTML_ARTICLE)
    text = "\n".join(source.lines)
    assert source.title == "Tokayev meets Mirziyoyev in Tashkent"
    assert "tracking" not in text and "injected" not in text and "color: red" not in text
    assert "“This is a good day,” Tokayev said." in text


def test_markdown_front_matter_becomes_metadata():
    from tests.conftest import MARKDOWN_ARTICLE

    source = reading.parse_markdown(MARKDOWN_ARTICLE)
    assert source.title == "Readout of a Call with the Foreign Minister of Kazakhstan"
    assert source.meta["date"] == "2023-03-01"
    assert source.meta["source_url"].startswith("https://www.example.gov/")
    assert "---" not in "\n".join(source.lines)


def test_markdown_escapes_and_links_are_unwrapped():
    assert reading.markdown_inline_to_text(r"See [the statement](https://x.y/z) \### and **bold**") == \
        "See the statement ### and bold"


def test_unsupported_suffix_is_refused(tmp_path):
    path = tmp_path / "a.docx"
    path.write_bytes(b"whatever")
    with pytest.raises(reading.UnreadableDocument, match="unsupported file type '.docx'"):
        reading.read_source(path)


@pytest.mark.parametrize("codec, label", [("utf-16", "UTF-16"), ("utf-16-be", "UTF-16 BE"),
                                          ("utf-32", "UTF-32"), ("utf-32-be", "UTF-32 BE")])
def test_utf16_and_utf32_with_a_bom_are_decoded(codec, label):
    data = "Kazakhstan’s “pledge”\r\n\r\nBody.".encode(codec)
    if codec.endswith("-be"):
        data = "\ufeff".encode(codec) + data
    text, encoding, notes = reading.decode(data)
    assert text == "Kazakhstan’s “pledge”\n\nBody."
    assert encoding.startswith(codec.split("-")[0] + "-" + codec.split("-")[1]) and label in notes[0]


def test_nul_bytes_without_a_bom_are_still_binary():
    with pytest.raises(reading.UnreadableDocument, match="NUL bytes"):
        reading.decode("Title\n\nBody".encode("utf-16-le"))


def test_front_matter_that_does_not_parse_is_reported_and_the_body_kept():
    from tests.conftest import BAD_FRONT_MATTER

    source = reading.parse_markdown(BAD_FRONT_MATTER)
    text = "\n".join(source.lines)
    assert "Tokayev met" in text and "signed a treaty" in text
    assert source.title == ""  # "[unclosed" is not a plain value; the body's first line is not a title
    assert source.meta == {"date": "2023-01-02", "outlet": "Example Wire"}
    assert source.notes and "front matter not valid YAML (ParserError at line" in source.notes[0]


def test_front_matter_that_is_not_a_mapping_is_noted():
    source = reading.parse_markdown("---\n- a\n- b\n---\n\n# Heading\n\nBody text.\n")
    assert source.title == "Heading" and "not a mapping" in source.notes[0]


def test_html_body_survives_any_depth_and_an_unclosed_svg():
    from tests.conftest import deep_html

    for depth in (10, 3000, 20000):
        source = reading.parse_html(deep_html(depth))
        assert "Kazakhstan abstained in the vote on Friday. The U.S. voted in favor." in source.lines, depth
        assert source.title == "Deep page"


def test_html_without_a_title_keeps_a_lone_paragraph_as_body():
    source = reading.parse_html("<p>" + "Kazakhstan abstained. " * 20 + "</p>")
    assert source.title == "" and source.lines[0].startswith("Kazakhstan abstained.")


def test_html_date_candidates_from_meta_json_ld_and_time():
    from tests.conftest import HTML_DATED

    source = reading.parse_html(HTML_DATED)
    assert source.meta["html_date:meta article:published_time"] == "2023-02-03T09:30:00Z"
    assert source.meta["html_date:JSON-LD datePublished"] == "2023-02-04"
    only_time = reading.parse_html('<p>Filed <time datetime="2022-12-21">Wednesday</time>.</p><p>Body.</p>')
    assert only_time.meta == {"html_date:<time datetime>": "2022-12-21"}


def test_a_fifo_is_refused_without_blocking(tmp_path):
    import os

    os.mkfifo(tmp_path / "p.txt")
    with pytest.raises(reading.UnreadableDocument, match="not a regular file"):
        reading.read_source(tmp_path / "p.txt")


# ------------------------------------------------------------------ publication dates

from helpers.ingest import dates  # noqa: E402
from helpers.ingest.parse import parse_source  # noqa: E402


@pytest.mark.parametrize("value, iso", [
    ("2023-03-01", "2023-03-01"), ("2022-01-24 17:45:43-05:00", "2022-01-24"), ("2023-02-03T09:30:00Z", "2023-02-03"),
    ("March 2, 2023", "2023-03-02"), ("Sept. 30, 2022", "2022-09-30"), ("2 March 2023", "2023-03-02"),
    ("Thu, 02 Mar 2023 10:00:00 +0000", "2023-03-02"), ("Thursday, March 2, 2023", "2023-03-02"),
    ("20230302", "2023-03-02"), ("2023/03/02", "2023-03-02"),
    ("2023-02-30", ""), ("March 2", ""), ("last week", ""), ("", ""),
])
def test_dates_are_normalised_to_iso(value, iso):
    assert dates.normalise(value) == iso


@pytest.mark.parametrize("lines, url, iso", [
    (["KYIV, Feb 3 (Reuters) - Russia said on Friday."], "https://www.reuters.com/world/2023/02/03/x/", "2023-02-03"),
    (["Feb 3 (Reuters) - Russia said on Friday."], "", ""),  # no year anywhere: left empty
    (["", "March 2, 2023", "", "The ministers met."], "", "2023-03-02"),
    (["WASHINGTON, March 2, 2023 — The president said."], "", "2023-03-02"),
    (["MOSCOW, Sept 30 (AP) -- Russia said."], "https://apnews.com/2022/x", "2022-09-30"),
    (["The summit on March 2, 2023 was held."], "", ""),  # a date inside a sentence is an event's
    (["One.", "Two.", "Three.", "Four.", "March 2, 2023"], "", ""),  # too far down
])
def test_datelines_and_date_lines_near_the_top(lines, url, iso):
    assert dates.from_lines(lines, url)[0] == iso


def test_the_date_source_is_recorded():
    src = reading.parse_markdown("---\ntitle: T\ndate: '2023-03-01'\n---\n\nKazakhstan abstained.\n")
    assert parse_source(src, "d")[0].meta["date_source"] == "front_matter"
    from tests.conftest import HTML_DATED

    doc = parse_source(reading.parse_html(HTML_DATED), "h")[0]
    assert (doc.meta["date"], doc.meta["date_source"]) == ("2023-02-03", "html_meta")
    assert not any(k.startswith("html_date:") for k in doc.meta)
    doc = parse_source(reading.parse_plain("Title\n\nMarch 2, 2023\n\nKazakhstan abstained.\n"), "p")[0]
    assert (doc.meta["date"], doc.meta["date_source"]) == ("2023-03-02", "dateline")
    doc, _, notes = parse_source(reading.parse_plain("Title\n\nKazakhstan abstained.\n"), "n")
    assert (doc.meta["date"], doc.meta["date_source"], notes) == ("", "none", [])
    doc, _, notes = parse_source(reading.parse_markdown("---\ndate: someday\n---\n\nKazakhstan abstained.\n"), "u")
    assert doc.meta["date_source"] == "none" and "date 'someday' not understood" in notes


def test_normalise_text_replaces_odd_spaces_only_when_present():
    assert reading.normalise_text("a\u2009b\u3000c\u200bd\u2060e\r\nf") == "a b cde\nf"
    plain = "Kazakhstan’s “pledge”"
    assert reading.normalise_text(plain) is plain


@pytest.mark.parametrize("text", ["", "abc", "\x00" * 10 + "a" * 90, "\x00" * 11 + "a" * 89, "\t\n\f\v" * 100,
                                  "\r\x1f\x7f" * 50 + "x" * 200, "x" * 5000 + "\x01" * 500])
def test_looks_binary_counts_control_characters_but_whitespace(text):
    sample = text[:4096]
    control = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\t\f\v")
    assert reading._looks_binary(text) == (len(sample) > 0 and control / len(sample) > 0.1)


@pytest.mark.parametrize("line, expected", [
    ("## Heading ##", "Heading"), ("# [Title](u) **bold**", "Title bold"), (r"a \_ b", "a _ b"),
    ("snake_case and _emph_", "snake_case and emph_"), ("[not a link] here", "[not a link] here"),
    (r"\### ", "### "), ("*", ""), ("**x**\\*", "x\\"),
])
def test_markdown_marks_are_removed_line_by_line(line, expected):
    assert reading.markdown_inline_to_text(line) == expected


@pytest.mark.parametrize("url, iso", [
    ("https://www.reuters.com/world/asia-pacific/kazakhstan-says-it-will-comply-2023-03-03/", "2023-03-03"),
    ("https://www.example.com/news/kazakhstan-comply-2023-03-03.html", "2023-03-03"),
    ("https://www.example.com/news/kazakhstan-comply-2023-13-03/", ""),  # no month 13: no date in the slug
    ("https://www.example.com/news/story-12023-03-03/", ""),
])
def test_a_year_less_dateline_takes_the_year_of_the_date_ending_the_urls_slug(url, iso):
    assert dates.from_lines(["ASTANA, March 3 (Reuters) - Kazakhstan will comply."], url)[0] == iso
