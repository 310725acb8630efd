// The one Database interface: table types in camelCase (the CamelCasePlugin maps to SQL snake_case).
// Written by hand next to the migrations; a contract test compares it with information_schema.
import type { ColumnType, Generated } from 'kysely';
import type { Role } from '../lib/vocabulary.js';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export type { Role };

export interface LocationsTable {
  id: Generated<string>;
  name: string;
  city: string;
  createdAt: Generated<Date>;
}

export interface UsersTable {
  id: Generated<string>;
  role: Role;
  username: string | null;
  displayName: string;
  locationId: string | null;
  passwordHash: string | null;
  disabledAt: NullableTimestamp;
  trainedAt: NullableTimestamp;
  failedLoginCount: Generated<number>;
  loginBlockedUntil: NullableTimestamp;
  version: Generated<number>;
  createdAt: Generated<Date>;
  updatedAt: Timestamp;
}

export interface SessionsTable {
  id: Generated<string>;
  userId: string;
  createdAt: Generated<Date>;
  expiresAt: Timestamp;
  revokedAt: NullableTimestamp;
  revokedReason: string | null;
}

export interface RefreshTokensTable {
  id: Generated<string>;
  sessionId: string;
  tokenHash: Buffer;
  createdAt: Generated<Date>;
  expiresAt: Timestamp;
  spentAt: NullableTimestamp;
}

export interface RateLimitCountersTable {
  key: Buffer;
  hits: number;
  windowEndsAt: Timestamp;
}

export interface ActivationCodesTable {
  id: Generated<string>;
  userId: string;
  codeHmac: Buffer;
  createdAt: Generated<Date>;
  expiresAt: Timestamp;
  usedAt: NullableTimestamp;
  attempts: Generated<number>;
  createdBy: string | null;
}

export type AuditOutcome = 'success' | 'denied' | 'failure';

export interface AuditEventsTable {
  id: ColumnType<number, never, never>;
  occurredAt: Generated<Date>;
  actorUserId: string | null;
  actorRole: Role | null;
  action: string;
  dossierId: string | null;
  subjectUserId: string | null;
  outcome: AuditOutcome;
  requestId: string | null;
  details: ColumnType<Record<string, unknown> | null, string | null | undefined, never>;
}

export interface Database {
  locations: LocationsTable;
  users: UsersTable;
  sessions: SessionsTable;
  refreshTokens: RefreshTokensTable;
  rateLimitCounters: RateLimitCountersTable;
  activationCodes: ActivationCodesTable;
  auditEvents: AuditEventsTable;
}
