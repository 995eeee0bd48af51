"""Stage stub: to be implemented."""

from ..model import Document


class Triggers:
    def __call__(self, doc: Document) -> None:
        return None
