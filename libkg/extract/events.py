"""Pipeline component: events (to be written)."""

from libkg.extract.pipeline import Doc, component


@component("events")
def run(doc: Doc) -> None:
    return None
