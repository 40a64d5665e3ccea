# The API and the admin SPA in one image (for users with Docker; see docker-compose.yml).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY --from=build /app/dist ./dist
COPY tools ./tools
# product images (docs/api.md#catalog-media): a volume of its own, writable by the API (docker-compose.yml)
RUN mkdir -p /data/media && chown node:node /data/media
ENV MEDIA_DIR=/data/media
EXPOSE 3000
USER node
CMD ["node", "--enable-source-maps", "--import", "./tools/register-aliases.js", "dist/apps/api/src/main.js"]
