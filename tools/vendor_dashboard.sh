#!/usr/bin/env bash
# Refresh the dashboard's third-party files in rasd/api/static/vendor/ from npm, at the pinned
# versions below (run by a developer, never at run time: the package ships these files).
set -euo pipefail
cd "$(dirname "$0")/.."
VENDOR=rasd/api/static/vendor
LEAFLET=1.9.4 TOPOJSON=3.1.0 ATLAS=2.0.2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "leaflet@$LEAFLET" "topojson-client@$TOPOJSON" "world-atlas@$ATLAS" >/dev/null)
unpack() { mkdir -p "$work/$1" && tar xzf "$work/$1-$2.tgz" -C "$work/$1"; }
unpack leaflet "$LEAFLET"; unpack topojson-client "$TOPOJSON"; unpack world-atlas "$ATLAS"
rm -rf "$VENDOR" && mkdir -p "$VENDOR/leaflet/images" "$VENDOR/topojson-client" "$VENDOR/world-atlas"
cp "$work/leaflet/package/dist/leaflet.js" "$work/leaflet/package/dist/leaflet.css" "$VENDOR/leaflet/"
cp "$work/leaflet/package/dist/images/"*.png "$VENDOR/leaflet/images/"
cp "$work/leaflet/package/LICENSE" "$VENDOR/leaflet/LICENSE"
cp "$work/topojson-client/package/dist/topojson-client.min.js" "$VENDOR/topojson-client/"
cp "$work/topojson-client/package/LICENSE" "$VENDOR/topojson-client/LICENSE"
cp "$work/world-atlas/package/countries-50m.json" "$VENDOR/world-atlas/"
cp "$work/world-atlas/package/LICENSE" "$VENDOR/world-atlas/LICENSE"
cat > "$VENDOR/VERSIONS.json" <<JSON
{"leaflet": "$LEAFLET", "topojson-client": "$TOPOJSON", "world-atlas": "$ATLAS"}
JSON
echo "vendored leaflet $LEAFLET, topojson-client $TOPOJSON, world-atlas $ATLAS into $VENDOR"
