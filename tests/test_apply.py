"""apply: instructions applied to small laws, one test per resolution rule."""
from __future__ import annotations

import dataclasses
import datetime as dt
from functools import lru_cache

import pytest
from pathlib import Path

from consolidator.law import elements, history, lawfile, toc
from consolidator.read.act import parse_act_file
from consolidator.apply.dispatch import APPLY
from consolidator.apply.sentences import apply_act, apply_articles, apply_sentence, check_articles
from consolidator.errors import AmbiguousTarget, ApplyError, NumberTaken, TargetNotFound
from consolidator.read.instructions import parse_sentence
from consolidator.law.lawtext import parse_law_text, render_law_text
from consolidator.model import INSTRUCTION_CLASSES, Locator, Place, Step

SEED = Path(__file__).resolve().parent.parent / "corpus" / "acts" / "stb-1996-649.txt"
SRC = "Stb. 1996, 649"


@lru_cache(maxsize=1)
def seed():
    return parse_act_file(SEED)


def onderdelen(article: str, *labels: str):
    """ARTIKEL ``article`` of the seed with only the given onderdelen."""
    art = seed().article(article)
    return dataclasses.replace(art, onderdelen=tuple(o for o in art.onderdelen
                                                     if o.label in labels))


def law(text: str):
    return parse_law_text(text)


def run(tree, text: str, artikel: str = "", place=Place("I", "Z")):
    """Parse one instruction sentence (in the context of ``artikel``) and apply it in place."""
    context = Locator((Step("artikel", artikel),)) if artikel else Locator()
    apply_sentence(tree, parse_sentence(text, context=context, place=place), SRC)
    return tree


def body(tree, artikel=None, show=False) -> str:
    """The law text without its title line."""
    text = render_law_text(tree, artikel=artikel, show_repealed=show)
    return text if artikel else text.split("\n", 1)[1]


def test_every_instruction_class_has_a_handler():
    assert set(INSTRUCTION_CLASSES) <= set(APPLY)


# ------------------------------------------------------------------ words

WBO6 = """Wet op het basisonderwijs
Artikel 6
Het bevoegd gezag van een bijzondere school kan scholen samenvoegen.
"""


def test_replace_words_and_input_untouched():
    tree = law(WBO6)
    new = apply_articles(tree, [onderdelen("I", "A")], SRC, dt.date(1997, 1, 1))
    assert body(new) == ("Artikel 6\nHet bevoegd gezag van een niet door de gemeente in stand "
                         "gehouden school kan scholen samenvoegen.\n")
    assert "bijzondere" in body(tree)
    art = elements.find_article(new, "6")
    assert art.get("bron") == "Stb. 1996, 649, art. I, onderdeel A"
    assert history.changes(art)[-1].date == dt.date(1997, 1, 1)
    assert lawfile.validate(new) == []


def test_quoted_words_match_whole_words_only():
    tree = law("W\nArtikel 6\nHet bevoegd gezag kan scholen samenvoegen.\n")
    with pytest.raises(TargetNotFound) as err:
        run(tree, "In artikel 6 wordt «school» vervangen door: instelling.")
    assert "«school» is not in the text" in str(err.value)


def test_quoted_words_twice_without_telkens_is_ambiguous():
    tree = law("W\nArtikel 6\nDe school en de school.\n")
    with pytest.raises(AmbiguousTarget) as err:
        run(tree, "In artikel 6 wordt «school» vervangen door: instelling.")
    message = str(err.value)
    assert "occurs 2 times" in message and "at character 3" in message and "[school]" in message


def test_telkens_applies_to_every_occurrence_of_every_target():
    tree = law("W\nArtikel 96\n1. Zie artikel 93, eerste lid, en artikel 93, eerste lid.\n"
               "2. Niets.\n5. Zie artikel 93, eerste lid, hier.\n")
    run(tree, "In artikel 96, eerste en vijfde lid, vervalt na «artikel 93,» telkens: eerste lid.")
    assert body(tree) == ("Artikel 96\n1. Zie artikel 93, en artikel 93.\n2. Niets.\n"
                          "5. Zie artikel 93, hier.\n")


def test_telkens_still_needs_the_words_in_each_target():
    tree = law("W\nArtikel 96\n1. Zie artikel 93, eerste lid.\n5. Niets.\n")
    with pytest.raises(TargetNotFound) as err:
        run(tree, "In artikel 96, eerste en vijfde lid, vervalt na «artikel 93,» telkens: eerste lid.")
    assert "artikel 96, lid 5" in str(err.value)


def test_insert_words_after_anchor_spacing():
    tree = law("W\nArtikel 100\n5. Grondslag is:\n  a. het aantal in het jaar waarover de "
               "bekostiging plaatsvindt, en\n  b. het aantal waarover de bekostiging plaatsvindt.\n")
    run(tree, "In het vijfde lid, onderdeel b, wordt na «plaatsvindt» ingevoegd: , verhoogd met "
              "het krachtens artikel 96b, eerste lid, bepaalde percentage.", "100")
    run(tree, "In het vijfde lid, onderdeel a, wordt na «plaatsvindt,» ingevoegd: welk aantal "
              "wordt gecorrigeerd,.", "100")
    assert body(tree).splitlines()[2:] == [
        "  a. het aantal in het jaar waarover de bekostiging plaatsvindt, welk aantal wordt "
        "gecorrigeerd, en",
        "  b. het aantal waarover de bekostiging plaatsvindt, verhoogd met het krachtens artikel "
        "96b, eerste lid, bepaalde percentage."]


def test_replace_after_anchor_keeps_closing_full_stop():
    tree = law("W\nArtikel 92\n3. Het gaat om de instandhouding van de gebouwen en terreinen.\n")
    tree = apply_articles(tree, [onderdelen("I", "C")], SRC)
    assert body(tree) == ("Artikel 92\n3. Het gaat om de instandhouding van de scholen, daaronder "
                          "niet begrepen de ruimten voor het onderwijs in lichamelijke oefening.\n")


def test_words_at_end_of_volzin():
    tree = law("W\nArtikel 105d\n4. Eerste volzin. Tweede volzin eindigt hier. Derde.\n")
    run(tree, "In het vierde lid wordt aan het eind van de tweede volzin toegevoegd: , en daar.",
        "105d")
    assert body(tree) == "Artikel 105d\n4. Eerste volzin. Tweede volzin eindigt hier, en daar. Derde.\n"


def test_volzinnen_resolved_before_the_sentence():
    tree = law("W\nArtikel 105b\n2. Weg ermee. Uitgaven ten behoeve van een nevenvestiging "
               "worden meegeteld.\n")
    new = apply_articles(tree, [dataclasses.replace(onderdelen("I", "L"), onderdelen=(
        dataclasses.replace(onderdelen("I", "L").onderdelen[0],
                            items=onderdelen("I", "L").onderdelen[0].items[1:2]),))], SRC)
    assert body(new) == ("Artikel 105b\n2. Voor de toepassing van de artikelen 105b tot en met "
                         "105g worden uitgaven ten behoeve van een nevenvestiging meegeteld.\n")


# ------------------------------------------------------------------ punctuation and labels

WBO100 = """Wet op het basisonderwijs
Artikel 100
1. Behoudens het tweede lid verstrekt het Rijk jaarlijks aan het bevoegd gezag:
  a. een vergoeding voor de materiële instandhouding waarop de programma's van eisen, bedoeld in artikel 93, eerste lid, betrekking hebben;
  b. een vergoeding voor de huur.
2. Het tweede lid.
"""


def test_wbo_100_list_folded_into_one_sentence():
    tree = law(WBO100)
    art = seed().article("I")
    h = [o for o in art.onderdelen if o.label == "H"][0]
    only_punt_1 = dataclasses.replace(art, onderdelen=(dataclasses.replace(h, items=h.items[:1]),))
    new = apply_articles(tree, [only_punt_1], SRC, dt.date(1997, 1, 1))
    assert body(new) == (
        "Artikel 100\n1. Behoudens het tweede lid verstrekt het Rijk jaarlijks aan het bevoegd "
        "gezag een vergoeding voor de materiële instandhouding waarop de programma's van eisen, "
        "bedoeld in artikel 93, betrekking hebben.\n2. Het tweede lid.\n")
    assert lawfile.validate(new) == []


ISOVSO97 = """Interimwet op het speciaal onderwijs en het voortgezet speciaal onderwijs
Artikel 97
1. Het Rijk verstrekt jaarlijks:
  a. een vergoeding voor de voorzieningen, bedoeld in artikel 89, derde lid, onder a en c;
  b. een vergoeding voor iets anders.
"""


def test_isovso_97_list_folded():
    art = seed().article("II")
    j = [o for o in art.onderdelen if o.label == "J"][0]
    new = apply_articles(law(ISOVSO97), [dataclasses.replace(
        art, onderdelen=(dataclasses.replace(j, items=j.items[:1]),))], SRC)
    assert body(new) == ("Artikel 97\n1. Het Rijk verstrekt jaarlijks een vergoeding voor de "
                         "voorzieningen, bedoeld in artikel 89, derde lid.\n")


def test_fold_refused_when_labelled_items_remain():
    tree = law(WBO100.replace("  b. een vergoeding voor de huur.",
                              "  b. een vergoeding voor de huur;\n  c. meer."))
    with pytest.raises(ApplyError) as err:
        run(tree, "In het eerste lid vervallen de dubbele punt, de aanduiding van onderdeel a, "
                  "de zinsnede «, eerste lid» alsmede onderdeel b en wordt de puntkomma aan het "
                  "slot van onderdeel a (oud) vervangen door een punt.", "100")
    assert "onderdelen c. keep their labels" in str(err.value)


def test_label_removal_makes_lid_plain_article_text():
    tree = law("W\nArtikel 93\n1. De programma's van eisen, bedoeld in artikel 92, derde lid "
               "onder a, gelden.\n2. Twee.\n3. Drie.\n")
    new = apply_articles(tree, [onderdelen("I", "D")], SRC)
    assert body(new) == ("Artikel 93\nDe programma's van eisen, bedoeld in artikel 92, derde "
                         "lid, gelden.\n")
    assert lawfile.validate(new) == []


def test_replace_punctuation_needs_that_mark():
    tree = law("W\nArtikel 1\n1. Intro:\n  a. een.\n")
    with pytest.raises(TargetNotFound) as err:
        run(tree, "In het eerste lid wordt de puntkomma aan het slot van onderdeel a vervangen "
                  "door een punt.", "1")
    assert "does not end with «;»" in str(err.value)


# ------------------------------------------------------------------ elements

def test_repealed_article_stays_marked():
    tree = law("W\nArtikel 86\nTekst.\nArtikel 87\nMeer.\n")
    new = apply_articles(tree, [onderdelen("I", "B")], SRC, dt.date(1997, 1, 1))
    assert body(new, show=True) == "Artikel 86 [Vervallen per 1997-01-01]\nArtikel 87\nMeer.\n"
    with pytest.raises(TargetNotFound) as err:
        apply_articles(new, [onderdelen("I", "B")], SRC)
    assert "artikel 86 has been repealed" in str(err.value)


def test_repealed_lid_keeps_its_number():
    tree = law("W\nArtikel 105d\n7. Zeven.\n8. Acht.\n")
    run(tree, "Het achtste lid vervalt.", "105d")
    assert body(tree, show=True) == "Artikel 105d\n7. Zeven.\n8. [Vervallen]\n"


def test_insert_article_after_article():
    tree = law("W\nArtikel 95\nVijfennegentig.\nArtikel 96\nZesennegentig.\n")
    new = apply_articles(tree, [onderdelen("I", "E")], SRC, dt.date(1997, 1, 1))
    lines = body(new).splitlines()
    assert lines[2] == ("Artikel 95a. Grondslag vergoeding voor materiële instandhouding "
                        "lichamelijke oefening")
    assert lines[4].startswith("  a. ter beschikking") and lines[-2] == "Artikel 96"
    assert elements.find_article(new, "95a").get("effect") == "nieuw"
    assert lawfile.validate(new) == []


def test_insert_article_whose_number_exists_is_number_taken():
    tree = law("W\nArtikel 95\nA.\nArtikel 95a\nB.\n")
    with pytest.raises(NumberTaken) as err:
        apply_articles(tree, [onderdelen("I", "E")], SRC)
    assert "artikel 95a already exists" in str(err.value)


ISOVSO102B = """Interimwet
Artikel 102b
1. Een voor bijzondere scholen.
2. Twee.
"""


def test_isovso_102b_lid_replaced_by_three_new_leden():
    new = apply_articles(law(ISOVSO102B), [onderdelen("II", "M")], SRC)
    leden = [elements.lid_number(el) for el in elements.find_article(new, "102b") if elements.is_lid(el)]
    assert leden == ["1", "2", "3", "4"]
    assert body(new).splitlines()[2].startswith("2. Voor de toepassing van de artikelen 102b")
    assert lawfile.validate(new) == []


def test_three_new_leden_colliding_with_existing_lid_is_number_taken():
    with pytest.raises(NumberTaken) as err:
        apply_articles(law(ISOVSO102B + "3. Drie.\n"), [onderdelen("II", "M")], SRC)
    assert "lid 3 already exists in artikel 102b" in str(err.value)


def test_new_paragraaf_after_article_holds_its_articles():
    tree = law("W\n§ 3. Oud\nArtikel 105a\nA.\n§ 4. Verder\nArtikel 105b\nB.\n")
    new = apply_articles(tree, [onderdelen("I", "K")], SRC)
    headings = [line for line in body(new).splitlines() if line.startswith(("§", "Artikel"))]
    assert headings == ["§ 3. Oud", "Artikel 105a",
                        "§ 3a. Gemeentelijk beleid met betrekking tot personele en materiële "
                        "voorzieningen",
                        "Artikel 105a1. Gemeentelijk beleid als een gemeente zelf geen openbare "
                        "scholen in stand houdt of als openbare scholen ontbreken",
                        "Artikel 105a2. Gemeentelijk beleid als een gemeente zelf openbare "
                        "scholen in stand houdt", "§ 4. Verder", "Artikel 105b"]
    assert lawfile.validate(new) == []


WVO = """Wet op het voortgezet onderwijs
Hoofdstuk III. Scholen
Titel III. Bekostiging
Afdeling II. Materieel
§ 5. Vijf
Artikel 96f
F.
§ 7. Zeven
Artikel 96i
I.
Afdeling III. Anders
§ 7. Andere zeven
Artikel 97
Z.
"""


def test_structural_steps_are_order_insensitive():
    new = apply_articles(law(WVO), [onderdelen("III", "C")], SRC)
    lines = [line for line in body(new).splitlines() if line.startswith(("§", "Afdeling"))]
    assert lines == ["Afdeling II. Materieel", "§ 5. Vijf",
                     "§ 6. Gemeentelijk beleid met betrekking tot personele en materiële "
                     "voorzieningen", "§ 7. Zeven", "Afdeling III. Anders", "§ 7. Andere zeven"]
    assert lawfile.validate(new) == []


def test_volzin_added_at_end_and_its_number_checked():
    tree = law("W\nArtikel 105d\n6. Een. Twee.\n")
    run(tree, "Aan het zesde lid wordt een derde volzin toegevoegd, luidend: Drie.", "105d")
    assert body(tree) == "Artikel 105d\n6. Een. Twee. Drie.\n"
    with pytest.raises(NumberTaken):
        run(tree, "Aan het zesde lid wordt een derde volzin toegevoegd, luidend: Vier.", "105d")


def test_volzin_inserted_after_second():
    tree = law("W\nArtikel 89\n1. Een. Twee. Drie.\n")
    run(tree, "In het eerste lid wordt na de tweede volzin een volzin ingevoegd, luidend: "
              "Nieuw.", "89")
    assert body(tree) == "Artikel 89\n1. Een. Twee. Nieuw. Drie.\n"


def test_lid_added_at_end_and_number_taken():
    tree = law("W\nArtikel 99\n1. Een.\n6. Zes.\n")
    new = apply_articles(tree, [onderdelen("III", "G")], SRC)
    assert body(new).splitlines()[-1].startswith("7. De op grond van artikel 96g")
    with pytest.raises(NumberTaken):
        apply_articles(new, [onderdelen("III", "G")], SRC)


def test_renumber_after_repeal():
    # punt 2 is a later sentence: its «derde lid» is the new third lid (old lid 4)
    tree = law("OISOVSO\nArtikel E 24\n1. Een.\n2. Twee.\n3. Drie.\n"
               "4. Eerste volzin met het eerste en het tweede lid. Nog.\n5. Vijf.\n")
    new = apply_articles(tree, [onderdelen("IV", "")], SRC)
    assert body(new) == ("Artikel E 24\n1. Een.\n2. Drie.\n3. Eerste volzin met het eerste "
                         "lid. Nog.\n4. Vijf.\n")


def test_renumber_into_a_live_number_is_number_taken():
    tree = law("W\nArtikel 1\n1. Een.\n2. Twee.\n3. Drie.\n")
    with pytest.raises(NumberTaken):
        run(tree, "Het derde lid wordt vernummerd tot tweede lid.", "1")


def test_replace_article_and_words_in_opschrift():
    tree = law("W\nArtikel 105e. Overschrijdingsbedrag bijzondere school\nTekst.\n"
               "Artikel 105j. Oud\n1. Oud.\n")
    run(tree, "In het opschrift wordt «bijzondere school» vervangen door: een niet door de "
              "gemeente in stand gehouden school.", "105e")
    new = apply_articles(tree, [onderdelen("I", "R")], SRC)
    text = body(new)
    assert "Artikel 105e. Overschrijdingsbedrag een niet door de gemeente" in text
    assert "Artikel 105j. Besteding gemeentelijke vergoeding\n1. De op grond" in text


def test_inhoudsopgave_entries():
    tree = law("W\nInhoudsopgave\n  Artikel 86. Bekostiging\n  Artikel 95. Grondslag\n"
               "Artikel 86\nA.\n")
    art = seed().article("I")
    s = [o for o in art.onderdelen if o.label == "S"][0]
    new = apply_articles(tree, [dataclasses.replace(
        art, onderdelen=(dataclasses.replace(s, items=s.items[:2]),))], SRC)
    # the full stop after the quoted entry closes the instruction (see apply.toc_texts)
    assert toc.toc_entries(new) == [
        "Artikel 86. (vervallen)", "Artikel 95. Grondslag",
        "Artikel 95a. Grondslag vergoeding voor materiële instandhouding lichamelijke oefening"]


# ------------------------------------------------------------------ errors

def test_error_names_act_place_line_column_target_and_reason():
    tree = law("W\nArtikel 6\nGeen passende woorden.\n")
    with pytest.raises(TargetNotFound) as err:
        apply_articles(tree, [onderdelen("I", "A")], SRC)
    exc = err.value
    assert exc.source == SRC and exc.line == 22 and exc.column >= 1
    assert "art. I, onderdeel A: artikel 6: «een bijzondere school» is not in the text" \
        in exc.message
    assert str(exc).startswith("Stb. 1996, 649, line 22")
    assert "^" in exc.context


def test_missing_lid_names_what_exists():
    tree = law("W\nArtikel 105b\n1. Een.\n2. Twee.\n")
    with pytest.raises(TargetNotFound) as err:
        apply_articles(tree, [onderdelen("I", "L")], SRC)
    assert "artikel 105b has no lid 3; it has leden 1, 2" in str(err.value) or \
        "is not in the text" in str(err.value)


def test_missing_article_names_neighbours():
    tree = law("W\nArtikel 105a\nA.\nArtikel 105c\nC.\n")
    with pytest.raises(TargetNotFound) as err:
        run(tree, "Artikel 105b vervalt.")
    assert "artikel 105b is not in the law; it has artikelen 105a, 105c" in str(err.value)


def test_check_articles_collects_every_error():
    tree = law("W\nArtikel 6\nNiets.\n")
    errors = check_articles(tree, [onderdelen("I", "A", "B", "C")], SRC)
    assert [e.place.onderdeel for e in errors] == ["A", "B", "C"]


def test_amending_an_act_is_refused_clearly():
    with pytest.raises(ApplyError) as err:
        apply_articles(law(WBO6), [seed().article("XI")], SRC)
    assert "amending an act's onderdelen is not supported yet" in str(err.value)


def test_apply_act_applies_amending_articles_by_number():
    tree = law(WBO6)
    new = apply_act(tree, seed(), article_numbers=[])
    assert body(new) == body(tree)
    with pytest.raises(ApplyError):
        apply_act(tree, seed(), article_numbers=["I"])


def test_replace_after_takes_the_rest_of_the_lid_with_its_list():
    # WBO art. 92 lid 3 and ARTIKEL I, onderdeel C: the list after the anchor goes too
    tree = law("W\nArtikel 92\n1. Eerste lid.\n3. Voor de instandhouding van onderscheidenlijk:\n"
               "  a. de scholen, en\n  b. de ruimten.\n4. Vierde lid.\n")
    run(tree, "In artikel 92, derde lid, wordt het gedeelte na «de instandhouding van» "
              "vervangen door: de scholen, daaronder niet begrepen de ruimten.")
    assert body(tree) == ("Artikel 92\n1. Eerste lid.\n3. Voor de instandhouding van de scholen, "
                          "daaronder niet begrepen de ruimten.\n4. Vierde lid.\n")

