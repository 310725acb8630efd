// Kysely's CamelCasePlugin, with every name it converts kept: it renames each identifier of every
// query it builds and each key of every row it returns, character by character, and the same few
// hundred column names come by on every request. Same rule, same results.
import { CamelCasePlugin } from 'kysely';

// Names come from code (tables, columns, aliases), never from input; the bound only guards a mistake.
const MAX_NAMES = 10_000;

function remembered(cache: Map<string, string>, name: string, convert: (name: string) => string): string {
  let converted = cache.get(name);
  if (converted === undefined) {
    converted = convert(name);
    if (cache.size < MAX_NAMES) cache.set(name, converted);
  }
  return converted;
}

export class ColumnNamesPlugin extends CamelCasePlugin {
  readonly #camel = new Map<string, string>();
  readonly #snake = new Map<string, string>();

  constructor(options: { maintainNestedObjectKeys?: boolean } = {}) {
    super({ underscoreBeforeDigits: true, ...options });
  }

  protected override camelCase(name: string): string {
    return remembered(this.#camel, name, (n) => super.camelCase(n));
  }

  protected override snakeCase(name: string): string {
    return remembered(this.#snake, name, (n) => super.snakeCase(n));
  }

  /** The camelCase key Kysely gives a column of this SQL name. */
  toCamel(name: string): string {
    return this.camelCase(name);
  }
}
