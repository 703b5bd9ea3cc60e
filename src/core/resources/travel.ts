/**
 * Travel time for a vehicle taken to a community: great-circle distance between its home base and
 * the community, times a road factor (roads wind), at the province's average road speed.
 */
export interface Point {
  latitude: number;
  longitude: number;
}

export const DEFAULT_SPEED_KMH = 40;
export const DEFAULT_ROAD_FACTOR = 1.3;
const EARTH_RADIUS_KM = 6371.0088;

export function haversineKm(a: Point, b: Point): number {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLon = (b.longitude - a.longitude) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** One-way driving minutes, rounded up to 5 minutes (nobody plans a trip to the minute). */
export function travelMinutes(from: Point, to: Point, speedKmh = DEFAULT_SPEED_KMH, roadFactor = DEFAULT_ROAD_FACTOR): number {
  if (!(speedKmh > 0)) throw new RangeError('speed must be positive');
  const minutes = (haversineKm(from, to) * roadFactor * 60) / speedKmh;
  return Math.ceil(minutes / 5) * 5;
}
