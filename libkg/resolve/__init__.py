"""Identity: which IRI a name read in an article gets.

Kept apart from :mod:`libkg.rdf.build` so that a real identity-resolution stage
(gazetteers, cross-article clustering) can replace the rules without touching
how triples are written.
"""
