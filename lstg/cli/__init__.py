"""The command line: the ``lstg`` program, its error boundary and its language.

- :mod:`~lstg.cli.app`: the command tree (each command imported only when run), the
  one error boundary and exit codes; ``main`` is the ``lstg`` program.
- :mod:`~lstg.cli.translate`: the command tree's help and Click's messages put into
  the user's language.
- :mod:`~lstg.cli.console`: UTF-8 standard streams on every platform.
- :mod:`~lstg.cli.crash`: the log written for an internal error.
"""
