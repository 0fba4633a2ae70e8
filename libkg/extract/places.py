"""Pipeline component: places (to be written)."""

from libkg.extract.pipeline import Doc, component


@component("places")
def run(doc: Doc) -> None:
    return None
