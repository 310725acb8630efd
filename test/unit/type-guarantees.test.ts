// The generic child path (debts, incomes, expenses, actions) is typed by the tables themselves:
// a misspelt column is a compile error (`npm run typecheck` covers test/), not a 500 at run time.
// Each `@ts-expect-error` below fails the typecheck the day the mistake under it compiles again.
import { describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.js';
import { updateChildIfVersion } from '../../src/modules/dossiers/dossier-children.repository.js';
import {
  bodyColumns, type ChildChanges, type NewChildRow,
} from '../../src/modules/dossiers/dossier-children.service.js';
import type { DossierCore, DossierRef } from '../../src/access/dossier-scope.js';

describe('child column types', () => {
  it('a misspelt column in a child update does not compile', () => {
    const good: ChildChanges<'debts'> = { balanceCents: 100, status: 'open' };
    // @ts-expect-error `balanceCent` is no column of debts
    const misspelt: ChildChanges<'debts'> = { balanceCent: 100 };
    // @ts-expect-error the version moves by itself, a resource never sets it
    const managed: ChildChanges<'incomes'> = { version: 3 };
    expect(Object.keys(good)).toEqual(['balanceCents', 'status']);
    expect([misspelt, managed]).toHaveLength(2);
  });

  it('a body field passed through as a column must name one', () => {
    const body = { amountCents: 500, frequency: 'month' as const };
    expect(bodyColumns('incomes', body)).toBe(body);
    const misnamed = { amountCent: 500 };
    // @ts-expect-error `amountCent` is no column of incomes
    expect(bodyColumns('incomes', misnamed)).toBe(misnamed);
  });

  it('a new child row names only its own table’s columns', () => {
    // @ts-expect-error `titleEncrypted` is a column of actions, not of expenses
    const row: NewChildRow<'expenses'> = { group: 'vaste_lasten', category: 'huur', amountCents: 1, frequency: 'month', description: null, titleEncrypted: 'x' };
    expect(row.amountCents).toBe(1);
  });

  it('the repository refuses changes of another table', () => {
    // Only typechecked: calling it would need a database.
    const update = (db: Kysely<Database>, dossier: DossierRef) =>
      // @ts-expect-error `dueDate` is a column of actions, not of debts
      updateChildIfVersion(db, 'debts', dossier, 'id', 1, { dueDate: '2026-12-01' }, new Date());
    expect(typeof update).toBe('function');
  });
});

describe('the dossier brand', () => {
  it('an object of the right shape is not a checked dossier', () => {
    const fields = {
      id: 'd', residentId: 'r', locationId: 'l', phase: 'A' as const, version: 1,
      consentGivenAt: null, consentWithdrawnAt: null, closedAt: null,
    };
    // @ts-expect-error only the dossier gate mints a DossierRef (passGate)
    const handMade: DossierRef = fields;
    const takesChecked = (dossier: DossierCore) => dossier.id;
    // @ts-expect-error a DossierRef has no cipher: content needs the gate's DossierCore
    const withoutCipher = () => takesChecked(handMade);
    expect([handMade.id, typeof withoutCipher]).toEqual(['d', 'function']);
  });
});
