"""People across the corpus.

- person: Person (titles, add_title, is_official), role groups, Quote
- build: build_entities, per-release findings resolved to Person records, then merged
- merge: surname-only and nickname merges, headline phrases dropped
- index: EntityIndex, lookup by name (find, suggest, people_in)
"""
