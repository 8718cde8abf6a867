"""공고 작성 도우미 (posting writer): a complete, lawful Korean posting from a few conditions, checked before shown."""
