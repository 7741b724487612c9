import { defineConfig } from 'vitest/config';

// Three tiers: unit (pure code), data (a real database: PGlite, or PostgreSQL when
// DATABASE_URL is set), e2e (the built app driven in Chromium).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['server/**/*.test.ts', 'test/unit/**/*.test.ts'],
          exclude: ['**/*.data.test.ts', 'node_modules/**'],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'data',
          include: ['server/**/*.data.test.ts', 'test/data/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
