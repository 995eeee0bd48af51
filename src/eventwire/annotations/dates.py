"""Stage stub: to be implemented."""

from ..model import Document


class Dates:
    def __call__(self, doc: Document) -> None:
        return None
