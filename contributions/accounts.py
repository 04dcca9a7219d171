"""allauth's e-mails (sign-up confirmation, password reset) speak of the site by its name.

Without django.contrib.sites, allauth names the site after the request's host,
so a new contributor was greeted "Hello from 127.0.0.1:8102!". The name comes
from the OGPT_SITE_NAME setting; the domain stays the host the person used.
"""

from allauth.account.adapter import DefaultAccountAdapter

from django.conf import settings
from django.contrib.sites.requests import RequestSite


class NamedSite(RequestSite):
    """The request's site (its host as domain), named as the settings say."""

    def __init__(self, request):
        super().__init__(request)
        self.name = settings.OGPT_SITE_NAME


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix, email, context):
        from allauth.core import context as allauth_context

        request = allauth_context.request
        return super().send_mail(
            template_prefix, email, {"current_site": NamedSite(request), **context}
        )

    def format_email_subject(self, subject):
        return f"[{settings.OGPT_SITE_NAME}] {subject}"
