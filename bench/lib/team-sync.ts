// What the team bench's Node clients run of the app: its Yjs mapping and its cipher, built for Node.
export * from '../../src/sync/ydoc-map';
export { fieldCipher, newKey } from '../../src/sync/field-cipher';
