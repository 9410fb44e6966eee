-- Counters of the sign-in and registration rate limits (rate-limiter-flexible's RateLimiterPrisma store), kept in
-- PostgreSQL so that every app instance on this database shares them.
-- CreateTable
CREATE TABLE "rate_limits" (
    "key" TEXT NOT NULL,
    "points" INTEGER NOT NULL,
    "expire" TIMESTAMPTZ(3),

    CONSTRAINT "rate_limits_pkey" PRIMARY KEY ("key")
);
