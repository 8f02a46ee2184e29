"""SPARQL over the graph: engines, named queries, result formats and the endpoint."""
