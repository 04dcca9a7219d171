"""What the parts of bench/search.py share: its settings, its queries, small statistics.

The benchmark is split by side: `search_measures` runs inside the measured Django
process (the `--child` modes), `search_runs` drives the processes, the workers and
the bench Elasticsearch, `search_report` writes the table; `bench/search.py` is the
command. Named `search_*` so that nothing here hides the `search` app.
"""

import re
import statistics
import string
from pathlib import Path

import common
from common import ROOT

DATABASE = "ogpt_bench"
INDEX_PREFIX = "ogpt-bench"
WAGTAIL_PREFIX = "ogpt-bench-wagtail-"
SHARED_ES_PORT = 59200
#: The command every `--child` mode is run through.
SCRIPT = ROOT / "bench" / "search.py"
JUDGMENTS = ROOT / "tests" / "search" / "judgments.yaml"
LATENCY_GOAL = 0.5  # ours / database, p50 and p95
REBUILD_GOAL = 3.0  # ours / Wagtail's elasticsearch8 backend, entries per second
DRIFT_GOAL_S = 60
PARTS = ("rebuild", "latency", "freshness", "outage", "relevance")

#: Realistic queries over the synthetic catalogue's vocabulary (pages/generators/synthetic.py:
#: tool names, use cases, organizations, topics, sentences), with typos,
#: missing accents and plurals, in both languages.
SYNTHETIC_QUERIES = [
    ("participatory budget", "en"), ("participatory budgeting", "en"),
    ("participatory budgetting", "en"), ("open data portal", "en"),
    ("public consultation", "en"), ("petition platform", "en"), ("petitions", "en"),
    ("spending tracker", "en"), ("lobbying register", "en"),
    ("collaborative bill drafting", "en"), ("council meetings online", "en"),
    ("Open Ledger", "en"), ("civic forum", "en"), ("civc forum", "en"),
    ("public agora", "en"), ("voting module", "en"), ("open API", "en"),
    ("moderation tools", "en"), ("draft laws", "en"), ("open datasets", "en"),
    ("public contracts", "en"), ("City of Belmont", "en"), ("Ministry of Justice", "en"),
    ("Arden Civic Tech", "en"), ("University of Valmy", "en"), ("transparency", "en"),
    ("data visualisation", "en"), ("parliamentary monitoring", "en"),
    ("Swift Compass 42", "en"), ("citizens vote on local projects", "en"),
    ("budget participatif", "fr"), ("portail de données ouvertes", "fr"),
    ("consultation publique", "fr"), ("plateforme de pétitions", "fr"),
    ("suivi des dépenses", "fr"), ("registre des représentants d'intérêts", "fr"),
    ("rédaction collaborative de la loi", "fr"), ("séances du conseil en ligne", "fr"),
    ("élus", "fr"), ("collectivités", "fr"), ("jeux de données ouverts", "fr"),
    ("marchés publics", "fr"), ("projets de loi", "fr"), ("module de vote", "fr"),
    ("donnees ouvertes", "fr"), ("transparence", "fr"), ("Ville de Lisor", "fr"),
    ("Ministère de la Santé", "fr"), ("Forum civique", "fr"), ("Passerelle partagée", "fr"),
    ("participation citoyenne", "fr"), ("fabrique de la loi", "fr"),
    ("visualisation de données", "fr"), ("decisions du conseil", "fr"),
    ("Boussole claire 42", "fr"), ("petitions en ligne", "fr"),
]  # fmt: skip


def ms(seconds):
    return seconds * 1000


def stats(values):
    if not values:
        return {"n": 0}
    return {
        "n": len(values),
        "p50_ms": ms(statistics.median(values)),
        "p95_ms": ms(common.percentile(values, 0.95)),
        "max_ms": ms(max(values)),
    }


def provenance():
    """The commit measured, read from .git without running git (the lead owns git)."""
    git = ROOT / ".git"
    try:
        head = (git / "HEAD").read_text().strip()
        if head.startswith("ref: "):
            ref = head[5:]
            path = git / ref
            if path.exists():
                return f"commit {path.read_text().strip()[:7]} (+ the work tree as it was)"
            for line in (git / "packed-refs").read_text().splitlines():
                if line.endswith(" " + ref):
                    return f"commit {line[:7]} (+ the work tree as it was)"
        return f"commit {head[:7]} (+ the work tree as it was)"
    except OSError:
        return "commit unknown"


def load_judgments(path):
    """[(query, language, [expected entries])] from the judgments file, whatever its
    exact shape: a list of items or a mapping query -> item, with the query under
    `query`/`q`, the language under `language`/`lang` (default: guessed from the
    French letters or words) and the expected entries (slugs or names) under
    `expected`/`relevant`/`entries`/`first`/`top`/`must_rank_first`."""
    import yaml

    data = yaml.safe_load(Path(path).read_text())
    if isinstance(data, dict):
        for key in ("queries", "judgments", "items"):
            if isinstance(data.get(key), list | dict):
                data = data[key]
                break
    items = []
    if isinstance(data, dict):
        for query, value in data.items():
            value = value if isinstance(value, dict) else {"expected": value}
            items.append({"query": query, **value})
    else:
        items = list(data or [])
    judged = []
    for item in items:
        query = item.get("query") or item.get("q")
        expected = next(
            (item[key] for key in ("expected", "relevant", "entries", "first", "top",
                                   "must_rank_first", "results") if key in item),
            [],
        )  # fmt: skip
        if isinstance(expected, str):
            expected = [expected]
        expected = [e if isinstance(e, str) else (e.get("slug") or e.get("name")) for e in expected]
        language = item.get("language") or item.get("lang") or guess_language(query)
        if query:
            judged.append((str(query), language, [e for e in expected if e]))
    return judged


def _new_word(rng, prefix):
    return prefix + "".join(rng.choice(string.ascii_lowercase) for _ in range(8))


def guess_language(query):
    french = re.search(r"[éèêàçùôî]|\b(de|des|du|la|le|les|participatif|données)\b", query, re.I)
    return "fr" if french else "en"
