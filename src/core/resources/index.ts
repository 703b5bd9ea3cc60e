/** Resources' pure logic: spans and capacity, bookable hours, travel time, booking statuses, utilisation. */
export * from './spans.js';
export * from './bookable-hours.js';
export * from './travel.js';
export * from './booking-status.js';
export * from './utilisation.js';
