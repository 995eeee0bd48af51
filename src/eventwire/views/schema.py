"""The contract as a JSON Schema (data/contract.schema.json, draft 2020-12), and a check against it.

The schema states the fields, types and enums of shared/CONTRACT.md so that any output
can be verified mechanically, here in tests and by outside consumers.
"""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from typing import Any


@cache
def schema() -> dict[str, Any]:
    return json.loads(files("eventwire").joinpath("data/contract.schema.json").read_text(encoding="utf-8"))


@cache
def validator():
    from jsonschema import Draft202012Validator

    Draft202012Validator.check_schema(schema())
    return Draft202012Validator(schema())


def problems(obj: Any) -> list[str]:
    """Every way `obj` breaks the contract, as `path: message` lines (empty when it holds)."""
    return [f"{'/'.join(map(str, e.absolute_path)) or '(document)'}: {e.message}"
            for e in sorted(validator().iter_errors(obj), key=lambda e: list(map(str, e.absolute_path)))]


def validate(obj: Any) -> None:
    """Raise `jsonschema.ValidationError` (the first, most relevant) when `obj` breaks the contract."""
    from jsonschema.exceptions import best_match

    error = best_match(validator().iter_errors(obj))
    if error is not None:
        raise error
