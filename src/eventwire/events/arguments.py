"""Stage stub: to be implemented."""

from ..model import Document


class Arguments:
    def __call__(self, doc: Document) -> None:
        return None
