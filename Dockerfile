# Kanaalwijzer: one image for the web app (gunicorn) and the scheduled harvest/extract/index job.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 \
    KANAALWIJZER_HOME=/data

WORKDIR /app
COPY pyproject.toml README.md scrapy.cfg ./
COPY kanaalwijzer ./kanaalwijzer
COPY scrapers ./scrapers
COPY nlp ./nlp
COPY search_app ./search_app
COPY devtools ./devtools
RUN pip install . && useradd --system --uid 10001 --home-dir /data kanaalwijzer \
    && mkdir -p /data && chown kanaalwijzer /data

USER kanaalwijzer
VOLUME ["/data"]
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --retries=3 \
  CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/api/openapi.json', timeout=4)"
CMD ["kanaalwijzer", "serve", "--production", "--host", "0.0.0.0", "--port", "8000"]
