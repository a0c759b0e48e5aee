"""pySBD's 48 English golden rules for sentence boundaries, scored as the validator scores them.

Each rule is one case (text taken as one paragraph, the split compared after stripping, as in
``helpers.evaluate.devscore.same_sentences``). A rule the splitter is known to fail is marked
xfail in ``KNOWN_FAILURES`` with the reason, so that it shows in the report instead of being
hidden; the aggregate test holds the splitter to at least ``MIN_PASSED`` rules.
"""
from __future__ import annotations

import json

import pytest

from helpers.evaluate.devscore import same_sentences
from helpers.pipeline.validate import pipeline_split
from tests.conftest import ROOT

RULES = json.loads((ROOT / "data" / "rules" / "pysbd_english_golden_rules.json").read_text(encoding="utf-8"))
MIN_PASSED = 43

# id -> why the splitter gets it wrong (none at present; add one here rather than loosen a rule)
KNOWN_FAILURES: dict[int, str] = {}


def test_the_rules_file_has_the_48_rules():
    assert [r["id"] for r in RULES] == list(range(1, 49))
    assert all(r["text"] and r["sentences"] for r in RULES)


@pytest.mark.parametrize("rule", [
    pytest.param(r, id=f"rule{r['id']:02d}",
                 marks=[pytest.mark.xfail(reason=KNOWN_FAILURES[r["id"]], strict=True)]
                 if r["id"] in KNOWN_FAILURES else [])
    for r in RULES
])
def test_golden_rule(rule):
    assert [s.strip() for s in pipeline_split(rule["text"])] == [s.strip() for s in rule["sentences"]]


def test_at_least_43_golden_rules_pass():
    passed = [r["id"] for r in RULES if same_sentences(r["sentences"], pipeline_split(r["text"]))]
    assert len(passed) >= MIN_PASSED, f"only {len(passed)} rules pass"
    # the xfail list is honest: every rule not listed passes, every listed one fails
    assert set(range(1, 49)) - set(passed) == set(KNOWN_FAILURES)
