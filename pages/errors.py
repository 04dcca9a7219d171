"""The 500 page, in the reader's language, without the database.

Django's own `server_error` renders `500.html` in whatever language the
worker thread last activated: when the failure happened before
LocaleMiddleware ran (a database down in the session middleware, say), that
is the previous request's language, not this one's. Here the language is read
from the request itself (the `/fr/` prefix, else the language cookie or the
browser's preference), and the template is rendered with a bare context: no
context processors, no database, nothing that can fail a second time.
"""

from django.http import HttpResponseServerError
from django.template import loader
from django.utils import translation
from django.views.decorators.csrf import requires_csrf_token


@requires_csrf_token
def server_error(request, template_name="500.html"):
    language = translation.get_language_from_request(request, check_path=True)
    with translation.override(language):
        body = loader.get_template(template_name).render({"language": language})
    return HttpResponseServerError(body)
