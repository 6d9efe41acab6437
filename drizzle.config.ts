import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  // A module keeps its tables in schema.ts; a large module's parts may keep theirs beside them.
  schema: ['./src/platform/*/schema.ts', './src/modules/*/schema.ts', './src/modules/*/*/schema.ts'],
  out: './migrations',
});
