"""gunicorn behind a reverse proxy, configured from the environment (docs/deployment.md).

gunicorn reads this file from the working directory on its own: `gunicorn portal.wsgi` in the
checkout (the Dockerfile's command) uses it. Every value here can still be overridden on the
command line.
https://gunicorn.org/reference/settings/
"""

import multiprocessing
import os

wsgi_app = "portal.wsgi:application"

# Where the proxy reaches the site: the loopback by default (the proxy on the same machine);
# a container listens on every address of its private network (GUNICORN_BIND=0.0.0.0:8000).
bind = [address.strip() for address in os.environ.get("GUNICORN_BIND", "127.0.0.1:8000").split(",") if address]

# Sync workers, each one request at a time: pages are CPU-bound and the page cache answers most
# of them before Django. Two per core, plus one, unless WEB_CONCURRENCY says otherwise.
workers = int(os.environ.get("WEB_CONCURRENCY") or multiprocessing.cpu_count() * 2 + 1)
worker_class = "sync"
# A download of a large document streams for as long as the reader's connection needs, but a
# worker that says nothing for this long is stuck and is restarted.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
# Workers finish the requests they have (and their text extraction thread its current file,
# portal/core/background.py) before a restart or a deploy stops them.
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "60"))
# The proxy keeps connections open to the site; a little longer than gunicorn's 2 s default.
keepalive = 5
# No max_requests: a worker restarted on a count would drop the extraction queued on its thread.

# Addresses whose X-Forwarded-Proto/-For gunicorn believes (the proxy's). Django itself reads
# X-Forwarded-Proto (SECURE_PROXY_SSL_HEADER) and the client's address from X-Forwarded-For
# (DJANGO_TRUSTED_PROXY_COUNT), so nothing else may reach this port but the proxy.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

# Access log on standard output, with the client's address as the proxy forwarded it.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None
access_log_format = '%({x-forwarded-for}i)s %(l)s %(u)s %(t)s "%(r)s" %(s)s %(b)s "%(f)s" "%(a)s" %(M)sms'
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")

# The heartbeat files in memory, not on a container's overlay disk (which can stall them).
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None  # noqa: S108
# gunicorn 27's control socket lives in the user's home, which the container's user may not have.
control_socket_disable = os.environ.get("GUNICORN_CONTROL_SOCKET", "0") != "1"
