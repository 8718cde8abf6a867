"""Text embeddings behind one interface (backends), a vector cache in the warehouse and nearest-neighbour search."""
