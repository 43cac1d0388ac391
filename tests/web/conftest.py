"""The reporting fixtures (one user per role, a draft) for the error-page tests."""

from tests.reporting.conftest import cycle5, draft, people  # noqa: F401
