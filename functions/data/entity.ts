import * as z from 'zod/mini';
import type { $ZodType } from 'zod/v4/core';

/**
 * Entities as data, after ElectroDB: each stored entity is declared once, in
 * its module's `entities.ts` (tag, key, index keys, attribute schema, version),
 * and only that module's repositories use the declaration. Every read is checked
 * against the schema, so a malformed item fails loudly, naming its key, instead
 * of deep in a handler.
 */
export interface ItemKey {
  PK: string;
  SK: string;
}

/** A stored item as DynamoDB returns it. */
export type StoredItem = Record<string, unknown>;

/** Sort keys that order lists fold case, so that names sort the way people expect. */
export const sortable = (text: string): string => text.normalize('NFKC').toLocaleLowerCase('uk').trim();

/** Attributes every item carries besides its own: where it lives and what it is. */
const bookkeeping = ['PK', 'SK', 'GSI1PK', 'GSI1SK', 'GSI2PK', 'GSI2SK', 'entity', 'entityVersion'] as const;

export interface EntityDeclaration<Schema extends z.ZodMiniType<object>, KeyArgs extends unknown[]> {
  /** Stored as `entity`: what a partition holding several entities tells them apart by. */
  tag: string;
  /** Stored as `entityVersion`; raise it with a migration when the attributes change incompatibly. */
  version: number;
  schema: Schema;
  key: (...args: KeyArgs) => ItemKey;
  /** The key of a value that names its own place; without it, items are written at a key the repository builds with `key`. */
  keyOf?: (value: z.infer<Schema>) => ItemKey;
  /** The index keys the item carries, if any (none: it is in no list). */
  indexKeysOf?: (value: z.infer<Schema>) => Partial<Record<'GSI1PK' | 'GSI1SK' | 'GSI2PK' | 'GSI2SK', string>>;
  /** Brings an item written at an older version up to `version`. */
  migrate?: (item: StoredItem, fromVersion: number) => StoredItem;
}

export class MalformedItemError extends Error {
  constructor(item: StoredItem, problem: string) {
    super(`Stored item ${String(item.PK)} / ${String(item.SK)} (${String(item.entity)}): ${problem}`);
    this.name = 'MalformedItemError';
  }
}

const withoutBookkeeping = (item: StoredItem): StoredItem => {
  const value = { ...item };
  for (const name of bookkeeping) delete value[name];
  return value;
};

const describe = (issues: readonly { path: PropertyKey[]; message: string }[]): string =>
  issues.slice(0, 5).map((issue) => `${issue.path.map(String).join('.') || '(item)'}: ${issue.message}`).join('; ');

export const defineEntity = <Schema extends z.ZodMiniType<object>, KeyArgs extends unknown[]>(declaration: EntityDeclaration<Schema, KeyArgs>) => {
  type Value = z.infer<Schema>;
  const { tag, version, schema, key, keyOf, indexKeysOf, migrate } = declaration;

  const checked = (item: StoredItem, against: $ZodType, whole = true): StoredItem => {
    if (item.entity !== tag) throw new MalformedItemError(item, `expected a ${tag}`);
    const written = typeof item.entityVersion === 'number' ? item.entityVersion : 1;
    if (written > version) throw new MalformedItemError(item, `written at version ${written}, this code reads ${version}`);
    // A projection carries no version: it is checked as stored (project only attributes every version has).
    const current = whole && written < version && migrate ? migrate(item, written) : item;
    const value = withoutBookkeeping(current);
    const result = z.safeParse(against, value);
    if (!result.success) throw new MalformedItemError(item, describe(result.error.issues));
    // The value as stored, not as parsed: attributes a newer release added survive this one's read-modify-write.
    return value;
  };

  return {
    tag,
    version,
    schema,
    key,
    /** The item to Put: key, index keys, tag and version, then the value. */
    item: (value: Value, at?: ItemKey): StoredItem => {
      const itemKey = at ?? keyOf?.(value);
      if (!itemKey) throw new Error(`A ${tag} is written at a key its repository builds.`);
      return { ...itemKey, ...indexKeysOf?.(value), entity: tag, entityVersion: version, ...value };
    },
    is: (item: StoredItem): boolean => item.entity === tag,
    /** For an UpdateExpression that may create the item: SET its tag (`set`), with these names and values. */
    tagging: { set: '#entity = :entity', names: { '#entity': 'entity' }, values: { ':entity': tag } },
    /** The value of a stored item, checked against the schema (throws MalformedItemError). */
    read: (item: StoredItem): Value => checked(item, schema) as Value,
    /** A read that asked only for some attributes (a ProjectionExpression that includes `entity`): checked against those (object schemas only). */
    readPart: <K extends keyof Value & string>(item: StoredItem, attributes: readonly K[]): Pick<Value, K> =>
      checked(item, z.pick(schema as unknown as z.ZodMiniObject, Object.fromEntries(attributes.map((name) => [name, true])) as never), false) as Pick<Value, K>,
    /** The items of this entity among a partition's mixed items, each checked. */
    readAll: (items: StoredItem[]): Value[] => items.filter((item) => item.entity === tag).map((item) => checked(item, schema) as Value),
  };
};

export type Entity<Value> = {
  tag: string;
  item: (value: Value) => StoredItem;
  read: (item: StoredItem) => Value;
};

/**
 * What a module's repository lends other repositories of an entity it owns: its key
 * and checked reads, so that they can fetch it in their own batch reads and queries
 * (one request), but never write it or build its keys by hand.
 */
export const readsOf = <Value, KeyArgs extends unknown[]>(entity: { key: (...args: KeyArgs) => ItemKey; is: (item: StoredItem) => boolean; read: (item: StoredItem) => Value; readAll: (items: StoredItem[]) => Value[] }) => ({
  key: entity.key, is: entity.is, read: entity.read, readAll: entity.readAll,
});
