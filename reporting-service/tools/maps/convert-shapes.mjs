// Converts the shapes once: TopoJSON from world-atlas (Natural Earth 1:110m countries) and us-atlas (US Census
// 1:10m states, already projected to Albers USA), simplified, projected and rounded, into one line per shape:
// "<ISO code>\t<SVG path data>", absolute M, L and Z commands only, so that the service reads them without a
// GeoJSON or SVG library and draws them both as SVG and into a PDF. The first line is "viewBox <width> <height>".
import {readFileSync, writeFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {feature} from 'topojson-client';
import {presimplify, simplify, quantile} from 'topojson-simplify';
import {geoEqualEarth, geoPath, geoIdentity} from 'd3-geo';
import countries from 'i18n-iso-countries';

const require = createRequire(import.meta.url);
const out = process.argv[2];

// FIPS 5-2 state codes (us-atlas's ids) to the USPS codes ISO 3166-2:US uses after "US-"
const STATES = {
  '01': 'AL', '02': 'AK', '04': 'AZ', '05': 'AR', '06': 'CA', '08': 'CO', '09': 'CT', '10': 'DE', '11': 'DC',
  '12': 'FL', '13': 'GA', '15': 'HI', '16': 'ID', '17': 'IL', '18': 'IN', '19': 'IA', '20': 'KS', '21': 'KY',
  '22': 'LA', '23': 'ME', '24': 'MD', '25': 'MA', '26': 'MI', '27': 'MN', '28': 'MS', '29': 'MO', '30': 'MT',
  '31': 'NE', '32': 'NV', '33': 'NH', '34': 'NJ', '35': 'NM', '36': 'NY', '37': 'NC', '38': 'ND', '39': 'OH',
  '40': 'OK', '41': 'OR', '42': 'PA', '44': 'RI', '45': 'SC', '46': 'SD', '47': 'TN', '48': 'TX', '49': 'UT',
  '50': 'VT', '51': 'VA', '53': 'WA', '54': 'WV', '55': 'WI', '56': 'WY', '72': 'PR'};

function write(file, topology, object, projection, width, height, keep, codeOf) {
  const simplified = simplify(presimplify(topology), quantile(presimplify(topology), keep));
  const path = geoPath(projection.fitSize([width, height], feature(simplified, simplified.objects[object])))
      .digits(0);
  const lines = [`viewBox ${width} ${height}`];
  for (const shape of feature(simplified, simplified.objects[object]).features) {
    const d = path(shape);
    const code = codeOf(shape);
    // Shapes without an ISO code (Kosovo, Northern Cyprus, Somaliland) are still drawn, as places without data
    if (d && toAbsolute(d)) lines.push(`${code ?? ''}\t${toAbsolute(d)}`);
  }
  writeFileSync(`${out}/${file}`, lines.join('\n') + '\n');
}

// d3's path writer gives absolute M, L and Z for polygons. Rounded to whole pixels, small islands collapse into
// a point or a line and repeated points appear: those rings and points are dropped.
function toAbsolute(d) {
  if (/[^MLZ0-9,\-]/.test(d)) throw new Error('unexpected path command in ' + d.slice(0, 80));
  return d.split('Z').filter(ring => ring).map(ring => ring.slice(1).split('L')
      .filter((point, i, points) => i === 0 || point !== points[i - 1]))
      .filter(points => new Set(points).size >= 3)
      .map(points => 'M' + points.join('L') + 'Z').join('');
}

write('world-countries.tsv', require('world-atlas/countries-110m.json'), 'countries', geoEqualEarth(), 960, 467, 0.5,
    shape => shape.id ? countries.numericToAlpha2(shape.id) : undefined);
write('us-states.tsv', require('us-atlas/states-albers-10m.json'), 'states', geoIdentity(), 960, 600, 0.08,
    shape => STATES[shape.id] ? 'US-' + STATES[shape.id] : undefined);
