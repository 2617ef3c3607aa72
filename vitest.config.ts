import { defineConfig } from 'vitest/config';

// Four suites: pure logic (unit), the real local stack (integration: DynamoDB
// Local, s3rver, the OpenID provider and the API, started by the global setup),
// the CDK app (infra) and Chromium journeys (e2e). Integration and e2e each run
// a whole stack (a container per function): run them in separate `vitest run`
// calls (npm test does) so that two stacks never share the machine's two cores.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' } },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/support/stack-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
      { test: { name: 'infra', include: ['test/infra/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 120_000 } },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/support/e2e-setup.ts'],
          testTimeout: 90_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
