"""Pipeline component: sentences (to be written)."""

from libkg.extract.pipeline import Doc, component


@component("sentences")
def run(doc: Doc) -> None:
    return None
