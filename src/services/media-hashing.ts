/** Hashing of media files for the CLI and services: MD5, SHA-256 and PDQ (see detection/hash). */
export { DEFAULT_DECODE_LIMITS } from '../detection/hash/decode-image.js'
export { hashMediaFile } from '../detection/hash/hash-file.js'
export type { HashMediaOptions } from '../detection/hash/media-hashes.js'
