"""The mixed-language check, with a fake judge (fast, exact) and once with the real one."""

from __future__ import annotations

from pathlib import Path

from pipeline.checks import CheckContext, Item, make_checks
from pipeline.checks.inputs import load_page
from pipeline.checks.language import JUDGED_CHARS, MixedLanguage, is_translation_below
from pipeline.checks.runner import check_files
from pipeline.language_id.verdicts import CONTEXTS
from pipeline.segments import Segment

from .conftest import FakeJudge

DUTCH_TITLE = (
    "Magnesium L-threonaat: hersengezondheid, synaptische plasticiteit en cognitieve veerkracht"
)
FRENCH_TITLE = (
    "Magnésium L-thréonate : santé du cerveau, plasticité synaptique et résilience cognitive"
)


def list_judge() -> FakeJudge:
    """Flags texts holding a marker word as that language; 'half' makes a mixed verdict."""
    markers = {"Waarom": "nl", "hersengezondheid": "nl", "English": "en", "half": "en"}
    return FakeJudge(markers, confidence=0.97, passing=0.99, mixed="half")


def seg_item(text: str, unit: int, context: str = "paragraph", line: int = 1) -> Item:
    seg = Segment(key=f"k{unit}", text=text, location=f"p{unit}", line=line, lang="fr", unit=unit)
    return Item(text=text, lang="fr", line=line, context=context, key=seg.key, segment=seg)


def test_a_foreign_title_right_above_its_translation_is_said_to_be_one() -> None:
    items = [
        seg_item(DUTCH_TITLE, 0, "paragraph", 57),
        seg_item(FRENCH_TITLE, 1, "heading", 58),
        seg_item("Publié le 28 janvier 2026", 2, "byline", 59),
    ]
    results = MixedLanguage(CheckContext(judge=list_judge())).check_page(items)
    problem = results[0]
    assert problem is not None and problem.remove_element
    assert problem.message.startswith("Dutch title right above its French translation (line 58)")
    assert problem.found_lang == "nl" and problem.confidence == 0.97
    assert results[1] is None and results[2] is None


def test_a_foreign_card_title_above_its_teaser_is_a_plain_leftover() -> None:
    items = [
        seg_item("Waarom alpha-ketoglutaarzuur een sleutelrol speelt?", 0, "heading"),
        seg_item("Pourquoi l'acide alpha-cétoglutarique (AKG & Ca...", 1, "paragraph"),
    ]
    problem = MixedLanguage(CheckContext(judge=list_judge())).check_page(items)[0]
    assert problem is not None and not problem.remove_element
    assert problem.message == "Dutch text left on a French page"


def test_half_a_sentence_in_another_language_is_shown() -> None:
    text = "Le magnésium aide, but only half of the time."
    problem = MixedLanguage(CheckContext(judge=list_judge())).check(Item(text, "fr"))
    assert problem is not None
    assert (
        "part of the text is English on a French page" in problem.message
        and "“half of the time.”" in problem.message
    )
    text = "The magnesium helps, la moitié du temps."
    judge = FakeJudge({"moitié": "fr"}, confidence=0.97, passing=0.99, mixed="moitié")
    problem = MixedLanguage(CheckContext(judge=judge)).check(Item(text, "en"))
    assert problem is not None and "French on an English page" in problem.message


def test_deliberately_foreign_and_untranslated_texts_are_not_judged() -> None:
    judge = list_judge()
    items = [
        Item("An English quotation", "fr", foreign="en"),
        Item("", "fr", origin="catalog", source="English source"),
        Item("Un bouton", "fr", context="button"),
    ]
    assert MixedLanguage(CheckContext(judge=judge)).check_page(items) == [None, None, None]
    assert judge.seen == [("Un bouton", "fr", "attribute")]
    assert all(context in CONTEXTS for _t, _e, context in judge.seen)


def test_catalog_translations_are_judged_in_the_catalog_language() -> None:
    item = Item("Some English text", "nl", origin="catalog", source="Du texte", source_lang="fr")
    problem = MixedLanguage(CheckContext(judge=list_judge())).check(item)
    assert problem is not None and problem.message == "English text left on a Dutch catalog"


def test_leftovers_are_not_also_judged_by_french_typography(tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    page.write_text(
        '<html lang="fr"><body><h3>Waarom is dit zo?</h3><p>Pourquoi? Parce que.</p></body></html>',
        encoding="utf-8",
    )
    report = check_files([load_page(page)], make_checks(judge=list_judge()))
    checks = {(f.text, f.check) for f in report.findings}
    assert ("Waarom is dit zo?", "mixed-language") in checks
    assert ("Waarom is dit zo?", "punctuation-spacing") not in checks
    assert ("Pourquoi?", "punctuation-spacing") in checks


def test_similar_headings_read_as_translations() -> None:
    below = Item(FRENCH_TITLE, "fr", context="heading")
    assert is_translation_below(Item(DUTCH_TITLE, "fr"), below)
    assert not is_translation_below(Item("Lees meer", "fr"), below)
    assert not is_translation_below(Item(DUTCH_TITLE, "fr"), Item(FRENCH_TITLE, "fr"))


def test_the_real_judge_finds_the_seed_leftovers() -> None:
    items = [
        Item("<g1>Written by</g1> Dr. Linda Wei", "fr", context="byline"),
        Item("Dermatologist & Skincare Expert", "fr", context="byline"),
        Item("Le magnésium aide à dormir.", "fr", context="paragraph"),
    ]
    results = MixedLanguage().check_page(items)
    assert [r.found_lang if r else None for r in results] == ["en", "en", None]


def test_the_pages_own_site_name_is_never_a_leftover_on_it() -> None:
    def item(text: str, location: str, context: str = "text") -> Item:
        return Item(text=text, lang="en", location=location, context=context)

    judge = FakeJudge({"Lindeboom": "nl", "Waarom": "nl"}, confidence=0.9, passing=0.99)
    check = MixedLanguage(CheckContext(judge=judge))
    page = [
        item("Lindeboom", "meta[property=og:site_name]@content", "meta"),
        item("Lindeboom", "header > a.logo"),
        item("Waarom magnesium?", "article > h2"),
    ]
    problems = check.check_pages([page])[0]
    assert problems[0] is None and problems[1] is None and problems[2] is not None
    # without og:site_name the same word is judged like any other
    assert check.check_pages([page[1:]])[0][0] is not None


def test_an_overlong_text_is_read_in_part_and_says_so() -> None:
    """Issue 18, defect 5: the judge reads a bounded part, so a 1 MB paragraph costs no more."""
    seen: list[int] = []

    class Measuring(FakeJudge):
        def judge_many(self, items):  # type: ignore[no-untyped-def]
            seen.extend(len(text) for text, _, _ in items)
            return super().judge_many(items)

    judge = Measuring({"Waarom": "nl"}, confidence=0.97, passing=0.99)
    french = "Le magnésium aide à dormir. " * 40_000  # 1.1 MB
    dutch = french + "Waarom slapen we?"  # the foreign words past the part read
    early = "Waarom slapen we? " + french
    results = MixedLanguage(CheckContext(judge=judge)).check_page(
        [seg_item(french, 0), seg_item(dutch, 1), seg_item(early, 2), seg_item("Court.", 3)]
    )
    assert max(seen) <= JUDGED_CHARS
    for problem in results[:2]:
        assert problem is not None and problem.severity == "warning" and not problem.fixable
        assert problem.message.startswith("1,120,0")
        assert "only the first 5,000 were read for leftovers; split it" in problem.message
    assert results[2] is not None and results[2].severity is None  # an error, as usual
    assert results[2].message.endswith("(only its first 5,000 characters were read)")
    assert results[3] is None
