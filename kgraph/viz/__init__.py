"""The interactive HTML explorer: layout in Python, rendering with pyvis and vis-network."""
