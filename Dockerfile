# The app for a server with its own PostgreSQL (see docker-compose.yml). DATABASE_URL is required there, so the
# embedded PostgreSQL is never started inside the container.
FROM node:20.19-bookworm-slim
ENV PNPM_VERSION=12.21.0 NODE_ENV=production
RUN npm install -g pnpm@${PNPM_VERSION}
WORKDIR /app
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml ./
COPY backend/package.json backend/package.json
COPY frontend/package.json frontend/package.json
COPY packages/domain/package.json packages/domain/package.json
COPY backend/prisma backend/prisma
COPY backend/prisma.config.ts backend/prisma.config.ts
RUN pnpm install --frozen-lockfile
COPY . .
# Both built into the image: the container runs compiled JavaScript as an unprivileged user and writes nothing.
RUN pnpm --filter frontend build && pnpm --filter backend build
USER node
EXPOSE 3000
CMD ["node", "--enable-source-maps", "backend/dist/main.cjs"]
