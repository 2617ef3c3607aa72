import { readFileSync, readdirSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { defineEntity, MalformedItemError } from '../../functions/data/entity.js';

/**
 * Entities are declared once, in their module's `entities.ts`, and only that
 * module's repositories build their keys or read their items (issue 15).
 */
const root = resolve(import.meta.dirname, '../..');
const runtimeFiles = (folder: string) =>
  readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(ts|vue)$/.test(file) && !file.endsWith('.d.ts'))
    .map((file) => join(folder, file));
const sources = [...runtimeFiles('functions'), ...runtimeFiles('web/src'), ...runtimeFiles('infra')].map((file) => ({ file, text: readFileSync(join(root, file), 'utf8') }));
const declarations = sources.filter(({ file }) => basename(file) === 'entities.ts');

const importsOf = (file: string, text: string) =>
  [...text.matchAll(/from '(\.[^']+)'/g)].map((match) => relative(root, resolve(root, dirname(file), (match[1] ?? '').replace(/\.js$/, '.ts'))));

describe('entities are declared once and stay with their repositories', () => {
  it('declares entities only in entities.ts files', () => {
    const elsewhere = sources.filter(({ file, text }) => basename(file) !== 'entities.ts' && file !== 'functions/data/entity.ts' && /\bdefineEntity\(/.test(text)).map(({ file }) => file);
    expect(declarations.length).toBeGreaterThanOrEqual(9);
    expect(elsewhere).toEqual([]);
  });

  it("imports a module's entities only from its own repositories", () => {
    const leaks = sources.flatMap(({ file, text }) =>
      importsOf(file, text)
        .filter((target) => basename(target) === 'entities.ts')
        .filter((target) => dirname(target) !== dirname(file) || !/repository\.ts$/.test(file))
        .map((target) => `${file} imports ${target}`));
    expect(leaks).toEqual([]);
  });

  it('writes no table key by hand outside entities.ts', () => {
    // A key is a tag in capitals followed by '#' at the start of a string: `MOU#…`, 'OBL#'.
    const handWritten = sources
      .filter(({ file }) => basename(file) !== 'entities.ts')
      .flatMap(({ file, text }) => text.split('\n').flatMap((line, index) => (/['"`][A-Z][A-Z_]*#/.test(line) ? [`${file}:${index + 1}: ${line.trim()}`] : [])));
    expect(handWritten).toEqual([]);
  });

  it('reads the entity tag only through the declaration', () => {
    const byHand = sources
      .filter(({ file }) => file !== 'functions/data/entity.ts')
      .flatMap(({ file, text }) => text.split('\n').flatMap((line, index) => (/\.entity\b|\bentity: '|'entity'/.test(line) ? [`${file}:${index + 1}: ${line.trim()}`] : [])));
    expect(byHand).toEqual([]);
  });

  it('gives every entity its own tag', async () => {
    const tags: string[] = [];
    for (const { file } of declarations) {
      const declared = (await import(join(root, file))) as Record<string, unknown>;
      for (const value of Object.values(declared)) {
        if (value && typeof value === 'object' && 'tag' in value && 'read' in value) tags.push(String(value.tag));
      }
    }
    expect(tags.length).toBeGreaterThanOrEqual(25);
    expect(new Set(tags).size).toBe(tags.length);
  });
});

describe('the source tree', () => {
  it('keeps every runtime file of functions/ and web/src under 300 lines (issue 15): a concern that grows gets a file of its own', () => {
    const long = sources.filter(({ file }) => /^(functions|web\/src)\//.test(file) && !/\/i18n\//.test(file)).map(({ file, text }) => [file, text.split('\n').length] as const).filter(([, lines]) => lines > 300);
    expect(long).toEqual([]);
  });
});

describe('an entity', () => {
  const note = defineEntity({
    tag: 'note',
    version: 2,
    schema: z.object({ id: z.string(), text: z.string(), pages: z.number() }),
    key: (id: string) => ({ PK: `NOTE#${id}`, SK: 'NOTE' }),
    keyOf: (value) => ({ PK: `NOTE#${value.id}`, SK: 'NOTE' }),
    indexKeysOf: (value) => ({ GSI1PK: 'NOTES', GSI1SK: value.text }),
    migrate: (item, from) => (from === 1 ? { ...item, pages: 1 } : item),
  });

  it('writes its key, index keys, tag and version with the value', () => {
    expect(note.item({ id: 'a', text: 'hello', pages: 3 })).toEqual({ PK: 'NOTE#a', SK: 'NOTE', GSI1PK: 'NOTES', GSI1SK: 'hello', entity: 'note', entityVersion: 2, id: 'a', text: 'hello', pages: 3 });
  });

  it('reads the value back without the bookkeeping, keeping attributes a newer release added', () => {
    expect(note.read({ ...note.item({ id: 'a', text: 'hello', pages: 3 }), addedLater: true })).toEqual({ id: 'a', text: 'hello', pages: 3, addedLater: true });
  });

  it('fails loudly on a malformed item, naming its key and every bad attribute', () => {
    const item = { PK: 'NOTE#b', SK: 'NOTE', entity: 'note', entityVersion: 2, id: 'b', text: 7 };
    expect(() => note.read(item)).toThrow(MalformedItemError);
    expect(() => note.read(item)).toThrow(/NOTE#b \/ NOTE \(note\): text: .*; pages: /);
  });

  it('refuses an item of another entity, or one written by a newer version', () => {
    expect(() => note.read({ PK: 'NOTE#c', SK: 'NOTE', entity: 'memo', id: 'c', text: 'x', pages: 1 })).toThrow(/expected a note/);
    expect(() => note.read({ PK: 'NOTE#c', SK: 'NOTE', entity: 'note', entityVersion: 3, id: 'c', text: 'x', pages: 1 })).toThrow(/written at version 3/);
  });

  it('migrates an item written at an older version (no version: the first)', () => {
    expect(note.read({ PK: 'NOTE#d', SK: 'NOTE', entity: 'note', id: 'd', text: 'old' })).toEqual({ id: 'd', text: 'old', pages: 1 });
  });

  it('checks a projection against the attributes asked for', () => {
    expect(note.readPart({ entity: 'note', id: 'e' }, ['id'])).toEqual({ id: 'e' });
    expect(() => note.readPart({ entity: 'note', id: 5 }, ['id'])).toThrow(MalformedItemError);
  });

  it('picks its items out of a mixed partition', () => {
    const items = [note.item({ id: 'f', text: 'one', pages: 1 }), { PK: 'NOTE#f', SK: 'OTHER', entity: 'other' }];
    expect(note.readAll(items)).toEqual([{ id: 'f', text: 'one', pages: 1 }]);
  });
});
