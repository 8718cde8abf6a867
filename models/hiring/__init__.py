"""충원확률 (hiring probability): P(a posting fills within 90 days), its explanation, what-if and market context."""
