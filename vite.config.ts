import { defineConfig } from 'vitest/config';

// The library build is added with the selector (issue 3); for now this file carries the
// vitest configuration so that one config describes how the project is built and tested.
export default defineConfig({
  define: { 'process.env.NODE_ENV': '"production"' },
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
