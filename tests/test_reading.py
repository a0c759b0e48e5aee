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
