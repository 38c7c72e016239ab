"""The ``Writer`` that encoders record a message on, its shape tokens and its per-thread skeleton cache;
``put``/``put_int`` write simple elements.

Encoding builds with ``etree.SubElement`` on precomputed Clark-notation tags (never strings of XML).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

from lxml import etree

from .namespaces import NSMAP, Element

# --------------------------------------------------------------------------------------------- encode
#
# An encoder records the message in document order on a ``Writer``: its *shape* (element tags, attribute
# names) and its *texts* and *attribute values*, in order. ``finish`` makes the lxml element. Building
# element by element with ``SubElement`` costs about a microsecond per element (Clark-tag parsing, namespace
# lookup, one proxy object each) while libxml2 copies a whole tree for a tenth of that per element. So each
# thread keeps the skeletons of the shapes it has met (tags and attribute names, no text), copies the right
# one and assigns the values to the copy; a shape met for the first time is built once with ``SubElement``.
# Either way the tree is the same, and every value goes through lxml (``.text``, ``.set``), which refuses
# what XML cannot hold (control characters, NULs) with ValueError and non-strings with TypeError, as when
# building element by element. Attributes from closed vocabularies (a relationship's xsi:type, language
# codes, ``translated``) are part of the shape, hence of the skeleton; no personal data ever is.
#
# Shape tokens: a tag alone is a leaf that takes the next text; ``OPEN`` then a tag opens an element
# that ``END`` closes; ``_TEXT`` gives the open element the next text; ``@name`` gives it the next
# attribute value; a ``fixed_attribute`` token gives it a constant attribute. The hot helpers (``put``,
# ``put_ml``, ``put_name`` …) append to the lists directly (``shape.append``) rather than through methods: a Python call per token would
# cost as much as the rest of the encoding.

OPEN = "("
END = ")"
_TEXT = "="
A_LANGUAGE = "@languageCode"
A_RELATIONSHIP = "@relationshipTypeReference"

_FIXED: dict[str, tuple[str, Any]] = {}


def fixed_attribute(name: str, value: Any) -> str:
    """A shape token for an attribute whose value the shape implies (it goes into the skeleton)."""
    token = f"!{name}={value}"
    _FIXED.setdefault(token, (name, value))
    return token


_TRANSLATED = {True: fixed_attribute("translated", "true"), False: fixed_attribute("translated", "false")}
_LANGUAGES: dict[str, str] = {}
MAX_LANGUAGES = 256
"""Language codes (``languageCode``, two letters: no personal data, a few per deployment) travel in
the shape like the xsi:type of relationships, so they are part of the skeleton (setting an attribute costs
as much as copying a dozen elements). Past this many distinct codes, the others are set as values."""


def _language(w: Writer, language: Any) -> None:
    """The ``languageCode`` of the element just opened."""
    token = _LANGUAGES.get(language)
    if token is None:
        if len(_LANGUAGES) >= MAX_LANGUAGES or type(language) is not str or not language.isalpha():
            w.attribute(A_LANGUAGE, language)
            return
        token = _LANGUAGES[language] = fixed_attribute("languageCode", language)
    w.shape.append(token)


MAX_SKELETONS = 256
"""Skeletons kept per thread; past that the oldest is dropped (a shape met again is then rebuilt)."""


@dataclass(frozen=True, slots=True)
class _Skeleton:
    tree: Element
    texts: tuple[int, ...]
    """For each text, in order: the index of its element in document order."""
    attributes: tuple[tuple[int, str], ...]
    """For each attribute value, in order: the index of its element and the attribute's name."""


class _Skeletons(threading.local):
    """lxml trees belong to the thread that made them: one skeleton cache per thread."""

    def __init__(self) -> None:
        self.by_shape: dict[tuple[str, ...], _Skeleton] = {}


_SKELETONS = _Skeletons()


def _build_skeleton(shape: tuple[str, ...]) -> _Skeleton:
    root = etree.Element(shape[0], nsmap=NSMAP)
    stack: list[tuple[Element, int]] = [(root, 0)]
    count = 1
    texts: list[int] = []
    attributes: list[tuple[int, str]] = []
    opening = False
    for token in shape[1:]:
        if token == OPEN:
            opening = True
        elif token == END:
            stack.pop()
        elif token == _TEXT:
            texts.append(stack[-1][1])
        elif token[0] == "@":
            attributes.append((stack[-1][1], token[1:]))
        elif token[0] == "!":
            stack[-1][0].set(*_FIXED[token])
        else:
            element = etree.SubElement(stack[-1][0], token)
            if opening:
                stack.append((element, count))
                opening = False
            else:
                texts.append(count)
            count += 1
    return _Skeleton(root, tuple(texts), tuple(attributes))


class Writer:
    """A message element recorded in document order; ``finish`` returns it as an lxml element."""

    __slots__ = ("attributes", "shape", "texts")

    def __init__(self, root_tag: str) -> None:
        self.shape: list[str] = [root_tag]
        self.texts: list[Any] = []
        self.attributes: list[Any] = []

    def open(self, tag: str) -> None:
        shape = self.shape
        shape.append(OPEN)
        shape.append(tag)

    def close(self) -> None:
        self.shape.append(END)

    def leaf(self, tag: str, text: Any) -> None:
        """A simple element with this text (None: an empty element)."""
        self.shape.append(tag)
        self.texts.append(text)

    def attribute(self, token: str, value: Any) -> None:
        """An attribute of the element just opened (``token`` is one of the ``A_…`` constants)."""
        self.shape.append(token)
        self.attributes.append(value)

    def fixed(self, token: str) -> None:
        """A ``fixed_attribute`` of the element just opened."""
        self.shape.append(token)

    def finish(self) -> Element:
        shape = tuple(self.shape)
        cache = _SKELETONS.by_shape
        skeleton = cache.get(shape)
        if skeleton is None:
            skeleton = _build_skeleton(shape)
            if len(cache) >= MAX_SKELETONS:
                del cache[next(iter(cache))]
            cache[shape] = skeleton
        root: Element = skeleton.tree.__copy__()  # type: ignore[attr-defined]  # the whole tree
        nodes = list(root.iter())
        for index, text in zip(skeleton.texts, self.texts, strict=True):
            nodes[index].text = text
        for (index, name), value in zip(skeleton.attributes, self.attributes, strict=True):
            nodes[index].set(name, value)
        return root


def put(w: Writer, tag: str, value: str | None) -> None:
    """A simple element, omitted when ``value`` is None."""
    if value is not None:
        w.shape.append(tag)
        w.texts.append(value)


def put_int(w: Writer, tag: str, value: int | None) -> None:
    if value is not None:
        w.shape.append(tag)
        w.texts.append(str(value))
