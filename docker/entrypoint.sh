#!/bin/sh
# Starts Governor. Secrets arrive as files (compose secrets, mounted Kubernetes secrets) but
# Governor reads them from environment variables: NAME_FILE=/path sets NAME to that file's
# content (trailing newlines dropped). Setting both NAME and NAME_FILE is refused.
set -eu
for name in GOVERNOR_BOOTSTRAP_ADMIN_TOKEN GOVERNOR_DB_PASSWORD GOVERNOR_DB_USER GOVERNOR_AUDIT_HMAC_KEY; do
  file=$(printenv "${name}_FILE" || true)
  [ -n "$file" ] || continue
  if [ -n "$(printenv "$name" || true)" ]; then
    echo "entrypoint: both $name and ${name}_FILE are set; set one" >&2
    exit 64
  fi
  if [ ! -r "$file" ]; then
    echo "entrypoint: ${name}_FILE names $file, which cannot be read" >&2
    exit 64
  fi
  value=$(cat "$file")
  export "$name=$value"
  unset "${name}_FILE"
done
# JAVA_OPTS is split on spaces on purpose (several options in one variable).
# shellcheck disable=SC2086
exec java ${JAVA_OPTS:-} -jar /opt/governor/quarkus-run.jar "$@"
