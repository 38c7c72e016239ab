"""The ECRIS v1.0 namespaces and their Clark-notation tags (``D.PersonName`` → ``{dm ns}PersonName``),
the lxml element type and the types of the codec functions."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from lxml import etree

SVC_NS = "http://ec.europa.eu/ECRIS/service-v1.0"
MSG_NS = "http://ec.europa.eu/ECRIS/messages-v1.0"
DM_NS = "http://ec.europa.eu/ECRIS/domain-model-v1.0"
COM_NS = "http://ec.europa.eu/ECRIS/commons-v1.0"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
NSMAP = {"svc": SVC_NS, "msg": MSG_NS, "dm": DM_NS, "commons": COM_NS, "xsi": XSI_NS}

XSI_TYPE = f"{{{XSI_NS}}}type"


class _Tags:
    """``S.MessageData`` → ``{service ns}MessageData``; one object per namespace, attributes cached."""

    def __init__(self, namespace: str) -> None:
        self._ns = namespace

    def __getattr__(self, local: str) -> str:
        tag = f"{{{self._ns}}}{local}"
        setattr(self, local, tag)
        return tag


S = _Tags(SVC_NS)
M = _Tags(MSG_NS)
D = _Tags(DM_NS)
C = _Tags(COM_NS)

Element = etree._Element

Encoder = Callable[[Any], Element]
Decoder = Callable[[Element], Any]
