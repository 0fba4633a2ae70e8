"""Pipeline component: organizations (to be written)."""

from libkg.extract.pipeline import Doc, component


@component("organizations")
def run(doc: Doc) -> None:
    return None
