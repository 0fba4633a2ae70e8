"""Facts as RDF: namespaces, the graph of one article, SHACL validation.

The vocabulary is described in ``ontology/libkg.ttl``; identity (which IRI a
name gets) is decided in :mod:`libkg.resolve.iris`, not here.
"""
