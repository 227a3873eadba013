"""The bundled fictional data set, read as the package ``lstg.sample``.

This file only makes the folder a package, so that :mod:`importlib.resources`
finds the sample in a development install as it does in an installed wheel
(``pyproject.toml`` maps this folder into ``lstg``). ``lstg --data sample``
runs on it; ``lstg init`` copies its province file and plans.
"""
