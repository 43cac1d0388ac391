"""The JSON API, version 1 (``/api/v1/``, django-ninja): public reads of the plan,
Parties, cycles, published reports, indicator results and question analyses; drafts
and their workflow with a bearer token, under the same policy as the pages.
OpenAPI at ``/api/v1/openapi.json``, documentation page at ``/api/v1/docs``."""
