#!/usr/bin/env bash
# Checks deploy/nginx.conf with `nginx -t`, using a throwaway self-signed certificate.
set -euo pipefail
cd "$(dirname "$0")/.."
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
if [ ! -x "$nginx_bin" ]; then
  echo "nginx is not installed (Debian: apt-get install nginx-light); .ci/run installs it" >&2
  exit 1
fi
# The example promises that no query string is logged: no format with the raw request line.
if grep -Eq '^\s*access_log\s.*\bcombined\b' deploy/nginx.conf ||
  grep -E '^\s*(log_format|access_log)|^\s+'"'" deploy/nginx.conf | grep -Eq '\$(request|request_uri|args|query_string|is_args)\b'; then
  echo "deploy/nginx.conf: an access log records query strings (\$request, \$request_uri, \$args)" >&2
  exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=localhost \
  -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null
sed -e "s#/etc/ssl/dashboard#$work#g" -e "s#/var/log/nginx/dashboard.log#$work/access.log#" \
  deploy/nginx.conf > "$work/nginx.conf"
"$nginx_bin" -t -q -p "$work" -c "$work/nginx.conf" -g "pid $work/nginx.pid; error_log $work/error.log;"
echo "deploy/nginx.conf: syntax ok"
