/**
 * Lede's comment protocol (docs/comments-protocol.md): the wire types and their JSON schemas,
 * the limits and the error codes. Browser code imports types from here and values only from
 * `lede-protocol/limits.js`, which has no dependencies.
 * @module
 */
export * from './limits.js';
export * from './schemas.js';
export * from './admin.js';
export * from './threads.js';
export * from './session.js';
export * from './reader.js';
export * from './live.js';
