"""Stage 1, reading: the one place a data file is opened, decoded and parsed as YAML.

:func:`lstg.read.reader.read_yaml` is where a YAML file is parsed. It decodes the
bytes (:mod:`~lstg.read.decoding`: UTF-8 with or without BOM, UTF-16, a wrong
encoding as one located problem), then parses them by the fast path
(:mod:`~lstg.read.yamlnative`, a native parser, taken only for a text whose scan
finds nothing it could read differently) or by the careful path
(:mod:`~lstg.read.yamlevents`, one pass over libyaml's events that reports aliases,
tags, duplicate keys and bad numbers at their line). :mod:`~lstg.read.yamlscalars`
is the one conversion of scalar texts (YAML 1.2 core schema), and
:mod:`~lstg.read.positions` finds the line and column of a problem found later, by
its path of keys.
"""
