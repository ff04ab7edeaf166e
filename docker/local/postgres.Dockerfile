# PostgreSQL for docker-compose.yml where Docker Hub's postgres image cannot be pulled
# (docker/test-cluster.sh): Debian's postgresql package on the locally made Debian image. Its entry point
# reads POSTGRES_USER, POSTGRES_PASSWORD and POSTGRES_DB like the official image, keeps its data in the
# same place, and has pg_isready for the compose health check.
ARG BASE_IMAGE=bidarena-local/debian:bookworm
FROM ${BASE_IMAGE}
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql \
    && rm -rf /var/lib/apt/lists/* \
    && ln -s /usr/lib/postgresql/*/bin/postgres /usr/lib/postgresql/*/bin/initdb /usr/lib/postgresql/*/bin/pg_isready \
        /usr/local/bin/ \
    && mkdir -p /var/lib/postgresql/data /var/run/postgresql \
    && chown postgres:postgres /var/lib/postgresql/data /var/run/postgresql \
    && chmod 700 /var/lib/postgresql/data
COPY postgres-entrypoint.sh /usr/local/bin/postgres-entrypoint.sh
ENV PGDATA=/var/lib/postgresql/data
USER postgres
EXPOSE 5432
ENTRYPOINT ["/bin/sh", "/usr/local/bin/postgres-entrypoint.sh"]
