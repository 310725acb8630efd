// A statement that runs on every request (the sign-in check, the one-statement dossier read) is
// built and compiled by Kysely once, with stand-ins for its values, instead of on every call; a
// call only supplies the values in the order the compiled SQL wants them. On PostgreSQL the text
// is also sent as a named (prepared) statement (database.ts), so each connection parses and plans
// it once instead of on every call. The SQL text and the values are exactly what Kysely compiled.
import type { Compilable, CompiledQuery, Kysely } from 'kysely';
import type { Database } from './schema.js';

const SLOT = Symbol('statement value');
interface Slot {
  readonly [SLOT]: string;
}

const isSlot = (value: unknown): value is Slot => typeof value === 'object' && value !== null && SLOT in value;

// A handful of texts (one per template and shape), so the prepared statements per connection stay few.
const preparedNames = new Map<string, string>();
// Every statement asks; its length answers most of them without hashing the whole text.
const preparedLengths = new Set<number>();

let renamed = 0;

/** The name a template's statement text is prepared under; undefined for every other statement. */
export function preparedStatementName(text: string): string | undefined {
  return preparedLengths.has(text.length) ? preparedNames.get(text) : undefined;
}

/**
 * A prepared statement whose result columns changed under it (a migration added a column to a
 * table it selects `*` from) fails on every connection that prepared it. Under a new name each
 * connection prepares it afresh, so only the calls already under way fail.
 */
export function prepareAgainUnderNewName(text: string): void {
  const name = preparedNames.get(text);
  if (name !== undefined) preparedNames.set(text, `${name}_${++renamed}`);
}

/**
 * `build` receives stand-ins for `names` (`row.balanceCents` stands for values.row.balanceCents)
 * and must use them only as values (in comparisons, inserted values); the SQL it builds may not depend on them. Everything else it uses is fixed at the first
 * call, built on that call's database (every database of the app compiles the same SQL: PostgreSQL).
 */
export function statementTemplate<V extends object, R>(
  names: readonly NoInfer<keyof V & string>[], build: (db: Kysely<Database>, values: V) => Compilable<R>,
): (db: Kysely<Database>, values: V) => Promise<R[]> {
  let compiled: { query: CompiledQuery<R>; values: ((values: V) => unknown)[] } | undefined;

  const compile = (db: Kysely<Database>) => {
    const slots = Object.fromEntries(names.map((name) => [name, { [SLOT]: name }])) as unknown as V;
    const query = build(db, slots).compile();
    const values = query.parameters.map((parameter) => {
      if (!isSlot(parameter)) return () => parameter;
      const name = parameter[SLOT];
      // `outer.inner` reads values.outer.inner: a caller hands over a row as it is, instead of
      // copying each column into the values under a name made for it on every call.
      const dot = name.indexOf('.');
      if (dot < 0) return (given: V) => given[name as keyof V];
      const [outer, inner] = [name.slice(0, dot), name.slice(dot + 1)];
      return (given: V) => (given as Record<string, Record<string, unknown> | undefined>)[outer]?.[inner];
    });
    if (!preparedNames.has(query.sql)) {
      preparedNames.set(query.sql, `schoon_schip_${preparedNames.size + 1}`);
      preparedLengths.add(query.sql.length);
    }
    return { query, values };
  };

  return async (db, given) => {
    compiled ??= compile(db);
    const parameters = compiled.values.map((value) => value(given));
    const result = await db.executeQuery<R>({ ...compiled.query, parameters });
    return result.rows;
  };
}

/** One template per shape key (a role, a flag combination), made on first use. */
export function statementTemplates<K, T>(make: (key: K) => T): (key: K) => T {
  const made = new Map<K, T>();
  return (key) => {
    let template = made.get(key);
    if (template === undefined) made.set(key, (template = make(key)));
    return template;
  };
}
