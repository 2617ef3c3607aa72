import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { buildOpenApiDocument } from '../../functions/openapi/document.js';

/** Writes the generated OpenAPI document so that Redocly can lint it (npm run lint:openapi). */
const target = resolve(process.argv[2] ?? 'dist/openapi.json');
await mkdir(dirname(target), { recursive: true });
await writeFile(target, `${JSON.stringify(buildOpenApiDocument('https://pakt.example.org'), null, 2)}\n`);
