"""Exports of the graph: each format is a view of the networkx model, written atomically."""
