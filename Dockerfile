# The portal's web image: gunicorn behind a reverse proxy (docs/deployment.md).
#   docker build -t dsp-portal .
# Settings come from the environment at run time (.env.example); nothing secret is baked in.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_SETTINGS_MODULE=portal.settings.production \
    GUNICORN_BIND=0.0.0.0:8000 \
    MEDIA_ROOT=/app/media \
    PAGE_CACHE_DIR=/var/cache/dsp-portal/pages

# Tesseract with English, Russian and Korean data reads scanned PDFs (knowledge/extraction.py);
# without it scans are flagged instead of read.
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
        tesseract-ocr tesseract-ocr-eng tesseract-ocr-rus tesseract-ocr-kor \
    && rm -rf /var/lib/apt/lists/*

# The site runs as this user, never as root; it owns only what it writes (uploads, the page cache).
RUN useradd --system --uid 10001 --user-group --home-dir /app --shell /usr/sbin/nologin portal

WORKDIR /app
COPY requirements.txt ./
RUN pip install -r requirements.txt
COPY . .

# Static files fingerprinted and compressed for whitenoise, and the interface catalogues compiled:
# both are part of the release. Production settings refuse to load without a secret and a host,
# so these two steps get throwaway ones that the running site never sees.
RUN DJANGO_SECRET_KEY=build-only DJANGO_ALLOWED_HOSTS=localhost python manage.py collectstatic --noinput -v0 \
    && DJANGO_SECRET_KEY=build-only DJANGO_ALLOWED_HOSTS=localhost python manage.py compile_translations \
    && mkdir -p "$MEDIA_ROOT" "$PAGE_CACHE_DIR" \
    && chown portal:portal "$MEDIA_ROOT" "$PAGE_CACHE_DIR"

USER portal
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 CMD ["python", "docker/healthcheck.py"]
# gunicorn.conf.py reads WEB_CONCURRENCY, GUNICORN_BIND, FORWARDED_ALLOW_IPS and the log settings.
CMD ["gunicorn", "--config", "gunicorn.conf.py"]
