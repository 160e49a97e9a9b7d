"""Emoji data: the code point ranges that make up an emoji, as regex pieces.

Python's ``re`` has no ``\\p{Extended_Pictographic}``, so the ranges are listed here
(from the Unicode emoji data, grouped generously: a rare symbol counted as an
emoji costs nothing, a real emoji split in two costs a feature).
"""

from __future__ import annotations

# Code points that start an emoji (pictographs). Regional indicators and skin-tone
# modifiers are kept out: they only take part in flags and modifier sequences.
PICTOGRAPH_RANGES = (
    "\u203c\u2049\u2139\u2194-\u2199\u21a9\u21aa\u231a\u231b\u2328\u23cf\u23e9-\u23f3"
    "\u23f8-\u23fa\u24c2\u25aa\u25ab\u25b6\u25c0\u25fb-\u25fe\u2600-\u27bf\u2934\u2935"
    "\u2b05-\u2b07\u2b1b\u2b1c\u2b50\u2b55\u3030\u303d\u3297\u3299"
    "\U0001f000-\U0001f1e5\U0001f200-\U0001f3fa\U0001f400-\U0001faff"
)
REGIONAL_INDICATOR = "\U0001f1e6-\U0001f1ff"
SKIN_TONE = "\U0001f3fb-\U0001f3ff"
VARIATION_SELECTOR = "\ufe0f"
TEXT_SELECTOR = "\ufe0e"
ZWJ = "\u200d"
KEYCAP = "\u20e3"
TAGS = "\U000e0020-\U000e007f"

_ELEMENT = (
    f"[{PICTOGRAPH_RANGES}][{VARIATION_SELECTOR}{TEXT_SELECTOR}]?[{SKIN_TONE}]?"
    f"(?:[{TAGS}]+)?"
)

# One emoji cluster: a flag (two regional indicators), a keycap (1️⃣, #️⃣), or a
# pictograph with its selector / skin tone, joined by ZWJ into families and jobs.
EMOJI = (
    f"(?:[{REGIONAL_INDICATOR}]{{2}}"
    f"|[0-9#*]{VARIATION_SELECTOR}?{KEYCAP}"
    f"|{_ELEMENT}(?:{ZWJ}{_ELEMENT})*"
    f"|[{REGIONAL_INDICATOR}{SKIN_TONE}])"
)

# What the norm of an emoji drops: selectors and skin tones carry no meaning for
# the models ("👍🏽" and "👍" are the same thumbs up).
NORM_STRIP = f"[{VARIATION_SELECTOR}{TEXT_SELECTOR}{SKIN_TONE}]"
