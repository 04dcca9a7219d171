"""Translation between the English and French versions of an entry.

Everything about the other language version lives here, one module per fact:

- `state`: which fields of a version are in sync, outdated, diverged or
  missing (FieldSync rows), and the marks written when a field is synced;
- `counterparts`: the other version created at once as an untranslated copy,
  and the facts (URLs, licence, relations…) shared with it on every edit;
- `text`: the sentences that say where a translation stands;
- `dashboard`: the queries behind `/<lang>/translations/`;
- `views.translate` (`<entry>/translate/`) and `views.dashboard`
  (`/<lang>/translations/`).

The template tags stay in `contributions/templatetags/translation.py`, where
Django looks for them.
"""
