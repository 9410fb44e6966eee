import path from 'node:path';
import { defineConfig } from 'prisma/config';

// Prisma's binary download host is unreachable from our machines. The CLI runs whatever
// executable PRISMA_SCHEMA_ENGINE_BINARY names instead of downloading the native schema engine:
// point it at our bridge to Prisma's own wasm schema engine (see prisma/engine-bridge/README.md).
// `??=` keeps an explicit setting (e.g. a developer with a native engine) in charge.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(__dirname, 'prisma', 'engine-bridge', 'schema-engine.mjs');

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: {
    path: 'prisma/migrations',
    seed: 'tsx prisma/seed.ts',
  },
  datasource: {
    // Not env("DATABASE_URL"): that throws when the variable is unset, which breaks `prisma generate`.
    url: process.env.DATABASE_URL ?? '',
    // Optional dedicated shadow database for `migrate dev` / drift checks; without it the engine
    // bridge creates (and drops) a temporary database on the DATABASE_URL server.
    shadowDatabaseUrl: process.env.SHADOW_DATABASE_URL,
  },
});
