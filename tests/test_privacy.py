"""redact(): personal data masked with typed placeholders, prices, dates and references left alone."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import socialtext
from socialtext.privacy import redact

DATA = Path(__file__).resolve().parent / "data" / "pii_cases.jsonl"
ROWS = [json.loads(line) for line in DATA.open(encoding="utf-8")]


def test_recall_on_the_pii_test_set_is_at_least_99_percent() -> None:
    total = sum(len(r["pii"]) for r in ROWS)
    found = sum(item["value"] not in redact(r["text"]) for r in ROWS for item in r["pii"])
    assert total >= 200
    assert found / total >= 0.99


def test_prices_dates_and_product_references_are_never_masked() -> None:
    kept = [(k, r["text"]) for r in ROWS for k in r["keep"] if k not in redact(r["text"])]
    assert len(kept) <= 0.01 * sum(len(r["keep"]) for r in ROWS), kept[:5]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("mon mail : jean.dupont+sav@gmail.com", "mon mail : <EMAIL>"),
        ("appelez le 06 12 34 56 78 ou le +33 6 12 34 56 78", "appelez le <TEL> ou le <TEL>"),
        ("0033 1 23 45 67 89 / 06.12.34.56.78 / 06-12-34-56-78", "<TEL> / <TEL> / <TEL>"),
        ("IBAN FR76 3000 6000 0112 3456 7890 189 merci", "IBAN <IBAN> merci"),
        ("carte 4111 1111 1111 1111 débitée", "carte <CB> débitée"),
        ("commande 4111111111111112 jamais reçue", "commande 4111111111111112 jamais reçue"),  # fails Luhn
        ("commande n° 784512369 du 12/03 à 14h30, 19,99€", "commande n° <NUMERO_COMMANDE> du 12/03 à 14h30, 19,99€"),
        ("mon numéro client est le AB123456", "mon numéro client est le <NUMERO_CLIENT>"),
        ("réf. XK-5521 pour le Galaxy S24 128Go", "réf. <REFERENCE> pour le Galaxy S24 128Go"),
        ("je suis au 12 rue de la Paix, 75002 Paris", "je suis au <ADRESSE>"),
        ("client depuis 2015, toiture refaite en 2019", "client depuis 2015, toiture refaite en 2019"),
    ],
)
def test_examples(text: str, expected: str) -> None:
    assert redact(text) == expected


def test_redact_refuses_non_text() -> None:
    with pytest.raises(TypeError, match="int"):
        redact(12)  # type: ignore[arg-type]


def test_public_api_exposes_redact() -> None:
    assert socialtext.redact("a@b.fr") == "<EMAIL>"
