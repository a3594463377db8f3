"""Fragmentation analysis of the criminal landscape: networkx-style functions grouped by domain."""
