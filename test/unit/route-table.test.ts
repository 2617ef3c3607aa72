import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { routeKeyOf } from '../../functions/core/route.js';
import { buildOpenApiDocument } from '../../functions/openapi/document.js';
import { moduleAccess, moduleNames, routes } from '../../functions/routes.js';
import { createTableInput, tableDefinition } from '../../functions/data/table.js';

describe('the route table', () => {
  it('declares each method and path once', () => {
    const keys = routes.map(routeKeyOf);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('has a handler module and declared access for every module', () => {
    for (const module of moduleNames) {
      expect(existsSync(resolve(import.meta.dirname, `../../functions/${module}/handler.ts`)), module).toBe(true);
      expect(moduleAccess[module], module).toBeDefined();
    }
  });

  it('keeps every route under /api with parameters the schema declares', () => {
    for (const route of routes) {
      expect(route.path.startsWith('/api/')).toBe(true);
      const parameters = [...route.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
      const declared = 'params' in route ? Object.keys(route.params.def.shape) : [];
      expect(declared.sort(), routeKeyOf(route)).toEqual(parameters.sort());
    }
  });

  it('makes creating POSTs idempotent and updates conditional', () => {
    for (const route of routes) {
      if (route.method === 'POST' && route.successStatus === 201) expect('idempotent' in route, routeKeyOf(route)).toBe(true);
      if (route.method === 'PATCH' || route.method === 'PUT') expect('requiresIfMatch' in route, routeKeyOf(route)).toBe(true);
    }
  });
});

describe('the OpenAPI document', () => {
  it('describes every route with its operation id and security', () => {
    const document = buildOpenApiDocument();
    for (const route of routes) {
      const operation = document.paths[route.path]?.[route.method.toLowerCase()] as { operationId: string; security: unknown[] } | undefined;
      expect(operation?.operationId).toBe(route.operation);
      expect(operation?.security.length).toBe(route.access === 'public' ? 0 : 1);
    }
  });
});

describe('the table definition', () => {
  it('creates the key schema, the index and the stream the repositories use', () => {
    const input = createTableInput('t');
    expect(input.KeySchema).toEqual([{ AttributeName: 'PK', KeyType: 'HASH' }, { AttributeName: 'SK', KeyType: 'RANGE' }]);
    expect(input.GlobalSecondaryIndexes?.map((index) => index.IndexName)).toEqual(tableDefinition.globalIndexes.map((index) => index.indexName));
    expect(input.StreamSpecification).toEqual({ StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' });
  });
});
