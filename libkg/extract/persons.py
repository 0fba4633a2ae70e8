"""Pipeline component: persons (to be written)."""

from libkg.extract.pipeline import Doc, component


@component("persons")
def run(doc: Doc) -> None:
    return None
