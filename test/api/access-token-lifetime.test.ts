import { describe, expect, it } from 'vitest';
import { ACCESS_TOKEN_SECONDS } from '../../src/http/authenticate.js';
import { useTestApp } from '../support/app.js';
import { useTestDb } from '../support/db.js';

const t = useTestDb();
const h = useTestApp(t);

function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1] as string, 'base64url').toString('utf8')) as Record<string, unknown>;
}

describe('access tokens', () => {
  it('live at most ten minutes, counted from the app clock', () => {
    h.clock.advanceSeconds(3600);
    const token = h.app.jwt.sign({ sub: 'u', sid: 's', role: 'admin' }, { jti: 'j', clockTimestamp: h.clock.now().getTime() });
    const claims = claimsOf(token);
    expect(ACCESS_TOKEN_SECONDS).toBe(600);
    expect(Number(claims.exp) - Number(claims.iat)).toBe(ACCESS_TOKEN_SECONDS);
    expect(claims.iat).toBe(Math.floor(h.clock.now().getTime() / 1000));
  });
});
