import { eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { users } from '../../db/schema/users.js';
import { requireActor } from '../../http/context.js';
import { notFound } from '../../http/problem.js';
import { login } from './login.js';
import { SESSION_COOKIE } from './plugin.js';
import { presentUser } from './presenter.js';
import { forgetActors } from './actor-cache.js';
import { deleteSession } from './repository.js';
import { IdParamsSchema, LoginBodySchema, MeSchema, TokenCreateBodySchema, TokenSchema } from './schemas.js';
import { sha256 } from './secrets.js';
import { createApiToken, listApiTokens, presentToken, revokeApiToken } from './tokens.js';

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, database, now, config, attempts } = app.ctx;

  async function meOf(userId: string, csrfToken: string | null) {
    const [row] = await db.select().from(users).where(eq(users.id, userId));
    if (!row) throw notFound('User');
    return { user: presentUser(row), csrfToken };
  }

  app.post('/api/v1/auth/login', {
    schema: { tags: ['auth'], summary: 'Sign in with e-mail and password; sets the session cookie (429 with Retry-After after too many failures for the account or from the address)', body: LoginBodySchema, response: { 200: MeSchema } },
  }, async (request, reply) => {
    const result = await attempts.guard(attempts.keysFor('sign-in', request.ip, request.body.email), () =>
      login({ db, now, sessionTtlHours: config.SESSION_TTL_HOURS }, request.body));
    void reply.setCookie(SESSION_COOKIE, result.sessionToken, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: request.protocol === 'https',
      expires: result.expiresAt,
    });
    return meOf(result.userId, result.csrfToken);
  });

  app.post('/api/v1/auth/logout', {
    schema: { tags: ['auth'], summary: 'Sign out: ends the session', response: { 204: z.null() } },
  }, async (request, reply) => {
    const cookie = request.cookies[SESSION_COOKIE];
    if (cookie) {
      await deleteSession(db, sha256(cookie));
      forgetActors(database);
    }
    void reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send(null);
  });

  app.get('/api/v1/me', {
    schema: { tags: ['auth'], summary: 'The signed-in user and the CSRF token for cookie-authenticated writes', response: { 200: MeSchema } },
  }, async (request) => {
    const actor = requireActor(request);
    return meOf(actor.userId, actor.csrfToken);
  });

  app.get('/api/v1/me/tokens', {
    schema: { tags: ['auth'], summary: 'Your personal API tokens (never their secrets)', response: { 200: z.object({ items: z.array(TokenSchema) }) } },
  }, async (request) => ({ items: (await listApiTokens(db, requireActor(request))).map(presentToken) }));

  app.post('/api/v1/me/tokens', {
    schema: {
      tags: ['auth'],
      summary: 'Create a personal API token; its secret is shown only in this response',
      body: TokenCreateBodySchema,
      response: { 201: TokenSchema.extend({ token: z.string() }) },
    },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const { token, row } = await createApiToken(db, actor, request.body.name);
    return reply.status(201).send({ ...presentToken(row), token });
  });

  app.delete('/api/v1/me/tokens/:id', {
    schema: { tags: ['auth'], summary: 'Revoke a personal API token', params: IdParamsSchema, response: { 204: z.null() } },
  }, async (request, reply) => {
    await revokeApiToken(db, requireActor(request), request.params.id, now());
    forgetActors(database);
    return reply.status(204).send(null);
  });
};
