"""Reading releases: text in, findings out (spans index the original text so snippets stay verbatim).

- lexicon: every word list (titles, role nouns, name words, speech verbs, states, countries...)
- tokens: Token, tokenize, name words, name_key
- titles: clean_title, the title before a name, appositives after it, the two "official" tests
- mentions: find_mentions, cut into titled / untitled full name / copula steps
- speakers: who an attribution phrase (or a quotation's opening clause) names
- quotes: quotation spans and their attribution phrases
- lede: how a release's opening describes its subject, and who that is
- release: read_release, everything one release says about people (ReleaseFindings)
- places: find_places over the gazetteer, with named decoy checks
- place_context: per-source states, home cities, person words, release states
"""
