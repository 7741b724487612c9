export * from './reference.js';
export * from './organizations.js';
export * from './users.js';
export * from './experts.js';
export * from './demands.js';
export * from './achievements.js';
export * from './audit.js';
export * from './jobs.js';
