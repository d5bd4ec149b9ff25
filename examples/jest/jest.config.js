/**
 * Jest in its default (CommonJS) mode: `require('meterkit')` resolves the package's `require`
 * condition, the CommonJS build (dist/index.cjs). No transform: the tests are plain JS.
 */
module.exports = {
  testEnvironment: 'node',
  testMatch: ['<rootDir>/*.test.js'],
  transform: {},
};
