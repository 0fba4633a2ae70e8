"""Querying the graph: the bundled query library and result formatting."""
