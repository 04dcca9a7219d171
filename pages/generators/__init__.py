"""Catalogues made rather than written: tools for development, tests and benchmarks.

- `demo`: the bilingual demo catalogue (`manage.py load_demo_data`, `make run`), real
  tools with history by two people; never loaded in production.
- `synthetic`: a large generated catalogue for benchmarks (`manage.py generate_catalogue`).

They sit apart from the models and the site tree, which the site itself runs on.
"""
