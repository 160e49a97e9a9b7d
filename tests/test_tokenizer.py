"""The tokenizer on real-looking French social-media messages."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import socialtext
from socialtext.tokenizer import KINDS, Tokenizer

W, N, P, S, H, M, U, E, EM, EMO = (
    "word", "number", "punct", "symbol", "hashtag", "mention", "url", "email", "emoji", "emoticon",
)

# (message, expected tokens as (text, kind)), the whole sequence.
CASES = [
    # hashtags
    ("#grève encore", [("#grève", H), ("encore", W)]),
    ("vive le #BlackFriday2026 !", [("vive", W), ("le", W), ("#BlackFriday2026", H), ("!", P)]),
    ("merci #Service_Client", [("merci", W), ("#Service_Client", H)]),
    ("(#panne)", [("(", P), ("#panne", H), (")", P)]),
    ("#Orange, #SFR et #Free", [("#Orange", H), (",", P), ("#SFR", H), ("et", W), ("#Free", H)]),
    ("#CestNul😡", [("#CestNul", H), ("😡", EM)]),
    ("#enfin!!!", [("#enfin", H), ("!!!", P)]),
    ("#Noël2026 arrive", [("#Noël2026", H), ("arrive", W)]),
    # mentions
    ("@SNCF_Direct bonjour", [("@SNCF_Direct", M), ("bonjour", W)]),
    ("@Free: vous êtes où ?", [("@Free", M), (":", P), ("vous", W), ("êtes", W), ("où", W), ("?", P)]),
    ("cc @marie.dupont", [("cc", W), ("@marie.dupont", M)]),
    ("@BanqueVerte.", [("@BanqueVerte", M), (".", P)]),
    # URLs and emails
    ("voir https://www.sncf.com/fr/aide?id=42&x=1",
     [("voir", W), ("https://www.sncf.com/fr/aide?id=42&x=1", U)]),
    ("lien : bit.ly/3xYz9", [("lien", W), (":", P), ("bit.ly/3xYz9", U)]),
    ("www.free.fr/assistance.", [("www.free.fr/assistance", U), (".", P)]),
    ("(http://t.co/AbC12)", [("(", P), ("http://t.co/AbC12", U), (")", P)]),
    ("allez sur boutique.fr", [("allez", W), ("sur", W), ("boutique.fr", U)]),
    ("écrivez à sav@maboite.fr svp", [("écrivez", W), ("à", W), ("sav@maboite.fr", E), ("svp", W)]),
    ("jean.dupont+promo@gmail.com.", [("jean.dupont+promo@gmail.com", E), (".", P)]),
    ("https://exemple.com/a/b/c/", [("https://exemple.com/a/b/c/", U)]),
    # emojis
    ("top 👍🏽", [("top", W), ("👍🏽", EM)]),
    ("😡😡😡", [("😡", EM), ("😡", EM), ("😡", EM)]),
    ("merci❤️", [("merci", W), ("❤️", EM)]),
    ("la famille 👨‍👩‍👧‍👦 contente", [("la", W), ("famille", W), ("👨‍👩‍👧‍👦", EM), ("contente", W)]),
    ("👩🏻‍💻 en télétravail", [("👩🏻‍💻", EM), ("en", W), ("télétravail", W)]),
    ("🇧🇪🇫🇷", [("🇧🇪", EM), ("🇫🇷", EM)]),
    ("1️⃣ la box 2️⃣ le décodeur", [("1️⃣", EM), ("la", W), ("box", W), ("2️⃣", EM), ("le", W), ("décodeur", W)]),
    ("nul🤬", [("nul", W), ("🤬", EM)]),
    ("👏👏 bravo", [("👏", EM), ("👏", EM), ("bravo", W)]),
    ("🧑🏾‍🔧 technicien", [("🧑🏾‍🔧", EM), ("technicien", W)]),
    ("super🔥👌", [("super", W), ("🔥", EM), ("👌", EM)]),
    ("🏳️‍🌈 fiers", [("🏳️‍🌈", EM), ("fiers", W)]),
    ("a😡b", [("a", W), ("😡", EM), ("b", W)]),
    # emoticons
    ("merci :)", [("merci", W), (":)", EMO)]),
    ("bien :-)", [("bien", W), (":-)", EMO)]),
    ("à demain ;)", [("à", W), ("demain", W), (";)", EMO)]),
    ("trop drôle :D", [("trop", W), ("drôle", W), (":D", EMO)]),
    ("ptdr xD", [("ptdr", W), ("xD", EMO)]),
    ("déçu :(", [("déçu", W), (":(", EMO)]),
    ("snif :'(", [("snif", W), (":'(", EMO)]),
    ("bof :/", [("bof", W), (":/", EMO)]),
    ("haha :p", [("haha", W), (":p", EMO)]),
    ("je vous aime <3", [("je", W), ("vous", W), ("aime", W), ("<3", EMO)]),
    ("cool ^^", [("cool", W), ("^^", EMO)]),
    ("encore -_-", [("encore", W), ("-_-", EMO)]),
    ("quoi o_O", [("quoi", W), ("o_O", EMO)]),
    ("merci:)", [("merci", W), (":)", EMO)]),
    ("génial<3", [("génial", W), ("<3", EMO)]),
    ("Note: rien", [("Note", W), (":", P), ("rien", W)]),
    ("(voir ci-dessous)", [("(", P), ("voir", W), ("ci-dessous", W), (")", P)]),
    ("trop triste :(((", [("trop", W), ("triste", W), (":(((", EMO)]),
    # punctuation runs
    ("génial!!!", [("génial", W), ("!!!", P)]),
    ("sérieux ?!?", [("sérieux", W), ("?!?", P)]),
    ("Quoi?!?", [("Quoi", W), ("?!?", P)]),
    ("pourquoi ???", [("pourquoi", W), ("???", P)]),
    ("bon... bref", [("bon", W), ("...", P), ("bref", W)]),
    ("bon…bref", [("bon", W), ("…", P), ("bref", W)]),
    ("oui,merci", [("oui", W), (",", P), ("merci", W)]),
    ("« inadmissible »", [("«", P), ("inadmissible", W), ("»", P)]),
    # elisions and clitics
    ("l'appli plante", [("l'", W), ("appli", W), ("plante", W)]),
    ("l’appli plante", [("l’", W), ("appli", W), ("plante", W)]),
    ("qu'il vienne", [("qu'", W), ("il", W), ("vienne", W)]),
    ("aujourd'hui", [("aujourd'hui", W)]),
    ("aujourd’hui!", [("aujourd’hui", W), ("!", P)]),
    ("peut-être demain", [("peut-être", W), ("demain", W)]),
    ("J'ai reçu", [("J'", W), ("ai", W), ("reçu", W)]),
    ("jusqu'à lundi", [("jusqu'", W), ("à", W), ("lundi", W)]),
    ("c'est n'importe quoi", [("c'", W), ("est", W), ("n'", W), ("importe", W), ("quoi", W)]),
    ("d'accord", [("d'", W), ("accord", W)]),
    ("quelqu'un ?", [("quelqu'un", W), ("?", P)]),
    ("est-ce normal", [("est", W), ("-ce", W), ("normal", W)]),
    ("a-t-il répondu", [("a", W), ("-t-il", W), ("répondu", W)]),
    ("rendez-vous pris", [("rendez-vous", W), ("pris", W)]),
    ("l'#offre", [("l'", W), ("#offre", H)]),
    ("presqu'île", [("presqu'île", W)]),
    # prices and numbers
    ("12,99€ seulement", [("12,99", N), ("€", S), ("seulement", W)]),
    ("19.99 € le mois", [("19.99", N), ("€", S), ("le", W), ("mois", W)]),
    ("128Go de stockage", [("128", N), ("Go", W), ("de", W), ("stockage", W)]),
    ("3h d'attente", [("3", N), ("h", W), ("d'", W), ("attente", W)]),
    ("rdv à 14h30", [("rdv", W), ("à", W), ("14h30", N)]),
    ("le 12/03 à 14:30", [("le", W), ("12/03", N), ("à", W), ("14:30", N)]),
    ("-20% sur tout", [("-20", N), ("%", S), ("sur", W), ("tout", W)]),
    ("la 5G et le B2B", [("la", W), ("5G", W), ("et", W), ("le", W), ("B2B", W)]),
    ("100mbps max", [("100", N), ("mbps", W), ("max", W)]),
    ("(49,90€)", [("(", P), ("49,90", N), ("€", S), (")", P)]),
    # slang, caps, elongations
    ("TROOOOOP BIEN", [("TROOOOOP", W), ("BIEN", W)]),
    ("pk jsp mdr", [("pk", W), ("jsp", W), ("mdr", W)]),
    ("slt cc tkt", [("slt", W), ("cc", W), ("tkt", W)]),
    # whitespace and invisible characters
    ("super\u00a0!", [("super", W), ("!", P)]),
    ("deux  espaces\tet\nligne", [("deux", W), ("espaces", W), ("et", W), ("ligne", W)]),
    ("zéro\u200blargeur", [("zéro", W), ("largeur", W)]),
    ("", []),
    ("   ", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:30] for c in CASES])
def test_tokenizes_real_looking_messages(text: str, expected: list[tuple[str, str]]) -> None:
    tokens = socialtext.tokenize(text)
    assert [(t.text, t.kind) for t in tokens] == expected
    for t in tokens:
        assert text[t.start : t.end] == t.text


NORMS = [
    ("TROOOOOP", "trop"),
    ("nuuuuul", "nul"),
    ("géniaaaal", "génial"),
    ("belllle", "belle"),
    ("Merciiiii", "merci"),
    ("allllez", "allez"),
    ("ouiiiii", "oui"),
    ("l’", "l'"),
    ("#GRÈÈÈVE", "#grève"),
    ("👍🏽", "👍"),
    ("❤️", "❤"),
    (":-)", ":)"),
    (":))))", ":)"),
    ("XD", "xD"),
    ("@SNCF_Direct", "@sncf_direct"),
    ("mdrrrrr", "mdr"),
    ("…", "..."),
    ("Comment", "comment"),
    ("personnnne", "personne"),
]


@pytest.mark.parametrize(("text", "norm"), NORMS)
def test_norm_lowercases_and_squeezes_elongations(text: str, norm: str) -> None:
    (token,) = socialtext.tokenize(text)
    assert token.norm == norm
    assert token.text == text


SLANG = [
    ("pk", "pourquoi"), ("pq", "pourquoi"), ("stp", "s'il te plaît"), ("svp", "s'il vous plaît"),
    ("bcp", "beaucoup"), ("jsp", "je ne sais pas"), ("jpp", "j'en peux plus"), ("mdr", "mort de rire"),
    ("ptdr", "pété de rire"), ("tkt", "t'inquiète"), ("slt", "salut"), ("cc", "coucou"), ("wsh", "wesh"),
    ("chui", "je suis"), ("c", "c'est"), ("g", "j'ai"), ("ya", "il y a"), ("dsl", "désolé"),
    ("qqn", "quelqu'un"), ("qqch", "quelque chose"), ("bjr", "bonjour"), ("cdt", "cordialement"),
    ("rdv", "rendez-vous"), ("mtn", "maintenant"), ("PK", "pourquoi"), ("mdrrrr", "mort de rire"),
]


@pytest.mark.parametrize(("text", "meaning"), SLANG)
def test_slang_has_its_meaning_as_expansion(text: str, meaning: str) -> None:
    (token,) = socialtext.tokenize(text)
    assert token.expansion == meaning
    assert token.text == text


def test_plain_words_have_no_expansion() -> None:
    assert all(t.expansion is None for t in socialtext.tokenize("ma box ne marche plus depuis lundi"))


def test_pipe_yields_one_token_list_per_text_in_order() -> None:
    texts = ["un", "deux trois", "", "quatre 😡"]
    out = list(Tokenizer().pipe(iter(texts)))
    assert [[t.text for t in toks] for toks in out] == [["un"], ["deux", "trois"], [], ["quatre", "😡"]]


def test_non_string_input_is_refused_with_its_type() -> None:
    with pytest.raises(TypeError, match="int"):
        socialtext.tokenize(42)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"texts\[1\]"):
        list(Tokenizer().pipe(["ok", None]))  # type: ignore[list-item]


def test_tokens_are_immutable() -> None:
    token = socialtext.tokenize("salut")[0]
    with pytest.raises(AttributeError):
        token.text = "x"  # type: ignore[misc]


def test_spacy_language_uses_the_same_rules() -> None:
    nlp = socialtext.nlp()
    doc = nlp("l'appli!!! #panne")
    assert [t.text for t in doc] == ["l'", "appli", "!!!", "#panne"]


_PIECES = st.sampled_from(
    ["l'", "appli", "#grève", "@SNCF", "😡", "👍🏽", ":)", "!!!", "?!", "12,99€", "https://x.fr/a?b=1",
     "aujourd'hui", "TROOOP", " ", "  ", "\n", "\u200b", "’", "-", "...", "é", "<3", "xD", "\u0301"]
)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_offsets_always_map_back_to_any_unicode_text(text: str) -> None:
    for t in socialtext.tokenize(text):
        assert text[t.start : t.end] == t.text
        assert t.kind in KINDS
        assert t.text and not t.text.isspace()


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=25).map("".join))
def test_offsets_map_back_on_social_media_fragments(text: str) -> None:
    tokens = socialtext.tokenize(text)
    for t in tokens:
        assert text[t.start : t.end] == t.text
    starts = [t.start for t in tokens]
    assert starts == sorted(starts)
