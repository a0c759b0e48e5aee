"""The shortcuts of extract.actors give what the plain rules give: candidate matching through
``Dictionary.spans`` against a scan of every surface, and person discovery's pre-checks
against one sentence for each position a name can take."""
import pytest

from helpers.extract import actors
from helpers.extract.actors import Surface, discover_people, find_mentions, load_dictionary, tokenize

SENTENCES = [
    "The Republic of Korea and the Republic of Moldova signed, as did the West Bank authorities.",
    "U.S. Secretary of State Antony Blinken met Kazakh Foreign Minister Mukhtar Tileuberdi in Astana.",
    "Mrs. Laetitia Garriott de Cayeux & Miss. Kinga Garriott de Cayeux",
    "Mr. and Mrs. John Smith, Dr. Jane Doe and Mr. Garriott attended.",
    "the",
    "",
]


def scan(words: list[str], dic, date: str = "", seen: frozenset[str] = frozenset()) -> list:
    """Candidates the plain way: every surface of every word, compared token by token."""
    found = []
    for i, word in enumerate(words):
        for surface in dic.index.get(word, ()):
            k = len(surface.tokens)
            if tuple(words[i:i + k]) == surface.tokens and actors._in_force(surface, date):
                if surface.via == "surname?":
                    if surface.actor_id not in seen:
                        continue
                    surface = Surface(surface.tokens, surface.actor_id, "surname")
                found.append((i, i + k, surface))
    return found


@pytest.fixture(scope="module")
def guest_list_dictionary():
    """A dictionary grown by many people, so honorifics begin hundreds of surfaces."""
    people = {"Laetitia Garriott de Cayeux": "CAYEUX", "Kinga Garriott de Cayeux": "KINGA",
              "John Smith": "SMITH", "Jane Doe": "DOE"}
    for i in range(150):
        letters = "".join(chr(ord("a") + int(d)) for d in str(i))  # 12 -> "bc"
        people[f"Guest{letters} Person{letters}"] = f"PERSON{i}"
    return load_dictionary().extended(people)


@pytest.mark.parametrize("text", SENTENCES)
def test_candidates_are_those_of_a_full_scan(text, guest_list_dictionary):
    words = [t for t, _, _ in tokenize(text)]
    for dic in (load_dictionary(), guest_list_dictionary):
        assert actors._candidates(words, dic, "2023-03-01", set()) == scan(words, dic, "2023-03-01")
    assert len(guest_list_dictionary.index["Mrs"]) > 300


POSITIONS = [
    ("'The region is changing,' said Anvar Nozirov.", {}, "verb before"),
    ("According to Anvar Nozirov the talks failed.", {}, "verb before"),
    ("Anvar Nozirov told reporters it was over.", {}, "verb after"),
    ("said Kazakh agronomist Bolat Nurlanov.", {}, "verb and role before"),
    ("said Yulia, 34, who fled Kharkiv.", {}, "given name"),
    ("Migration lawyer Dilnoza Rakhmatova disagreed.", {}, "role before"),
    ("Ambassador Ferit Hoxha spoke first.", {}, "role before"),
    ("It was Mr. Zhumabekov who called.", {}, "honorific"),
    ("Anvar Nozirov, a researcher at the institute, disagreed.", {}, "appositive after"),
    ("The mayor of Kharkiv, Ihor Terekhov, disagreed.", {}, "appositive before"),
    ("Ihor Terekhov, who runs the city, disagreed.", {}, "who"),
    ("Her son, Maxim, stayed behind.", {}, "kin"),
    ("It is a documentary by Dilnoza Rakhmatova about the war.", {}, "author"),
    ("Dilnoza Rakhmatova's new book is out.", {}, "author"),
    ("Ihor Terekhov (his wife is Ukrainian) stayed.", {}, "relatives after"),
    ("Then Ismailova Gulnara arrived in town.", {"confirmed": frozenset({"Gulnara"})}, "honorific elsewhere"),
    ("Bolat Nurlanov arrived late.", {"pronoun_near": True}, "pronoun"),
]


@pytest.mark.parametrize("text, evidence, reason", POSITIONS)
def test_every_position_of_a_name_passes_the_pre_checks(text, evidence, reason, monkeypatch):
    monkeypatch.setattr(actors, "_EXPLAIN", [])
    dic = load_dictionary()
    tokens = tokenize(text)
    assert discover_people(tokens, find_mentions(text, 1, dic, "", tokens), dic, **evidence)
    assert [why for _, why, _ in actors._EXPLAIN] == [reason]


def test_no_cue_no_person():
    text = "Anvar Nozirov arrived late."
    dic = load_dictionary()
    tokens = tokenize(text)
    assert discover_people(tokens, find_mentions(text, 1, dic, "", tokens), dic) == []


def test_common_word_lookup_holds_the_common_words_untracked():
    """The membership tests read a dict of the same words as ``common_words`` (a dict of strings
    stays out of the garbage collector's way)."""
    import gc

    lookup = actors._common_lookup()
    assert lookup.keys() == actors.common_words() and len(lookup) > 100_000
    assert not gc.is_tracked(lookup) and all(v is None for v in list(lookup.values())[:1000])


def test_possessive_token_pattern_gives_the_plain_patterns_tokens():
    import random
    import re

    from helpers.extract import actors

    plain = re.compile(r"[A-Z](?:\.[A-Z])+\.|[^\W_]+(?:\+[^\W_]+)*|[^\w\s]")
    rng = random.Random(1)
    pieces = ["U.S.", "A.", "+", "C5+1", "a+", "+b", "_", "é", "ß", "x", "A", ".", " ", "’", "1", "٣", "\u0301",
              "_a", "a_", "Ǆ", "ǅ"]
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 20)))
        words = actors.TOKEN.findall(text)
        assert words == plain.findall(text), text
        assert actors._capitalised(words) == [i for i, w in enumerate(words) if w[0].isupper()]
        assert actors._lower(text, words) == [w.lower().replace("’", "'") for w in words]


LATER_NAMES = ["Joseph R. Biden", "Ursula von der Leyen", "Jean-Yves Le Drian", "Robert Smith Jr.", "Wang Wenbin",
               "Linda Thomas-Greenfield", "Conan O’Brien", "Aidai Bolot kyzy", "Dr. Jennifer Strawn", "Timmy T. Davis",
               "Madonna"]


def _forms_reference(name: str, present) -> list:
    """The filter Dictionary.extended applied before _forms_in: every later form, then those whose
    words (lower-case, ’ as ') all occur."""
    forms = actors.later_forms(name)
    occurring = {t for t in set().union(*forms) if t.lower().replace("’", "'") in present}
    return [f for f in forms if occurring.issuperset(f)]


@pytest.mark.parametrize("name", LATER_NAMES)
def test_forms_in_keeps_the_later_forms_whose_words_occur(name):
    import random
    from collections import Counter

    forms = actors.later_forms(name)
    words = sorted({actors._key(t) for f in forms for t in f}) or ["madonna"]
    rng = random.Random(name)
    for _ in range(200):
        present = Counter(rng.sample(words, rng.randint(0, len(words))))
        expected = _forms_reference(name, present)
        assert actors._forms_in(name, present) == expected
        assert actors._forms_in(name, set(present)) == expected
    if forms:  # with every word present nothing is left out, and the order is later_forms' own
        assert actors._forms_in(name, set(words)) == list(forms)


@pytest.mark.parametrize("name", LATER_NAMES)
def test_later_parts_give_later_forms_and_their_first_words(name):
    plain, after = actors._later_parts(name)
    honorifics = actors.person_cues().honorifics
    assert actors.later_forms(name) == plain + tuple(
        form for h in honorifics for f in after for form in ((h, ".") + f, (h,) + f))
    firsts = {f[0] for f in plain} | (set(honorifics) if after else set())
    assert firsts == {f[0] for f in actors.later_forms(name)}


# ---------------------------------------------------------------- a title and one word of a known holder's name

TITLED_TEXT = ["President Biden met Crown Prince Mohammed bin Salman in Jeddah.",
               "Crown Prince Salman thanked him, and King Salman sent greetings.",
               "Prime Minister Sunak and Minister Mohammed spoke to Secretary of State Blinken."]


def _titled_plain(word: str, units, words_by: dict, by_sent: dict, dic) -> bool:
    """``_titled_word_of_known`` the plain way: every word of the document scanned for each name."""
    holders = {m.actor.actor_id: m.actor for ms in by_sent.values() for m in ms
               if m.actor.kind == "person" and m.actor.role and word in m.actor.name.split()}
    for unit in units if holders else ():
        words = words_by[unit.sent_id]
        for i, w in enumerate(words):
            if w == word and i > 0 and words[i - 1] in dic.title_words:
                k = i
                while k > 0 and words[k - 1] in dic.title_words:
                    k -= 1
                if any(" ".join(words[k:i]).lower() in a.role.lower() for a in holders.values()):
                    return True
    return False


class _CountingDict(dict):
    reads = 0

    def __getitem__(self, key):
        self.reads += 1
        return super().__getitem__(key)


def test_the_titled_index_answers_as_the_plain_scan_and_reads_each_sentence_once():
    from types import SimpleNamespace
    dic = load_dictionary()
    units = [SimpleNamespace(sent_id=i) for i in range(len(TITLED_TEXT))]
    words_by = _CountingDict({i: [t for t, _, _ in tokenize(s)] for i, s in enumerate(TITLED_TEXT)})
    by_sent = {i: find_mentions(s, i, dic, "2023-07-15") for i, s in enumerate(TITLED_TEXT)}
    index = actors._TitledIndex(units, words_by, by_sent, dic)
    names = ["Salman", "Mohammed", "Biden", "Sunak", "Blinken", "Jeddah", "Prince", "Nobody"]
    got = {n: actors._titled_word_of_known(n, index) for n in names}
    words_by.reads = 0
    assert got == {n: _titled_plain(n, units, words_by, by_sent, dic) for n in names}
    assert got["Salman"] and not got["Nobody"]
    words_by.reads = 0
    for n in names:
        actors._titled_word_of_known(n, index)
    assert words_by.reads == 0  # built on first use, for every name
    fresh = actors._TitledIndex(units, words_by, by_sent, dic)
    for n in names:
        actors._titled_word_of_known(n, fresh)
    assert words_by.reads == len(units)  # one pass over the document's words
