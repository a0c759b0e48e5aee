"""Checks of the actor dictionary data/dictionaries/actors.csv (and that it is rebuilt from its inputs)."""
from __future__ import annotations

import csv
import datetime as dt
import importlib.util
from collections import defaultdict
from pathlib import Path

import pycountry
import pytest

ROOT = Path(__file__).resolve().parents[1]
ACTORS = ROOT / "data" / "dictionaries" / "actors.csv"
SCRIPT = ROOT / "scripts" / "build_actor_dictionary.py"

COLUMNS = ["actor_id", "name", "kind", "country_iso3", "role", "valid_from", "valid_to", "aliases",
           "demonyms", "short", "descriptions", "stands_for", "members", "source"]
KINDS = {"person", "state", "organization", "group", "place"}
LIST_COLUMNS = ("aliases", "demonyms", "short", "descriptions", "stands_for", "members")

# Independent copy of the 193 UN member states (un.org/en/about-us/member-states), on purpose not
# imported from the script, so that a slip in one list shows up.
UN_MEMBERS = set("""
AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH BWA BRA BRN
BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG CRI CIV HRV CUB CYP CZE PRK COD DNK DJI DMA
DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB GUY HTI HND
HUN ISL IND IDN IRN IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR KWT KGZ LAO LVA LBN LSO LBR LBY LIE LTU
LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MDA MCO MNG MNE MAR MOZ MMR NAM NRU NPL NLD NZL NIC
NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT QAT KOR ROU RUS RWA KNA LCA VCT WSM SMR STP
SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM ZAF SSD ESP LKA SDN SUR SWE CHE SYR TJK THA TLS TGO TON TTO
TUN TUR TKM TUV UGA UKR ARE GBR TZA USA URY UZB VUT VEN VNM YEM ZMB ZWE
""".split())
# States deliberately added although not UN members (documented in their source column).
NON_UN_STATES = {"PSE", "VAT", "XKX", "TWN"}
NOT_IN_ISO = {"XKX"}  # Kosovo: user-assigned code
# UN members without a capital row: city-states, and Seychelles (capital "Victoria" too ambiguous).
NO_CAPITAL_ROW = {"SGP", "MCO", "SYC"}

# Surfaces deliberately shared by two actors. Empty now: ambiguous names (Congo, Congolese, Korea,
# Korean, Dominican for Dominica, Sharif, Japarov, Berdimuhamedov, Li, Wang, Kim) were left out instead.
# Add a (surface, frozenset of actor_ids) pair here, with a reason, to allow one.
ALLOWED_SHARED_SURFACES: dict[str, frozenset[str]] = {}

# Surfaces deliberately left out of the dictionary because they are ambiguous.
MUST_NOT_BE_SURFACES = {"Congo", "Congolese", "Korea", "Korean", "Koreans", "Japarov", "Berdimuhamedov",
                        "Li", "Wang", "Kim", "Sharif", "Male", "Victoria", "Pole"}


def read_rows() -> list[dict]:
    with open(ACTORS, encoding="utf-8", newline="") as fh:
        body = [line for line in fh if not line.startswith("#")]
    reader = csv.DictReader(body)
    assert reader.fieldnames == COLUMNS
    return list(reader)


@pytest.fixture(scope="module")
def rows() -> list[dict]:
    return read_rows()


@pytest.fixture(scope="module")
def by_id(rows) -> dict[str, dict]:
    return {r["actor_id"]: r for r in rows}


def items(row: dict, column: str) -> list[str]:
    return [x for x in row[column].split("|") if x] if row[column] else []


def surfaces(row: dict) -> list[str]:
    """Every string the matcher looks for (the name counts as a surface too)."""
    return [row["name"]] + items(row, "aliases") + items(row, "demonyms") + items(row, "short") + items(row, "descriptions")


# ---- file shape

def test_header_comments_kept():
    text = ACTORS.read_text(encoding="utf-8")
    lines = text.splitlines()
    comments = [line for line in lines[:20] if line.startswith("#")]
    assert len(comments) == 14
    assert lines[14] == ",".join(COLUMNS)
    assert "\r" not in text


def test_every_row_has_all_cells(rows):
    for r in rows:
        assert None not in r, r
        assert all(v is not None for v in r.values()), r["actor_id"]


def test_file_is_up_to_date_with_generator():
    spec = importlib.util.spec_from_file_location("build_actor_dictionary", SCRIPT)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    expected = mod.render(mod.read_header_block(mod.ACTORS), mod.build_rows(mod.read_curated(mod.CURATED)))
    assert ACTORS.read_text(encoding="utf-8") == expected, "rerun scripts/build_actor_dictionary.py"


# ---- ids, kinds, names

def test_actor_ids_unique(rows):
    ids = [r["actor_id"] for r in rows]
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})


def test_actor_ids_are_upper_snake(rows):
    for r in rows:
        assert r["actor_id"].replace("_", "").isalnum() and r["actor_id"] == r["actor_id"].upper(), r["actor_id"]


def test_kinds_allowed(rows):
    assert {r["kind"] for r in rows} <= KINDS
    assert {r["kind"] for r in rows} == KINDS


def test_every_row_has_name_alias_and_source(rows):
    for r in rows:
        assert r["name"], r["actor_id"]
        assert r["source"], r["actor_id"]
        assert items(r, "aliases"), r["actor_id"]


def test_list_cells_clean(rows):
    for r in rows:
        for col in LIST_COLUMNS:
            if not r[col]:
                continue
            parts = r[col].split("|")
            assert all(p and p == p.strip() for p in parts), (r["actor_id"], col, r[col])
            assert len(parts) == len(set(parts)), (r["actor_id"], col, "duplicate item")


# Names that really end in 's (not possessives).
NAMES_ENDING_IN_APOSTROPHE_S = {"St. John's", "St John's", "Saint John's", "St. George's", "St George's", "Saint George's"}


def test_no_possessive_surfaces(rows):
    for r in rows:
        for s in surfaces(r):
            if s not in NAMES_ENDING_IN_APOSTROPHE_S:
                assert not s.endswith(("'s", "’s")), (r["actor_id"], s)


def test_person_name_is_an_alias(rows):
    for r in rows:
        if r["kind"] in ("person", "state"):
            assert r["name"] in items(r, "aliases"), r["actor_id"]


# ---- states

def test_all_un_members_present(by_id):
    assert len(UN_MEMBERS) == 193
    missing = sorted(UN_MEMBERS - set(by_id))
    assert not missing
    for iso in UN_MEMBERS:
        r = by_id[iso]
        assert r["kind"] == "state", iso
        assert r["country_iso3"] == iso
        assert "UN member states" in r["source"]


def test_states_are_un_members_or_documented(rows):
    states = {r["actor_id"] for r in rows if r["kind"] == "state"}
    assert states == UN_MEMBERS | NON_UN_STATES
    for r in rows:
        if r["actor_id"] in NON_UN_STATES:
            assert "not a UN member" in r["source"], r["actor_id"]


def test_state_codes_are_iso3(rows):
    for r in rows:
        if r["kind"] == "state" and r["actor_id"] not in NOT_IN_ISO:
            assert pycountry.countries.get(alpha_3=r["actor_id"]) is not None, r["actor_id"]


def test_states_have_demonyms(rows):
    # Only the deliberately ambiguous ones lack demonyms (Congolese; Dominican goes to DOM; Vatican).
    without = {r["actor_id"] for r in rows if r["kind"] == "state" and not r["demonyms"]}
    assert without == {"COG", "COD", "DMA", "VAT"}


def test_capitals(rows, by_id):
    capitals = defaultdict(list)
    for r in rows:
        if r["kind"] == "place" and r["role"] == "capital":
            capitals[r["country_iso3"]].append(r["actor_id"])
    for iso in UN_MEMBERS - NO_CAPITAL_ROW:
        assert len(capitals[iso]) == 1, (iso, capitals[iso])
        cap = by_id[capitals[iso][0]]
        assert cap["stands_for"] == ("EU" if cap["actor_id"] == "BRUSSELS" else iso), cap["actor_id"]


# ---- references

def test_references_exist(rows, by_id):
    states = {r["actor_id"] for r in rows if r["kind"] == "state"}
    for r in rows:
        if r["country_iso3"]:
            assert r["country_iso3"] in states, (r["actor_id"], r["country_iso3"])
        for ref in items(r, "stands_for") + items(r, "members"):
            assert ref in by_id, (r["actor_id"], ref)
            assert ref != r["actor_id"], r["actor_id"]


def test_stands_for_only_on_places_members_only_on_collectives(rows):
    for r in rows:
        if r["stands_for"]:
            assert r["kind"] == "place", r["actor_id"]
        if r["members"]:
            assert r["kind"] in ("group", "organization"), r["actor_id"]


# ---- dates

def test_dates_parse_and_order(rows):
    for r in rows:
        dates = {}
        for col in ("valid_from", "valid_to"):
            if r[col]:
                dates[col] = dt.date.fromisoformat(r[col])
                assert len(r[col]) == 10, (r["actor_id"], col)
        if len(dates) == 2:
            assert dates["valid_from"] < dates["valid_to"], r["actor_id"]
        if dates:
            assert r["kind"] == "person", r["actor_id"]


def test_people_have_role_and_source_mentions_unverified_dates(rows):
    for r in rows:
        if r["kind"] != "person":
            continue
        assert r["role"], r["actor_id"]
        if not r["valid_from"] and "unverified" not in r["source"] and "not recorded" not in r["source"]:
            # an empty start date must be explained
            pytest.fail(f"{r['actor_id']}: empty valid_from without a note in source")


def test_descriptions_only_for_dated_people(rows):
    for r in rows:
        if r["descriptions"]:
            assert r["kind"] == "person" and (r["valid_from"] or r["valid_to"]), r["actor_id"]


# ---- ambiguity

def test_no_surface_claimed_by_two_actors(rows):
    owners = defaultdict(set)
    for r in rows:
        for s in set(surfaces(r)):
            owners[s].add(r["actor_id"])
    clashes = {s: ids for s, ids in owners.items()
               if len(ids) > 1 and ALLOWED_SHARED_SURFACES.get(s) != frozenset(ids)}
    assert not clashes


def test_ambiguous_surfaces_left_out(rows):
    all_surfaces = {s for r in rows for s in surfaces(r)}
    assert not (all_surfaces & MUST_NOT_BE_SURFACES)


def test_clashing_surnames_have_no_short(by_id):
    for a, b in [("SADYR_JAPAROV", "AKYLBEK_JAPAROV"), ("LI_QIANG", "LI_KEQIANG"), ("WANG_YI", "WANG_WENBIN"),
                 ("GURBANGULY_BERDIMUHAMEDOV", "SERDAR_BERDIMUHAMEDOV")]:
        assert by_id[a]["short"] == "" and by_id[b]["short"] == ""


# ---- must-haves

def test_must_have_states(by_id):
    expect_aliases = {
        "USA": {"United States", "United States of America", "U.S.", "US", "USA", "U.S.A.", "America"},
        "GBR": {"United Kingdom", "U.K.", "UK", "Britain", "Great Britain"},
        "RUS": {"Russia", "Russian Federation"},
        "CHN": {"China", "People's Republic of China", "PRC"},
        "TUR": {"Turkey", "Türkiye"},
        "CZE": {"Czech Republic", "Czechia"},
    }
    for iso, aliases in expect_aliases.items():
        assert aliases <= set(items(by_id[iso], "aliases")), iso
    expect_demonyms = {
        "KAZ": {"Kazakh", "Kazakhs", "Kazakhstani", "Kazakhstanis"},
        "UZB": {"Uzbek", "Uzbeks", "Uzbekistani"},
        "KGZ": {"Kyrgyz", "Kyrgyzstani"},
        "TJK": {"Tajik", "Tajiks", "Tajikistani"},
        "TKM": {"Turkmen", "Turkmens", "Turkmenistani"},
        "RUS": {"Russian", "Russians"},
        "UKR": {"Ukrainian", "Ukrainians"},
        "BLR": {"Belarusian", "Belarusians", "Belarussian"},
        "CHN": {"Chinese"},
        "USA": {"American", "Americans"},
        "IND": {"Indian", "Indians"},
        "FRA": {"French"},
        "GBR": {"British", "Briton", "Britons"},
        "DEU": {"German", "Germans"},
    }
    for iso, demonyms in expect_demonyms.items():
        assert demonyms <= set(items(by_id[iso], "demonyms")), iso
    assert "US" not in items(by_id["USA"], "demonyms")
    common = {"RUS": "Russia", "IRN": "Iran", "SYR": "Syria", "KOR": "South Korea", "PRK": "North Korea",
              "VNM": "Vietnam", "LAO": "Laos", "MDA": "Moldova", "TZA": "Tanzania", "BOL": "Bolivia",
              "VEN": "Venezuela", "USA": "United States", "GBR": "United Kingdom"}
    for iso, name in common.items():
        assert by_id[iso]["name"] == name


def test_must_have_places(by_id):
    for pid, iso in [("ASTANA", "KAZ"), ("TASHKENT", "UZB"), ("BISHKEK", "KGZ"), ("DUSHANBE", "TJK"),
                     ("ASHGABAT", "TKM"), ("MOSCOW", "RUS"), ("KYIV", "UKR"), ("MINSK", "BLR"),
                     ("BEIJING", "CHN"), ("WASHINGTON", "USA"), ("NEW_DELHI", "IND"), ("PARIS", "FRA"),
                     ("LONDON", "GBR"), ("BERLIN", "DEU"), ("KREMLIN", "RUS"), ("WHITE_HOUSE", "USA"),
                     ("DOWNING_STREET", "GBR"), ("ELYSEE", "FRA"), ("ZHONGNANHAI", "CHN"), ("AKORDA", "KAZ")]:
        r = by_id[pid]
        assert r["kind"] == "place" and r["country_iso3"] == iso and r["stands_for"] == iso, pid
    assert {"Astana", "Nur-Sultan"} <= set(items(by_id["ASTANA"], "aliases"))
    assert {"Kyiv", "Kiev"} <= set(items(by_id["KYIV"], "aliases"))
    assert "Washington" in items(by_id["WASHINGTON"], "aliases")
    assert {"Elysee", "Élysée", "Elysee Palace"} <= set(items(by_id["ELYSEE"], "aliases"))
    assert by_id["PENTAGON"]["kind"] == "organization"


def test_must_have_organizations_and_groups(by_id):
    expect = {
        "UN": ("organization", {"United Nations", "U.N.", "UN"}),
        "UNGA": ("organization", {"UN General Assembly", "U.N. General Assembly", "United Nations General Assembly", "General Assembly"}),
        "UNSC": ("organization", {"Security Council", "UN Security Council", "U.N. Security Council", "United Nations Security Council"}),
        "EU": ("organization", {"European Union", "EU", "E.U."}),
        "CSTO": ("organization", {"Collective Security Treaty Organization", "CSTO"}),
        "SCO": ("organization", {"Shanghai Cooperation Organization", "Shanghai Cooperation Organisation", "SCO"}),
        "EAEU": ("organization", {"Eurasian Economic Union", "EAEU", "EEU"}),
        "STATE_DEPT": ("organization", {"State Department", "U.S. State Department", "US State Department", "Department of State", "U.S. Department of State"}),
        "PENTAGON": ("organization", {"Pentagon", "Department of Defense", "Defense Department"}),
        "TALIBAN": ("organization", {"Taliban"}),
        "KAZ_MFA": ("organization", {"Kazakh Foreign Ministry", "Foreign Ministry of Kazakhstan", "Kazakhstan's Foreign Ministry", "Ministry of Foreign Affairs of Kazakhstan"}),
        "G20": ("group", {"G20", "G-20", "Group of 20", "Group of Twenty"}),
        "C5PLUS1": ("group", {"C5+1", "C5 + 1"}),
        "CENTRAL_ASIA": ("group", {"Central Asia", "Central Asian countries", "Central Asian nations", "Central Asian republics",
                                   "Central Asian states", "five Central Asian republics", "five Central Asian states",
                                   "five former Soviet republics in Central Asia", "former Soviet republics in Central Asia",
                                   "former Soviet nations of the region"}),
        "EX_SOVIET": ("group", {"former Soviet republics", "ex-Soviet republics", "former Soviet states", "post-Soviet states",
                                "post-Soviet countries", "former Soviet nations"}),
        "WEST": ("group", {"the West", "Western countries", "Western nations", "Western allies"}),
        "COALITION": ("group", {"coalition forces", "US-led coalition", "U.S.-led coalition"}),
    }
    for aid, (kind, aliases) in expect.items():
        assert by_id[aid]["kind"] == kind, aid
        assert aliases <= set(items(by_id[aid], "aliases")), (aid, aliases - set(items(by_id[aid], "aliases")))
    for aid in ("NATO", "EU_COMMISSION", "CIS", "OSCE", "IMF", "WORLD_BANK", "WTO", "ICC", "IAEA", "G7", "WAGNER",
                "GAZPROM", "ROSATOM", "ASEAN", "OPEC", "OPEC_PLUS", "AU", "ARAB_LEAGUE", "OIC", "BRICS", "QUAD", "AUKUS"):
        assert aid in by_id, aid
    for iso in ("KAZ", "RUS", "UKR", "CHN", "UZB", "KGZ", "TJK", "TKM", "BLR"):
        mfa = by_id[f"{iso}_MFA"]
        assert mfa["kind"] == "organization" and mfa["country_iso3"] == iso
    assert by_id["STATE_DEPT"]["country_iso3"] == by_id["PENTAGON"]["country_iso3"] == "USA"
    assert by_id["TALIBAN"]["country_iso3"] == "AFG"
    assert set(items(by_id["CENTRAL_ASIA"], "members")) == {"KAZ", "KGZ", "TJK", "TKM", "UZB"}
    assert items(by_id["CENTRAL_ASIA"], "demonyms") == ["Central Asian"]
    assert len(set(items(by_id["EX_SOVIET"], "members"))) == 15 and "RUS" in items(by_id["EX_SOVIET"], "members")
    assert items(by_id["WEST"], "demonyms") == ["Western"]
    assert len(items(by_id["EU"], "members")) == 27
    assert set(items(by_id["C5PLUS1"], "members")) == {"KAZ", "KGZ", "TJK", "TKM", "UZB", "USA"}


PEOPLE = {
    # actor_id: (name, country, must-have aliases, short)
    "BLINKEN": ("Antony Blinken", "USA", {"Antony Blinken", "Tony Blinken"}, {"Blinken"}),
    "TOKAYEV": ("Kassym-Jomart Tokayev", "KAZ", {"Kassym-Jomart Tokayev", "Kassym Jomart Tokayev", "Qasym-Jomart Toqayev"}, {"Tokayev", "Toqayev"}),
    "TILEUBERDI": ("Mukhtar Tileuberdi", "KAZ", {"Mukhtar Tileuberdi"}, {"Tileuberdi"}),
    "ZELENSKYY": ("Volodymyr Zelenskyy", "UKR", {"Volodymyr Zelenskyy", "Volodymyr Zelensky", "Volodymyr Zelenskiy"}, {"Zelenskyy", "Zelensky", "Zelenskiy"}),
    "BIDEN": ("Joe Biden", "USA", {"Joe Biden", "Joseph R. Biden", "Joseph R. Biden Jr.", "Joseph Biden"}, {"Biden"}),
    "PUTIN": ("Vladimir Putin", "RUS", {"Vladimir Putin"}, {"Putin"}),
    "LUKASHENKO": ("Alexander Lukashenko", "BLR", {"Alexander Lukashenko", "Alyaksandr Lukashenka", "Aliaksandr Lukashenka"}, {"Lukashenko"}),
    "MIRZIYOYEV": ("Shavkat Mirziyoyev", "UZB", {"Shavkat Mirziyoyev"}, {"Mirziyoyev"}),
    "XI": ("Xi Jinping", "CHN", {"Xi Jinping"}, {"Xi"}),
    "MACRON": ("Emmanuel Macron", "FRA", {"Emmanuel Macron"}, {"Macron"}),
    "LAVROV": ("Sergei Lavrov", "RUS", {"Sergei Lavrov", "Sergey Lavrov"}, {"Lavrov"}),
    "SADYR_JAPAROV": ("Sadyr Japarov", "KGZ", {"Sadyr Japarov", "Sadyr Zhaparov"}, set()),
    "GUTERRES": ("António Guterres", "", {"António Guterres", "Antonio Guterres"}, {"Guterres"}),
    "ERDOGAN": ("Recep Tayyip Erdoğan", "TUR", {"Recep Tayyip Erdoğan", "Recep Tayyip Erdogan"}, {"Erdoğan", "Erdogan"}),
    "JAISHANKAR": ("S. Jaishankar", "IND", {"S. Jaishankar", "Subrahmanyam Jaishankar"}, {"Jaishankar"}),
}
REQUIRED_PEOPLE = """
TOKAYEV SMAILOV TILEUBERDI NURTLEU KAZYKHAN NAZARBAYEV MIRZIYOYEV ARIPOV NOROV SAIDOV SADYR_JAPAROV
AKYLBEK_JAPAROV KULUBAEV RAHMON MUHRIDDIN SERDAR_BERDIMUHAMEDOV GURBANGULY_BERDIMUHAMEDOV MEREDOV
PUTIN LAVROV PESKOV ZAKHAROVA MEDVEDEV MISHUSTIN SHOIGU GERASIMOV PRIGOZHIN NEBENZYA
ZELENSKYY KULEBA SHMYHAL REZNIKOV YERMAK LUKASHENKO MAKEI ALEINIK
XI WANG_YI QIN_GANG LI_QIANG LI_KEQIANG WANG_WENBIN MAO_NING ZHANG_JUN
BIDEN HARRIS BLINKEN SULLIVAN AUSTIN THOMAS_GREENFIELD NULAND LU PRICE MILLER JEAN_PIERRE KIRBY YELLEN TRUMP OBAMA
VON_DER_LEYEN MICHEL BORRELL STOLTENBERG GUTERRES KOROSI
ERDOGAN MODI JAISHANKAR SHEHBAZ_SHARIF RAISI AMIR_ABDOLLAHIAN MACRON SCHOLZ BAERBOCK SUNAK JOHNSON TRUSS
CLEVERLY KISHIDA YOON ALIYEV PASHINYAN GARIBASHVILI SANDU ORBAN DUDA MORAWIECKI MELONI BIN_SALMAN
AKHUNDZADA KIM_JONG_UN LULA
""".split()


def test_required_people_present(by_id):
    missing = [p for p in REQUIRED_PEOPLE if p not in by_id]
    assert not missing
    assert all(by_id[p]["kind"] == "person" for p in REQUIRED_PEOPLE)


@pytest.mark.parametrize("aid", sorted(PEOPLE))
def test_must_have_people(by_id, aid):
    name, country, aliases, short = PEOPLE[aid]
    r = by_id[aid]
    assert r["kind"] == "person"
    assert r["name"] == name
    assert r["country_iso3"] == country
    assert aliases <= set(items(r, "aliases"))
    assert short <= set(items(r, "short"))


def test_blinken_descriptions_and_dates(by_id):
    r = by_id["BLINKEN"]
    assert {"top US diplomat", "top U.S. diplomat", "America's top diplomat"} <= set(items(r, "descriptions"))
    assert (r["valid_from"], r["valid_to"]) == ("2021-01-26", "2025-01-20")
    assert by_id["TOKAYEV"]["valid_from"] == "2019-03-20" and by_id["TOKAYEV"]["valid_to"] == ""


def test_people_in_office_in_2022_2023_have_overlapping_dates(by_id):
    # Sanity check: people whose dated office covers 2022-2023 must not have it ending before 2022.
    for aid in ("BLINKEN", "BIDEN", "PUTIN", "TOKAYEV", "ZELENSKYY", "LAVROV", "XI", "MIRZIYOYEV", "LUKASHENKO",
                "TILEUBERDI", "KULEBA", "STOLTENBERG", "GUTERRES", "SMAILOV"):
        r = by_id[aid]
        assert r["valid_from"] and r["valid_from"] <= "2022-01-11", aid
        assert not r["valid_to"] or r["valid_to"] >= "2023-01-01", aid
