"""The index layer: the tokenizer shared by paragraphs and queries, and exact BM25Okapi retrieval."""
