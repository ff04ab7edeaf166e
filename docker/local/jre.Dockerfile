# The JRE base docker/Dockerfile is built on where no registry can be reached (docker/test-cluster.sh):
# the Debian image the script made with debootstrap, plus Debian's Java 17 runtime and curl. The host's
# apt sources and configuration are in that image, so apt reaches the same mirror as the host.
ARG BASE_IMAGE=bidarena-local/debian:bookworm
FROM ${BASE_IMAGE}
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends openjdk-17-jre-headless curl \
    && rm -rf /var/lib/apt/lists/*
