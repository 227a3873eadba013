"""The bundled report templates, read as the package ``lstg.templates``.

This file only makes the folder a package, so that :mod:`importlib.resources`
finds the templates in a development install as it does in an installed wheel
(``pyproject.toml`` maps this folder into ``lstg``). Copy a template into the
``templates/`` folder of your data folder to change it: see docs/report.md.
"""
