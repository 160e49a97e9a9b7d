"""Text emoticons, as plain data.

``EMOTICONS`` maps every written variant to its canonical form (the token's norm).
Variants are generated the spaCy way (noses, repeated mouths) rather than typed out.
"""

from __future__ import annotations

_BASE = {
    # canonical: variants without a nose
    ":)": [":)", "=)", ":]", "(:"],
    ":(": [":(", "=(", ":[", "):"],
    ";)": [";)"],
    ":D": [":D", "=D"],
    "xD": ["xD", "XD", "xd"],
    ":'(": [":'(", ":’("],
    ":/": [":/", ":\\"],
    ":p": [":p", ":P", ";p", ";P", "xp", "xP", ":b"],
    ":o": [":o", ":O", ":0"],
    ":|": [":|"],
    ":*": [":*"],
    "x)": ["x)", "X)"],
    ":3": [":3"],
}

_WITH_NOSE = {":)", ":(", ";)", ":D", ":/", ":p", ":o", ":|", ":*", ":'("}

EMOTICONS: dict[str, str] = {}
for _canon, _variants in _BASE.items():
    for _v in _variants:
        EMOTICONS[_v] = _canon
        if _canon in _WITH_NOSE and _v[0] in ":;=" and len(_v) >= 2:
            EMOTICONS[_v[0] + "-" + _v[1:]] = _canon
    # Repeated mouths: ":)))" and ":(((" are common and mean the same, only louder.
    if _canon[-1] in ")(":
        for _n in (2, 3, 4):
            EMOTICONS[_canon + _canon[-1] * (_n - 1)] = _canon

for _face in ("^^", "^_^", "^.^", "-_-", "-.-", "o_O", "O_o", "o_o", "O_O", "T_T", ">_<", "x_x", "X_X"):
    EMOTICONS[_face] = _face
EMOTICONS["<3"] = "<3"
EMOTICONS["<33"] = "<3"
EMOTICONS["<333"] = "<3"
EMOTICONS["</3"] = "</3"

# Emoticons that may be glued to the end of a word ("merci:)", "bon;)") and are
# split off as suffixes. Ones made of letters ("xD", "xp", "x)") are only
# recognised standing alone, or they would cut real words.
GLUEABLE = sorted(
    (e for e in EMOTICONS if e[0] in ":;=<^-" and not e.startswith("-_") and e != "-.-"),
    key=len,
    reverse=True,
)
