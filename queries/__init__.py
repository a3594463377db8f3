"""Named Cypher and SPARQL queries for analysts, as files with a header comment."""
