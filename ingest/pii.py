"""Pseudonymise personal data before anything reaches DuckDB (UU 27/2022: analysis never needs it in clear).

Names are dropped outright. A NIP becomes a keyed hash (HMAC-SHA256 with the warehouse's secret salt),
so the same ASN links across snapshots while nobody without the salt can test a guessed NIP against it.
"""

from __future__ import annotations

import hashlib
import hmac
import re

NIP_DIGITS = 18
PSEUDONYM_PREFIX = "asn_"
# 80 bits: collisions stay negligible (birthday bound ~1e12) for millions of ASN.
PSEUDONYM_HEX_CHARS = 20
MASK = "<masked>"

_SCIENTIFIC = re.compile(r"^\d+(\.\d+)?[eE][+]?\d+$")
_SEPARATORS = re.compile(r"[\s.'`-]")


def pseudonymise_nip(raw: str | None, salt: bytes) -> tuple[str | None, str | None]:
    """(pseudonym, problem) for one NIP cell; the problem text never repeats the NIP itself."""
    if raw is None or not str(raw).strip():
        return None, None
    text = str(raw).strip()
    if _SCIENTIFIC.match(text):
        return None, (
            "NIP was turned into a number by Excel (scientific notation) and has lost digits; "
            "re-export with the NIP column formatted as text"
        )
    digits = _SEPARATORS.sub("", text)
    if not (digits.isdigit() and len(digits) == NIP_DIGITS):
        return None, f"NIP is not {NIP_DIGITS} digits (it has {sum(c.isdigit() for c in text)})"
    digest = hmac.new(salt, digits.encode(), hashlib.sha256).hexdigest()
    return PSEUDONYM_PREFIX + digest[:PSEUDONYM_HEX_CHARS], None
