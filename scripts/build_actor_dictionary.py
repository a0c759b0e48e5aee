"""Rebuild data/dictionaries/actors.csv, the actor dictionary the pipeline reads.

Inputs:
  * the comment block and header at the top of actors.csv (kept verbatim);
  * data/dictionaries/actors_curated.csv: the hand-curated rows (states' short names, press aliases and
    demonyms; capitals and seats; organizations; groups; people). Researchers edit that file, not this one;
  * pycountry (ISO 3166-1): the names, official names and common names of each state, added to its aliases;
  * UN_MEMBERS below: the 193 UN member states, each of which must have a curated state row.

Output rows: the states (UN members first, then the curated non-members), then places, organizations,
groups and people, each in curated order. Run from the project root:

    .venv/bin/python scripts/build_actor_dictionary.py
"""
from __future__ import annotations

import csv
import importlib.metadata
import io
import sys
from pathlib import Path

import pycountry

ROOT = Path(__file__).resolve().parents[1]
ACTORS = ROOT / "data" / "dictionaries" / "actors.csv"
CURATED = ROOT / "data" / "dictionaries" / "actors_curated.csv"

COLUMNS = ["actor_id", "name", "kind", "country_iso3", "role", "valid_from", "valid_to", "aliases",
           "demonyms", "short", "descriptions", "stands_for", "members", "source"]
KINDS = ("state", "place", "organization", "group", "person")
SEP = "|"

# The 193 UN member states as ISO 3166-1 alpha-3 codes (un.org/en/about-us/member-states).
UN_MEMBERS = """
AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH BWA BRA BRN
BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG CRI CIV HRV CUB CYP CZE PRK COD DNK DJI DMA
DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB GUY HTI HND
HUN ISL IND IDN IRN IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR KWT KGZ LAO LVA LBN LSO LBR LBY LIE LTU
LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MDA MCO MNG MNE MAR MOZ MMR NAM NRU NPL NLD NZL NIC
NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT QAT KOR ROU RUS RWA KNA LCA VCT WSM SMR STP
SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM ZAF SSD ESP LKA SDN SUR SWE CHE SYR TJK THA TLS TGO TON TTO
TUN TUR TKM TUV UGA UKR ARE GBR TZA USA URY UZB VUT VEN VNM YEM ZMB ZWE
""".split()
UN_SOURCE = "UN member states (un.org/en/about-us/member-states)"

# pycountry names never used as aliases: ambiguous between two states (COG "Congo" vs COD).
PYCOUNTRY_ALIAS_BLOCKLIST = {"Congo"}


def pycountry_source() -> str:
    return f"pycountry {importlib.metadata.version('pycountry')} (ISO 3166-1)"


def split(cell: str) -> list[str]:
    return [x.strip() for x in cell.split(SEP) if x.strip()]


def merge(*lists: list[str]) -> list[str]:
    """Concatenate lists, dropping duplicates and keeping the first occurrence's position."""
    out: list[str] = []
    for items in lists:
        for item in items:
            if item not in out:
                out.append(item)
    return out


def pycountry_names(iso3: str) -> list[str]:
    """Usable ISO 3166-1 names of a state: no "Korea, Republic of" inversions, no parentheses,
    no leading "the", nothing ambiguous."""
    country = pycountry.countries.get(alpha_3=iso3)
    if country is None:  # e.g. XKX (Kosovo) is not in ISO 3166-1
        return []
    names = []
    for attr in ("common_name", "name", "official_name"):
        value = getattr(country, attr, None)
        if not value:
            continue
        if value.startswith("the "):
            value = value[4:]
        if "," in value or "(" in value or value in PYCOUNTRY_ALIAS_BLOCKLIST:
            continue
        names.append(value)
    return names


def read_header_block(path: Path) -> list[str]:
    """The comment lines and the header line at the top of actors.csv, verbatim."""
    lines = []
    with open(path, encoding="utf-8", newline="") as fh:
        for line in fh:
            lines.append(line.rstrip("\r\n"))
            if not line.startswith("#"):
                break
    header = next(csv.reader([lines[-1]]))
    if header != COLUMNS:
        raise SystemExit(f"{path}: header {header} differs from {COLUMNS}")
    return lines


def read_curated(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as fh:
        body = [line for line in fh if not line.startswith("#")]
    reader = csv.DictReader(body)
    if reader.fieldnames != COLUMNS:
        raise SystemExit(f"{path}: header {reader.fieldnames} differs from {COLUMNS}")
    rows = []
    for n, row in enumerate(reader, start=2):
        if None in row or any(v is None for v in row.values()):
            raise SystemExit(f"{path}: row {n} ({row.get('actor_id')}) has the wrong number of cells")
        rows.append({k: v.strip() for k, v in row.items()})
    return rows


def build_state(row: dict, un_member: bool) -> dict:
    iso3 = row["actor_id"]
    out = dict(row)
    out["country_iso3"] = iso3
    aliases = split(row["aliases"])
    from_iso = pycountry_names(iso3)
    # The curated name first, then the curated press aliases, then the ISO names.
    out["aliases"] = SEP.join(merge([row["name"]], aliases, from_iso))
    provenance = []
    if un_member:
        provenance.append(UN_SOURCE)
    if pycountry.countries.get(alpha_3=iso3) is not None:
        provenance.append(f"names: {pycountry_source()} + press usage")
    else:
        provenance.append("names: press usage (no ISO 3166-1 entry)")
    if row["source"]:
        provenance.append(row["source"])
    out["source"] = "; ".join(provenance)
    return out


def build_rows(curated: list[dict]) -> list[dict]:
    ids = [r["actor_id"] for r in curated]
    duplicated = sorted({i for i in ids if ids.count(i) > 1})
    if duplicated:
        raise SystemExit(f"duplicate actor_id in {CURATED.name}: {duplicated}")
    bad_kind = [r["actor_id"] for r in curated if r["kind"] not in KINDS]
    if bad_kind:
        raise SystemExit(f"unknown kind for {bad_kind}")

    states = {r["actor_id"]: r for r in curated if r["kind"] == "state"}
    missing = [iso for iso in UN_MEMBERS if iso not in states]
    if missing:
        raise SystemExit(f"UN member states without a curated state row: {missing}")

    rows = [build_state(states[iso], True) for iso in UN_MEMBERS]
    rows += [build_state(r, False) for r in curated if r["kind"] == "state" and r["actor_id"] not in UN_MEMBERS]
    for kind in ("place", "organization", "group", "person"):
        rows += [dict(r) for r in curated if r["kind"] == kind]
    return rows


def render(header_block: list[str], rows: list[dict]) -> str:
    buf = io.StringIO()
    buf.write("\n".join(header_block) + "\n")
    writer = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
    writer.writerows(rows)
    return buf.getvalue()


def main() -> int:
    if len(UN_MEMBERS) != 193 or len(set(UN_MEMBERS)) != 193:
        raise SystemExit("UN_MEMBERS must list 193 distinct codes")
    header_block = read_header_block(ACTORS)
    rows = build_rows(read_curated(CURATED))
    text = render(header_block, rows)
    ACTORS.write_text(text, encoding="utf-8")
    counts = {k: sum(r["kind"] == k for r in rows) for k in KINDS}
    print(f"wrote {ACTORS.relative_to(ROOT)}: {len(rows)} rows "
          + ", ".join(f"{k} {n}" for k, n in counts.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
