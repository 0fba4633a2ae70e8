"""Pipeline component: positions (to be written)."""

from libkg.extract.pipeline import Doc, component


@component("positions")
def run(doc: Doc) -> None:
    return None
