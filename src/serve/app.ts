// The HTTP edge, built by a factory so tests call it in-process (app.inject) or on a port.
// It only hands out what the publisher and the status builder made; no path outside
// these routes answers.
import Fastify, { type FastifyInstance } from 'fastify';
import type { Config } from '../config/schema.js';
import type { Metrics } from '../metrics.js';
import type { Publisher } from '../publish/feeds.js';
import { renderOpml } from '../publish/opml.js';
import { registerFeedRoutes } from './feed-routes.js';
import { RIVER_LENGTH, renderIndexPage } from '../publish/river-page.js';
import { renderStatusPage } from './status-page.js';
import type { Status } from './status.js';

export interface AppDeps {
  publisher: Publisher;
  config: () => Config;
  status: () => Promise<Status>;
  metrics?: Metrics;
}

const TOPIC_OPML = /^([a-z0-9-]+)(?:\.opml)?$/;

export function buildApp(deps: AppDeps): FastifyInstance {
  const app = Fastify({ logger: false });
  const { metrics } = deps;

  if (metrics) {
    app.addHook('onResponse', async (req, reply) => {
      metrics.recordRequest(req.routeOptions.url ?? 'not-found', reply.statusCode);
    });
  }

  app.get('/health', async () => ({ status: 'ok' }));

  const river = async (topicId?: string) => {
    const config = deps.config();
    const stories = await deps.publisher.latest(topicId ? { kind: 'topic', id: topicId } : { kind: 'all' }, RIVER_LENGTH);
    return renderIndexPage({ config, stories, topicId });
  };
  app.get('/', async (_req, reply) => reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(await river()));
  app.get<{ Params: { id: string } }>('/topics/:id', async (req, reply) => {
    if (!deps.config().topics.some((t) => t.id === req.params.id)) return reply.code(404).type('text/plain; charset=utf-8').send('no such topic\n');
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(await river(req.params.id));
  });

  app.get('/status', async (_req, reply) =>
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(renderStatusPage(await deps.status())),
  );
  app.get('/status.json', async (_req, reply) =>
    reply.header('cache-control', 'no-cache').type('application/json; charset=utf-8').send(JSON.stringify(await deps.status(), null, 2)),
  );

  if (metrics) {
    app.get('/metrics', async (_req, reply) => reply.type(metrics.registry.contentType).send(await metrics.registry.metrics()));
  }

  app.get('/opml', async (_req, reply) => reply.type('text/x-opml; charset=utf-8').send(renderOpml(deps.config())));
  app.get<{ Params: { file: string } }>('/opml/topics/:file', async (req, reply) => {
    const id = TOPIC_OPML.exec(req.params.file)?.[1];
    if (!id || !deps.config().topics.some((t) => t.id === id)) return reply.code(404).type('text/plain; charset=utf-8').send('no such topic\n');
    return reply.type('text/x-opml; charset=utf-8').send(renderOpml(deps.config(), id));
  });

  registerFeedRoutes(app, deps);

  app.setNotFoundHandler((_req, reply) => reply.code(404).type('text/plain; charset=utf-8').send('not found\n'));
  app.setErrorHandler((err, _req, reply) => {
    const status = (err as { statusCode?: number }).statusCode ?? 500;
    reply.code(status >= 400 ? status : 500).type('text/plain; charset=utf-8').send(status < 500 ? 'bad request\n' : 'internal error\n');
  });
  return app;
}
