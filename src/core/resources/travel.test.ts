import { describe, expect, it } from 'vitest';
import { nextStatus } from './booking-status.js';
import { haversineKm, travelMinutes } from './travel.js';

describe('travel time', () => {
  it('Cotabato City to Marawi is about 120 km as the crow flies', () => {
    const km = haversineKm({ latitude: 7.2236, longitude: 124.2464 }, { latitude: 8.0034, longitude: 124.2839 });
    expect(km).toBeGreaterThan(85);
    expect(km).toBeLessThan(90);
  });

  it('drives distance × road factor at the province speed, rounded up to 5 minutes', () => {
    const a = { latitude: 7, longitude: 124 };
    expect(travelMinutes(a, a)).toBe(0);
    const b = { latitude: 7.3, longitude: 124 }; // ≈ 33.4 km
    expect(travelMinutes(a, b, 40, 1.3)).toBe(70); // 33.4 × 1.3 / 40 h ≈ 65.1 min → 70
    expect(travelMinutes(a, b, 60, 1)).toBe(35);
  });
});

describe('booking status', () => {
  it('approve only pending; reopen returns to pending or approved by the resource rule; cancel only what holds the resource', () => {
    expect(nextStatus('pending', 'approve', true)).toBe('approved');
    expect(nextStatus('approved', 'approve', true)).toBeNull();
    expect(nextStatus('cancelled', 'reopen', true)).toBe('pending');
    expect(nextStatus('rejected', 'reopen', false)).toBe('approved');
    expect(nextStatus('rejected', 'cancel', false)).toBeNull();
    expect(nextStatus('approved', 'reject', true)).toBe('rejected');
  });
});
