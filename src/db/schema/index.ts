export * from './organizations.js';
export * from './users.js';
export * from './calendars.js';
export * from './communities.js';
export * from './entries.js';
export * from './module-records.js';
export * from './instance-keys.js';
export * from './notifications.js';
