#!/bin/sh
# Makes sure the system Chromium and its driver exist before the console's browser tests.
# Idempotent: returns at once when /usr/bin/chromedriver is there. Installs only when we are root
# and apt-get exists (the Debian machine/container the README targets); otherwise it says so and the
# e2e tests skip themselves (they check for the binaries too), so a developer laptop still builds.
# A CJK font (fonts-wqy-zenhei) comes along so the screenshots show Chinese instead of empty boxes.
set -e
has_cjk_font() {
  command -v fc-list >/dev/null 2>&1 && fc-list :lang=zh | grep -q .
}
if [ -x /usr/bin/chromedriver ] && [ -x /usr/bin/chromium ] && has_cjk_font; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "ensure-chromium: installing chromium, chromium-driver and a CJK font with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q --no-install-recommends chromium chromium-driver fonts-wqy-zenhei
else
  echo "ensure-chromium: /usr/bin/chromedriver missing and cannot install (not root or no apt-get); e2e tests will be skipped"
fi
