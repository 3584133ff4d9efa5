"""French words for CC-CEDICT's English glosses, through MultiWordNet."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from trainer.extract import dictionary
from trainer.extract.corpus import LangCorpus
from trainer.extract.dictionary import key
from trainer.extract.lexicon import lexicon_for
from trainer.extract.translate import score_candidates
from trainer.extract.wordnet_fr import french_words, lemmas_by_synset, translations


def _lemma_row(synset: str, lemma: str, phrase: bool = False) -> str:
    return f'INSERT INTO french_lemma VALUES ("{synset}","{synset[0]}","{lemma}","{"Y" if phrase else "N"}");\n'


def _index_row(lemma: str, nouns: list[str], verbs: list[str]) -> str:
    def ids(xs: list[str]) -> str:
        return f'"{" ".join(xs)}"' if xs else "NULL"
    return f'INSERT INTO english_index VALUES ("{lemma}",{ids(nouns)},{ids(verbs)},NULL,NULL);\n'


def test_lemmas_are_grouped_by_synset_without_phrases() -> None:
    rows = [_lemma_row("n#01", "travail"), _lemma_row("n#01", "boulot"), _lemma_row("n#02", "lieu_de_travail"),
            _lemma_row("n#03", "en effet", phrase=True), "# a comment\n", "CREATE TABLE french_lemma (...);\n"]
    assert lemmas_by_synset(rows) == {"n#01": ("travail", "boulot")}


def test_only_the_first_sense_of_each_part_of_speech_counts() -> None:
    french = {"n#1": ("question",), "n#2": ("publication",), "v#1": ("émettre",)}
    index = [_index_row("issue", ["n#1", "n#2"], ["v#1"]), _index_row("work_force", ["n#1"], [])]
    assert translations(index, french) == {"issue": frozenset({"question", "émettre"})}
    assert translations(index, french, first=2)["issue"] == frozenset({"question", "publication", "émettre"})


_ids = st.from_regex(r"[nvar]#[0-9]{8}", fullmatch=True)
_words = st.from_regex(r"[a-zàâçéèêëîïôûùüÿœ]{1,12}", fullmatch=True)


@given(st.lists(st.tuples(_ids, _words), max_size=30))
def test_lemma_rows_read_back(pairs: list[tuple[str, str]]) -> None:
    expected: dict[str, list[str]] = {}
    for synset, lemma in pairs:
        expected.setdefault(synset, []).append(lemma)
    assert lemmas_by_synset(_lemma_row(s, w) for s, w in pairs) == {k: tuple(v) for k, v in expected.items()}


def test_the_installed_wordnet_translates_common_words() -> None:
    assert "pauvreté" in french_words("poverty")
    assert "famille" in french_words("household")
    assert "équipe" in french_words("team")
    assert "publication" not in french_words("issue")  # a later sense: noise
    assert french_words("no-such-word") == frozenset()


def test_french_lexicons_know_french_words_english_ones_do_not() -> None:
    assert key("pauvreté") in lexicon_for("贫困", ("贫困",), "fr").keys
    assert key("pauvreté") not in lexicon_for("贫困", ("贫困",), "en").keys


def _poverty_in_the_hills() -> str:
    """The rendering of 贫困 ("poverty") where the translator adds "montagnes"
    to every sentence: co-occurrence ties, only a French dictionary word tells."""
    corpus = LangCorpus("fr")
    pairs = [("贫困正在减少。", "Dans les montagnes, la pauvreté recule."),
             ("贫困家庭得到帮助。", "Les familles des montagnes touchées par la pauvreté reçoivent de l'aide."),
             ("政府决心消除贫困。", "Le gouvernement veut éliminer des montagnes la pauvreté.")]
    for zh, tr in pairs:
        corpus.add("d", zh, tr)
    corpus.index_terms(["贫困"])
    units = corpus.units_of("贫困")
    lex = lexicon_for("贫困", ("贫困",), "fr")
    scored = score_candidates("贫困", units, len(units), corpus.span_counts("贫困"), corpus.table, lex, "fr")
    return scored[0].text


def test_a_french_word_of_an_english_gloss_is_dictionary_evidence(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _poverty_in_the_hills() == "pauvreté"
    monkeypatch.setattr(dictionary, "french_keys", lambda _word, _main_only=False: frozenset())
    assert _poverty_in_the_hills() == "montagnes"  # cognates alone: a coin toss, lost
