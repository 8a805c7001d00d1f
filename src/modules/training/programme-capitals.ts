/**
 * Where an administration's officers travel from when the programme measures great-circle travel:
 * the capital of each member state (WGS84, two decimals), by ISO 3166 alpha-2 code (EL for Greece too).
 */
export const CAPITALS: Readonly<Record<string, { lat: number; lon: number }>> = {
  AT: { lat: 48.21, lon: 16.37 },
  BE: { lat: 50.85, lon: 4.35 },
  BG: { lat: 42.7, lon: 23.32 },
  HR: { lat: 45.81, lon: 15.98 },
  CY: { lat: 35.17, lon: 33.36 },
  CZ: { lat: 50.08, lon: 14.44 },
  DK: { lat: 55.68, lon: 12.57 },
  EE: { lat: 59.44, lon: 24.75 },
  FI: { lat: 60.17, lon: 24.94 },
  FR: { lat: 48.86, lon: 2.35 },
  DE: { lat: 52.52, lon: 13.4 },
  GR: { lat: 37.98, lon: 23.73 },
  EL: { lat: 37.98, lon: 23.73 },
  HU: { lat: 47.5, lon: 19.04 },
  IE: { lat: 53.35, lon: -6.26 },
  IT: { lat: 41.9, lon: 12.5 },
  LV: { lat: 56.95, lon: 24.11 },
  LT: { lat: 54.69, lon: 25.28 },
  LU: { lat: 49.61, lon: 6.13 },
  MT: { lat: 35.9, lon: 14.51 },
  NL: { lat: 52.37, lon: 4.9 },
  PL: { lat: 52.23, lon: 21.01 },
  PT: { lat: 38.72, lon: -9.14 },
  RO: { lat: 44.43, lon: 26.1 },
  SK: { lat: 48.15, lon: 17.11 },
  SI: { lat: 46.06, lon: 14.51 },
  ES: { lat: 40.42, lon: -3.7 },
  SE: { lat: 59.33, lon: 18.07 },
};
