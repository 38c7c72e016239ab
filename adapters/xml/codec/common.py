"""Kept for existing imports of the namespace tags (``from adapters.xml.codec.common import D``): the shared
building blocks of the codecs now live in their own modules (``namespaces``, ``writer``, ``reading``,
``texts``, ``dates``, ``amounts``, ``places``, ``metadata``, ``contact``, ``person``, ``attachments``,
``errors``); new code imports from those."""

from __future__ import annotations

from .namespaces import XSI_TYPE, C, D, M

__all__ = ["XSI_TYPE", "C", "D", "M"]
