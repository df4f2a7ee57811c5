"""How headlines tell: in the present tense ("Gunmen kill three in raid"), often in
title case, with verbs the tagger reads as nouns ("Rebels target X"). Trigger
finding asks these questions of every sentence."""

from __future__ import annotations

from functools import lru_cache

from warwire.types import Token


def title_cased(tokens: tuple[Token, ...]) -> bool:
    """A headline in title case ("Soldiers Clash With Rebels Near Town"): most of its
    longer words capitalised, so capitals no longer mark names."""
    words = [t.text for t in tokens[1:] if t.text.isalpha() and len(t.text) > 3]
    return len(words) >= 2 and sum(w[0].isupper() for w in words) >= 0.75 * len(words)


def title_forms(word: str) -> tuple[str, ...]:
    """A title-cased word's possible lemmas, since the tagger reads it as a name
    ("Clashes" -> clash, "Beheaded" -> behead, "Raids" -> raid)."""
    w = word.lower()
    forms = [w]
    for suffix, keep in (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("d", "")):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            forms.append(w[: len(w) - len(suffix)] + keep)
    return tuple(forms)


_HEADLINE_WORDS = 25


def headline_like(sentence_text: str) -> bool:
    """A short line without closing punctuation reads as a headline ("Gunmen kill
    three in raid"), which tells past events in the present tense."""
    plain = sentence_text.strip()
    return bool(plain) and plain[-1] not in ".!?\"'”’" and len(plain.split()) <= _HEADLINE_WORDS


def whole_headline(text: str, lowered: str, tokens: tuple[Token, ...]) -> bool:
    """A headline-only input is a headline even with a closing stop ("Casualties among
    the SDF in Raqqa countryside."), unless it tells in the past tense as a story does."""
    plain = _one_short_line(text)
    if plain is None or plain != lowered.strip():
        return False
    return not any(t.tag == "VBD" for t in tokens)


@lru_cache(maxsize=4)
def _one_short_line(text: str) -> str | None:
    """The whole input lowered, if it is one line of a headline's length: asked for
    every sentence, so a long document is read once, not once a sentence."""
    plain = text.strip().lower()
    if "\n" in plain or len(plain.split()) > _HEADLINE_WORDS:
        return None
    return plain


_SUBJECT_POS = frozenset({"NOUN", "PROPN", "PRON", "AUX"})


def headline_verb(tokens: tuple[Token, ...], tok: Token) -> bool:
    """A headline's verb the tagger read as a noun ("Rebels target X", "IS advances on
    Y"): a bare noun form right after its subject, with no article or adjective of its own."""
    at = tok.i - tokens[0].i
    if (
        tok.pos != "NOUN"
        or at == 0
        or tok.text.lower() not in {tok.lemma.lower(), tok.lemma.lower() + "s"}
    ):
        return False
    before = tokens[at - 1]
    return before.pos in _SUBJECT_POS and before.text.lower() not in _NOT_SUBJECTS


# words before a noun that make it a noun after all ("its advance", "a target")
_NOT_SUBJECTS = frozenset({"its", "their", "his", "her", "our", "the", "a", "an", "this", "that"})
