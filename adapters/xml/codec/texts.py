"""Multilingual texts (``commons:MultilingualTextType``) and names, both ways."""

from __future__ import annotations

from collections.abc import Sequence

from gateway.model.exchange import MultilingualText, NameText, Text

from .errors import DecodeError
from .namespaces import C, Element
from .reading import as_bool, collapsed
from .writer import _TEXT, _TRANSLATED, END, OPEN, Writer, _language

_REP = C.MultilingualTextLinguisticRepresentation


def put_ml(w: Writer, tag: str, texts: MultilingualText) -> None:
    """A multilingual text (omitted when empty)."""
    if not texts:
        return
    shape = w.shape
    add = shape.append
    add(OPEN)
    add(tag)
    for text in texts:
        w.texts.append(text.value)
        language = text.language
        translated = text.translated
        if language is None and translated is None:
            add(_REP)
            continue
        shape += (OPEN, _REP, _TEXT)
        if language is not None:
            _language(w, language)
        if translated is not None:
            add(_TRANSLATED[bool(translated)])
        add(END)
    add(END)


def put_name(w: Writer, tag: str, name: NameText | None) -> None:
    if name is None:
        return
    w.texts.append(name.value)
    if name.language is None:
        w.shape.append(tag)
        return
    w.shape += (OPEN, tag, _TEXT)
    _language(w, name.language)
    w.shape.append(END)


def ml_of(element: Element | None) -> MultilingualText:
    """A multilingual text; absent → ``()``. Uncollapsed remarks keep their text verbatim."""
    if element is None:
        return ()
    texts = []
    for rep in element:
        value = rep.text or ""
        translated = rep.get("translated")
        texts.append(
            Text(
                value,
                rep.get("languageCode"),
                None if translated is None else as_bool(translated.strip(), "translated"),
            )
        )
    return tuple(texts)


def collapsed_ml_of(element: Element | None) -> MultilingualText:
    """A collapsed multilingual text (names of places, titles): whitespace collapsed."""
    return tuple(
        Text(" ".join(t.value.split()), t.language and t.language.strip(), t.translated)
        for t in ml_of(element)
    )


def name_of(element: Element | None) -> NameText | None:
    if element is None:
        return None
    value = collapsed(element)
    if value is None:
        raise DecodeError("a name is empty")
    language = element.get("languageCode")
    return NameText(value, language.strip() if language is not None else None)


def names_of(elements: Sequence[Element] | None) -> tuple[NameText, ...]:
    return tuple(n for n in (name_of(e) for e in elements or ()) if n is not None)
