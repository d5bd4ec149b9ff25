/**
 * Jest in ESM mode (`NODE_OPTIONS=--experimental-vm-modules`): `import 'meterkit'` resolves the
 * package's `import` condition, the ES module build (dist/index.js).
 */
export default {
  testEnvironment: 'node',
  testMatch: ['<rootDir>/*.test.mjs'],
  moduleFileExtensions: ['mjs', 'js', 'cjs', 'json'],
  transform: {},
};
