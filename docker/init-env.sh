#!/bin/sh
# Writes docker/.env from docker/.env.example with fresh random passwords (openssl rand -base64 24).
# An existing docker/.env is left alone: the database keeps the password it was created with.
set -eu
cd "$(dirname "$0")"
if [ -e .env ]; then
    echo "docker/.env exists; not overwritten" >&2
    exit 1
fi
umask 077
sed -e "s|^ADMIN_PASSWORD=.*|ADMIN_PASSWORD=$(openssl rand -base64 24)|" \
    -e "s|^TC_DB_PASSWORD=.*|TC_DB_PASSWORD=$(openssl rand -base64 24)|" \
    .env.example > .env
echo "docker/.env written; the administrator's password is in it (user admin)."
