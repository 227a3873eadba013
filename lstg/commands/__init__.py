"""One small module per subcommand: options in, one library call, rendering, exit code.

Each command function returns its exit code as an ``int``; :mod:`lstg.cli.app`
registers the commands and turns the code into the process's exit status.
"""
