import { publicModuleHandler } from '../core/public-handler.js';
import { buildOpenApiDocument } from './document.js';
import { openapiRoutes } from './routes.js';

let document: ReturnType<typeof buildOpenApiDocument> | undefined;

export const handler = publicModuleHandler('openapi', openapiRoutes, {
  async getOpenApiDocument() {
    document ??= buildOpenApiDocument();
    return { body: document, headers: { 'cache-control': 'public, max-age=300' } };
  },
});
