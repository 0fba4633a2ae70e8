"""Errors that name the input and what is wrong with it."""


class ReadError(Exception):
    """An input file (or one record in it) could not be read as an article."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem

    def __reduce__(self):  # picklable, so ingest workers can send it to the parent
        return (type(self), (self.source, self.problem))
