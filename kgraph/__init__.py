"""kgraph: a knowledge graph of China's party-state from news articles."""

__version__ = "0.1.0"
