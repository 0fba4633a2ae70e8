"""Pipeline component: dates (to be written)."""

from libkg.extract.pipeline import Doc, component


@component("dates")
def run(doc: Doc) -> None:
    return None
