"""The client's address, as every limit sees it.

Behind a reverse proxy every request comes from the proxy's address, so a
limit keyed by REMOTE_ADDR puts all visitors in one bucket: one flood then
refuses everyone. The proxies the site trusts are listed in the
TRUSTED_PROXIES setting (addresses or networks). Only when the request comes
from one of them is X-Forwarded-For read, from the right (the hop that the
nearest proxy saw) to the left, skipping the trusted proxies: the first
untrusted hop is the client. A header sent by anyone else is ignored, so a
client cannot choose its own address by sending one.
"""

import ipaddress
from functools import lru_cache

from django.conf import settings


@lru_cache(maxsize=4)
def _networks(proxies):
    return tuple(ipaddress.ip_network(proxy, strict=False) for proxy in proxies)


def trusted_networks():
    return _networks(tuple(getattr(settings, "TRUSTED_PROXIES", ())))


def _address(text):
    try:
        return ipaddress.ip_address(text.strip())
    except ValueError:
        return None


def _trusted(address, networks):
    return any(address in network for network in networks)


def client_ip(request):
    """The address of the client that sent `request` (text), proxies taken into account."""
    remote = request.META.get("REMOTE_ADDR", "")
    address = _address(remote)
    if address is None:
        return remote or "unknown"
    networks = trusted_networks()
    if not _trusted(address, networks):
        return str(address)
    for hop in reversed(request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")):
        hop_address = _address(hop)
        if hop_address is None:
            break  # not an address: stop at the last proxy that is trusted
        address = hop_address
        if not _trusted(address, networks):
            break
    return str(address)
