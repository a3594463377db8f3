"""The knowledge graph: model, ids, store, conversions, analysis."""
