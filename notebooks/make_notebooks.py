"""Write the four notebooks (outputs cleared) from the cells below: ``python notebooks/make_notebooks.py``.

Keeping the cells here makes the notebooks reviewable as code; CI executes the
generated ``.ipynb`` files with nbclient (``tests/test_notebooks.py``).
"""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

HERE = Path(__file__).resolve().parent

NOTEBOOKS = {
    "01_quickstart": [
        ("md", "# socialtext — prise en main\n\nAnalyser des messages, lire les explications, voir les tokens."),
        ("code", "import socialtext\n\na = socialtext.analyze(\"@MonOpé ma box marche plus depuis 3 jours 😡 #panne\")\na"),
        ("code", "a.department, a.department_scores, a.sentiment, a.sentiment_score, a.flags"),
        ("code", "a.explain(k=5)"),
        ("md", "Un même objet `Analyzer` pour analyser beaucoup de messages d'un coup."),
        ("code", "analyzer = socialtext.load()\nmessages = [\n"
                 "    \"Bonjour, le forfait 5G est dispo en Belgique ?\",\n"
                 "    \"Votre nouvelle pub est trop drôle 😂 bravo\",\n"
                 "    \"colis jamais reçu, le suivi dit livré… remboursez-moi\",\n"
                 "    \"Merci à Inès au chat, problème réglé en 5 min 🙏\",\n"
                 "    \"Vous recrutez des alternants ?\",\n]\n"
                 "results = analyzer.analyze_many(messages)\n"
                 "[(r.department, r.sentiment, round(r.sentiment_score, 2)) for r in results]"),
        ("code", "results[2]  # affichage HTML : mots décisifs surlignés, scores en barres"),
        ("code", "[(t.text, t.kind, t.norm, t.expansion) for t in socialtext.tokenize(\"slt jsp pk l'appli plante TROOOP 😡😡 #panne\")]"),
    ],
    "02_route_a_stream": [
        ("md", "# Router une journée de messages avec une charte d'intervention"),
        ("code", "import socialtext\nimport pandas as pd\nfrom stream import month_of_messages, corpus_frame\n\n"
                 "charter = socialtext.Charter.from_toml(\"../examples/charte_novatech.toml\")\n"
                 "default = socialtext.Charter.default()\n[t.name for t in default.teams.values()]"),
        ("code", "day = month_of_messages(days=1, per_day=150, spike_day=None)\n"
                 "routed = socialtext.analyze_frame(day, text=\"message\", charter=default)\n"
                 "routed[[\"timestamp\", \"message\", \"department\", \"sentiment\", \"team\", \"priority\", \"due\"]].head(10)"),
        ("code", "routed.groupby([\"team\", \"priority\"]).size().unstack(fill_value=0)"),
        ("code", "urgent = routed[routed.priority == \"P1\"]\nurgent[[\"message\", \"team\", \"rules\"]].head()"),
        ("md", "## Une conversation qui change de sujet"),
        ("code", "thread = socialtext.Conversation([\n"
                 "    {\"id\": \"1\", \"text\": \"🎉 Notre campagne de Noël est en ligne ! Vous l'aimez ?\", \"author\": \"brand\"},\n"
                 "    {\"id\": \"2\", \"text\": \"Jolie pub mais ma box est en panne depuis 5 jours\", \"reply_to\": \"1\"},\n"
                 "    {\"id\": \"3\", \"text\": \"Pareil, plus de connexion depuis lundi 😡\", \"reply_to\": \"1\"},\n"
                 "    {\"id\": \"4\", \"text\": \"Colis jamais reçu, remboursez-moi\", \"reply_to\": \"1\"},\n"
                 "    {\"id\": \"5\", \"text\": \"Bonjour, envoyez-nous votre numéro client en MP\", \"reply_to\": \"2\", \"author\": \"brand\"},\n"
                 "])\nresult = thread.route(default)\nresult"),
        ("code", "result.reasons"),
    ],
    "03_kpis_and_bad_buzz": [
        ("md", "# Indicateurs et détection de bad buzz sur un mois de messages\n\n"
               "Un mois de messages générés autour du corpus (voir `stream.py`), avec un pic de messages négatifs le 22."),
        ("code", "import matplotlib\nmatplotlib.use(\"Agg\")\nimport socialtext\nfrom socialtext import kpi, plot\n"
                 "from stream import month_of_messages\n\n"
                 "month = month_of_messages(days=30, per_day=100, spike_day=21, spike_size=70)\n"
                 "df = socialtext.analyze_frame(month, text=\"message\", charter=socialtext.Charter.default())\nlen(df)"),
        ("code", "kpi.summary(df)"),
        ("code", "alerts = kpi.detect_bursts(df, freq=\"1h\")\nfor alert in alerts:\n    print(alert.summary)\nalerts"),
        ("code", "ax = plot.sentiment_over_time(df, \"6h\", alerts=alerts)"),
        ("code", "ax = plot.department_distribution(df)"),
        ("code", "import pandas as pd\nimport numpy as np\nrng = np.random.default_rng(0)\n"
                 "df[\"replied_at\"] = df[\"timestamp\"] + pd.to_timedelta(rng.exponential(df[\"sla_minutes\"] * 0.7), unit=\"m\")\n"
                 "kpi.responsiveness(df)"),
        ("code", "ax = plot.team_workload(df, replied=\"replied_at\")"),
        ("code", "kpi.top_tags(df, \"W\", n=3)"),
    ],
    "04_train_your_own_model": [
        ("md", "# Entraîner un modèle avec vos propres départements\n\n"
               "Exemple : un groupe qui répartit les messages entre ses filiales (télécom, énergie, banque). "
               "Les étiquettes sont celles de l'entreprise, pas celles de socialtext."),
        ("code", "import json, tempfile\nfrom pathlib import Path\nimport socialtext\nfrom stream import corpus_frame\n\n"
                 "units = {\"telecom\": \"filiale_telecom\", \"energy\": \"filiale_energie\", \"banking\": \"filiale_banque\"}\n"
                 "data = corpus_frame(tuple(units))\ndata[\"department\"] = data[\"sector\"].map(units)\n"
                 "data.department.value_counts()"),
        ("code", "work = Path(tempfile.mkdtemp())\n"
                 "train_file = work / \"labelled.jsonl\"\n"
                 "with train_file.open(\"w\", encoding=\"utf-8\") as fh:\n"
                 "    for row in data.to_dict(\"records\"):\n"
                 "        fh.write(json.dumps({\"id\": row[\"id\"], \"text\": row[\"message\"], \"department\": row[\"department\"],\n"
                 "                             \"sentiment\": row[\"sentiment\"]}, ensure_ascii=False) + \"\\n\")\n"
                 "manifest = socialtext.train(train_file, work / \"model\", strict=False)\n"
                 "manifest[\"labels\"]"),
        ("code", "from socialtext.evaluation import format_report\n"
                 "print(format_report(\"filiale (split test)\", manifest[\"metrics\"][\"department\"][\"test\"]))"),
        ("code", "mine = socialtext.load(work / \"model\")\n"
                 "[(r.department, r.sentiment) for r in mine.analyze_many([\n"
                 "    \"mon compteur affiche une conso délirante ce mois-ci\",\n"
                 "    \"virement bloqué depuis lundi, je fais comment ?\",\n"
                 "    \"plus de 4G à la maison depuis hier\",\n])]"),
        ("md", "Les estimateurs sont de vrais estimateurs scikit-learn : `clone`, `Pipeline`, `GridSearchCV`."),
        ("code", "from sklearn.model_selection import cross_val_score\nfrom socialtext.models import DepartmentClassifier\n"
                 "scores = cross_val_score(DepartmentClassifier(calibrate=False, n_bits=16), data.message.tolist(),\n"
                 "                         data.department.tolist(), cv=3, scoring=\"f1_macro\")\nscores.round(3)"),
    ],
}


def main() -> None:
    for name, cells in NOTEBOOKS.items():
        nb = new_notebook(cells=[new_markdown_cell(src) if kind == "md" else new_code_cell(src) for kind, src in cells])
        nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
        nbformat.write(nb, HERE / f"{name}.ipynb")
        print(f"wrote notebooks/{name}.ipynb")


if __name__ == "__main__":
    main()
