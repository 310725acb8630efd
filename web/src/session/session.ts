// The browser session. The access token lives in this module's memory only: never in the
// browser's web storage, a readable cookie or the URL. The refresh token is an HttpOnly
// cookie this code never sees; /auth/browser/* renew and end it and refuse other sites (they
// check Origin and the custom header below).
import { useSyncExternalStore } from 'react';

export interface SessionUser {
  id: string;
  role: 'resident' | 'maatje' | 'coordinator' | 'evaluator' | 'admin';
  displayName: string;
}

export type SessionState =
  | { status: 'starting' }
  | { status: 'signedOut' }
  | { status: 'signedIn'; user: SessionUser };

const BROWSER_AUTH = '/api/v1/auth/browser';
const CLIENT_HEADER = { 'x-schoon-schip-client': 'web' } as const;

let state: SessionState = { status: 'starting' };
let accessToken: string | undefined;
let refreshing: Promise<boolean> | undefined;
const listeners = new Set<() => void>();

function setState(next: SessionState) {
  state = next;
  for (const listener of listeners) listener();
}

export function useSession(): SessionState {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => state,
  );
}

interface BrowserSession {
  accessToken: string;
  user: SessionUser;
}

function accept(body: BrowserSession) {
  accessToken = body.accessToken;
  setState({ status: 'signedIn', user: body.user });
}

export type SignInResult = { ok: true } | { ok: false; status: number; code?: string };

/**
 * Reads an answer nobody needs to its end. Chromium keeps a fetch whose body is never read open
 * (the network stack waits for the page to drain it), so an unread 401 stayed a pending request.
 */
async function discard(response: Response): Promise<void> {
  await response.arrayBuffer().catch(() => undefined);
}

async function postAuth(path: string, body?: unknown): Promise<Response> {
  return fetch(`${BROWSER_AUTH}/${path}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: body === undefined ? CLIENT_HEADER : { ...CLIENT_HEADER, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function signInWith(path: 'login' | 'activate', body: unknown): Promise<SignInResult> {
  let response: Response;
  try {
    response = await postAuth(path, body);
  } catch {
    return { ok: false, status: 0, code: 'network' };
  }
  if (response.ok) {
    accept(await response.json() as BrowserSession);
    return { ok: true };
  }
  const problem = await response.json().catch(() => ({})) as { code?: string };
  return { ok: false, status: response.status, code: problem.code };
}

export function signIn(username: string, password: string): Promise<SignInResult> {
  return signInWith('login', { username, password });
}

export function activateAccount(code: string, username: string, password: string): Promise<SignInResult> {
  return signInWith('activate', { code, username, password });
}

/** One refresh at a time: parallel 401s share it (a refresh token used twice ends the session). */
export function refreshSession(): Promise<boolean> {
  refreshing ??= (async () => {
    try {
      const response = await postAuth('refresh');
      if (response.ok) {
        accept(await response.json() as BrowserSession);
        return true;
      }
      await discard(response);
      accessToken = undefined;
      setState({ status: 'signedOut' });
      return false;
    } catch {
      // Offline: keep what is on screen; the next request tries again.
      return false;
    } finally {
      refreshing = undefined;
    }
  })();
  return refreshing;
}

export type SignOutReason = 'user' | 'idle';

/**
 * Ends the session on the server and then reloads the page, which throws away every byte of
 * dossier data this tab held in memory (query cache, forms, component state).
 */
export async function signOut(reason: SignOutReason = 'user'): Promise<void> {
  accessToken = undefined;
  try {
    await discard(await postAuth('logout'));
  } finally {
    window.location.replace(reason === 'idle' ? '/?afgemeld=inactief' : '/?afgemeld=ja');
  }
}

function withToken(request: Request): Request {
  if (accessToken !== undefined) request.headers.set('authorization', `Bearer ${accessToken}`);
  return request;
}

/**
 * The API client's fetch: adds the token; on a 401 refreshes silently once and repeats the
 * request with the same body, so an expired token never costs the maatje what was typed.
 */
export async function authorizedFetch(request: Request): Promise<Response> {
  const retry = request.clone();
  const response = await fetch(withToken(request));
  if (response.status !== 401 || state.status !== 'signedIn') return response;
  if (!(await refreshSession())) return response;
  await discard(response);
  return fetch(withToken(retry));
}
