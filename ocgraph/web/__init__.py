"""The analyst's workbench: a local web application over the store or Neo4j (`ocgraph serve`)."""
