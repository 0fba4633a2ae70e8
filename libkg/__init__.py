"""libkg: a knowledge graph of library-sector actors and events.

The package is laid out as the pipeline runs:

``read`` (articles from files) -> ``extract`` (facts from an article) ->
``resolve`` (one IRI per real-world entity) -> ``rdf`` (facts as triples) ->
``store`` (embedded Oxigraph or a SPARQL endpoint) -> ``query`` / ``evaluate``.
"""

__version__ = "0.1.0"
