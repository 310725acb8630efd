// What the auth routes (the API's /auth and the web app's /auth/browser) hand the auth services:
// built in one place, so both doors sign tokens and key client addresses the same way.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ACCESS_TOKEN_SECONDS } from '../../http/authenticate.js';
import type { SignAccessToken } from './session.service.js';

export function authContextFor(app: FastifyInstance) {
  const signAccessToken: SignAccessToken = (claims, options) => {
    const issuedAt = options?.issuedAt.getTime() ?? app.now().getTime();
    return {
      accessToken: app.jwt.sign({ ...claims }, { jti: options?.jti ?? randomUUID(), clockTimestamp: issuedAt }),
      // A token handed out again within the refresh grace window has less left to live.
      expiresIn: ACCESS_TOKEN_SECONDS - Math.max(0, Math.floor((app.now().getTime() - issuedAt) / 1000)),
    };
  };
  return (request: FastifyRequest) => ({
    db: app.db,
    now: app.now(),
    requestId: request.id,
    secret: app.appConfig.rootSecret,
    clientAddress: request.ip,
    signAccessToken,
    cipher: app.cipher,
  });
}
