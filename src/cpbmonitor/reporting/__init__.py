"""Online national reporting: drafts edited by a government's users, submitted by its
focal point, returned or published by the Secretariat; every change recorded.

Modules: ``models`` (memberships, drafts, versions, API tokens), ``policy`` (who may do
what: one table), ``editing`` (applying answers to a draft: pure, no database),
``workflow`` (the operations views and the API call), ``views`` and ``forms`` (pages).
"""
