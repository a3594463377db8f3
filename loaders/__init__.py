"""Loaders: turn documents and structured sources into entities, relations and evidence."""
