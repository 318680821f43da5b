"""The web container's health: the site answers /robots.txt through Django, as the proxy would ask.

Standard library only, run by Docker inside the container (Dockerfile's HEALTHCHECK): it asks as the
proxy does, for the first of DJANGO_ALLOWED_HOSTS over HTTPS (X-Forwarded-Proto), so neither the
host check nor the HTTPS redirect answers in Django's place. Exit status 0 when the answer is 200.
"""

import http.client
import os
import sys


def main() -> int:
    host = os.environ.get("DJANGO_ALLOWED_HOSTS", "localhost").split(",")[0].strip().lstrip(".") or "localhost"
    port = int(os.environ.get("GUNICORN_BIND", "127.0.0.1:8000").split(",")[0].rpartition(":")[2])
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=4)
    try:
        connection.request("GET", "/robots.txt", headers={"Host": host, "X-Forwarded-Proto": "https"})
        status = connection.getresponse().status
    except OSError as error:
        sys.stderr.write(f"healthcheck: {error}\n")
        return 1
    finally:
        connection.close()
    if status != 200:
        sys.stderr.write(f"healthcheck: /robots.txt answered {status}\n")
    return 0 if status == 200 else 1


if __name__ == "__main__":
    sys.exit(main())
