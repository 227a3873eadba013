"""Rendering: formatting of figures, the Jinja2 environment, and writers."""
