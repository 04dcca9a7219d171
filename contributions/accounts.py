"""allauth as the site uses it: the client behind the proxies, login limits, named e-mails.

Every limit of allauth (login, sign-up, password reset) counts the client
that throttling.clients finds behind the trusted proxies.

Failed logins are limited per client (10 a minute, whatever the account),
per account and client together (5 in 5 minutes) and per account from every
client together (ACCOUNT_RATE_LIMITS["login_failed_account"], 200 an hour,
more than the 60 an hour one client can reach):
a client that guesses Bruno's password is stopped after 5 tries, while
Bruno, from his own client, still logs in; only a spread attack from many
clients at once reaches the account-wide limit.

The e-mails (sign-up confirmation, password reset) speak of the site by its name.

Without django.contrib.sites, allauth names the site after the request's host,
so a new contributor was greeted "Hello from 127.0.0.1:8102!". The name comes
from the OGPT_SITE_NAME setting; the domain stays the host the person used.
"""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core.internal import ratelimit

from django.conf import settings
from django.contrib.sites.requests import RequestSite

from throttling.clients import client_ip


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

    def get_client_ip(self, request):
        return client_ip(request)

    def _get_login_attempts_cache_key(self, request, **credentials):
        """The failed-login key: the account and the client together.

        The client as allauth's own per-client limits count it (an IPv6
        address stands for its /64), so that rotating addresses within one
        network does not buy new tries.
        """
        account = super()._get_login_attempts_cache_key(request, **credentials)
        return f"{account}:{ratelimit.get_ip(request)}"

    def pre_authenticate(self, request, **credentials):
        super().pre_authenticate(request, **credentials)
        account = super()._get_login_attempts_cache_key(request, **credentials)
        usage = ratelimit.consume(
            request, app="allauth.account", action="login_failed_account", key=account
        )
        if not usage:
            # A try refused is not a failure to count against the client's limits.
            self._rollback_login_failed_rl_usage()
            raise self.validation_error("too_many_login_attempts")
        # A successful login gives back this try, on every limit (allauth rolls back).
        self._login_failed_rl_usage.usage.extend(usage.usage)

    def _delete_login_attempts_cached_email(self, request, **credentials):
        """After a password reset, the account's failures are forgotten everywhere."""
        super()._delete_login_attempts_cached_email(request, **credentials)
        account = super()._get_login_attempts_cache_key(request, **credentials)
        ratelimit.clear(request, app="allauth.account", action="login_failed_account", key=account)
