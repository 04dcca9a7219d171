"""Limits on how fast a client or an account may act, and who the client is.

A plain package at the bottom of the dependency graph (like `pages`, it
imports none of the apps): `clients.client_ip` names the client the same way
for every limit (logins, sign-ups, the API, edits, posts), and `windows`
counts hits in fixed windows of the shared cache.
"""
