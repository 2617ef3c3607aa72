import type { RouteDefinition } from './core/route.js';
import { openapiRoutes } from './openapi/routes.js';
import { userRoutes } from './users/routes.js';
import { organisationRoutes } from './organisations/routes.js';
import { memorandumRoutes } from './memoranda/routes.js';
import { eventRoutes } from './events/routes.js';
import { obligationRoutes } from './obligations/routes.js';
import { reportRoutes } from './reports/routes.js';
import { programmeRoutes } from './programmes/routes.js';
import { digestPrefix } from './memoranda/digest.js';
import type { FunctionAccess } from './core/access.js';
import { evidencePrefix } from './reports/document-keys.js';
import { materialsPrefix } from './programmes/document-keys.js';
import { memorandumFilesPrefix } from './signing/document-keys.js';
import { eventMaterialsPrefix } from './events/document-keys.js';
import { exportsPrefix } from './exports/document-keys.js';

/**
 * THE route table. CDK creates one Lambda per module and one HTTP API route per
 * entry; the local server dispatches from it; the OpenAPI document and the
 * authorization-matrix test are generated from it. Each domain declares its
 * routes beside its code (`functions/<domain>/routes.ts`); they meet only here.
 */
export const routes = [
  ...openapiRoutes,
  ...userRoutes,
  ...organisationRoutes,
  ...memorandumRoutes,
  ...eventRoutes,
  ...obligationRoutes,
  ...reportRoutes,
  ...programmeRoutes,
] as const satisfies readonly RouteDefinition[];

export type AppRoute = (typeof routes)[number];
export type ModuleName = AppRoute['module'];
export type RoutesOf<M extends ModuleName> = Extract<AppRoute, { module: M }>;

export const moduleNames = [...new Set(routes.map((route) => route.module))] as ModuleName[];

/**
 * What each module's function may touch (functions/core/access.ts): the CDK
 * stack grants exactly this, and the local stack gives each module's handler
 * only this. Document prefixes are the constants the module builds its keys with.
 */
export const moduleAccess: Record<ModuleName, FunctionAccess> = {
  openapi: {},
  organisations: { table: 'readwrite' },
  users: { table: 'readwrite', directory: true },
  memoranda: { table: 'readwrite', mail: true },
  obligations: { table: 'read' },
  events: { table: 'readwrite', documents: { readwrite: [eventMaterialsPrefix] } },
  reports: { table: 'readwrite', documents: { readwrite: [evidencePrefix] } },
  programmes: { table: 'readwrite', documents: { readwrite: [materialsPrefix] } },
  exports: { table: 'readwrite', documents: { read: [exportsPrefix] }, renderQueue: 'send' },
  signing: { table: 'readwrite', documents: { readwrite: [memorandumFilesPrefix], read: [digestPrefix], retain: [memorandumFilesPrefix] }, digestKey: 'verify', mail: true, renderQueue: 'send' },
};

/** The renderer (export files, memoranda's final texts and certificates): fed by the render queue, no routes; the only function with pdfmake's fonts. */
export const rendererAccess: FunctionAccess = { table: 'readwrite', documents: { readwrite: [exportsPrefix, memorandumFilesPrefix], retain: [memorandumFilesPrefix] }, fonts: true, renderQueue: 'consume' };

/** The daily job (memoranda coming into force, reminders, audit digests): scheduled, no routes. */
export const dailyJobAccess: FunctionAccess = { table: 'readwrite', documents: { readwrite: [digestPrefix] }, digestKey: 'sign', mail: true };
