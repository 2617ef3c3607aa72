import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { AppError } from '../../functions/core/errors.js';
import { problemResponse } from '../../functions/core/http.js';
import { routeKeyOf } from '../../functions/core/route.js';
import { routes, type AppRoute, type ModuleName } from '../../functions/routes.js';
import type { RunningService } from './dynamodb.js';
import type { Container } from './containers.js';
import { jwtAuthorizer, type JwtAuthorizerConfig } from './authorizer.js';
import { apiScope } from './oidc.js';

/**
 * The local stand-in for API Gateway: matches the request against the route
 * table, verifies the JWT like the HTTP API authorizer, builds the
 * APIGatewayProxyEventV2 and invokes the module's function, which runs the very
 * handler CDK deploys in a container with its Lambda's environment and grants.
 */
const maxBodyBytes = 1024 * 1024;

const compiled = routes.map((route) => ({
  route,
  pattern: new RegExp(`^${route.path.replace(/[.]/g, '\\.').replace(/\{(\w+)\}/g, '(?<$1>[^/]+)')}$`),
}));

const matchRoute = (method: string, path: string): { route: AppRoute; pathParameters: Record<string, string> } | 'wrong-method' | undefined => {
  let pathMatched = false;
  for (const { route, pattern } of compiled) {
    const match = pattern.exec(path);
    if (!match) continue;
    pathMatched = true;
    if (route.method !== method) continue;
    const pathParameters = Object.fromEntries(Object.entries(match.groups ?? {}).map(([name, value]) => [name, safeDecode(value)]));
    return { route, pathParameters };
  }
  return pathMatched ? 'wrong-method' : undefined;
};

const safeDecode = (value: string): string => {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
};

const readBody = async (req: IncomingMessage): Promise<string | undefined> => {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBodyBytes) throw new AppError('invalid_request', 'The request body is larger than 1 MB.');
    chunks.push(chunk as Buffer);
  }
  return chunks.length === 0 ? undefined : Buffer.concat(chunks).toString('utf8');
};

const send = (res: ServerResponse, result: APIGatewayProxyStructuredResultV2): void => {
  const body = result.body === undefined ? '' : result.isBase64Encoded ? Buffer.from(result.body, 'base64') : result.body;
  res.writeHead(result.statusCode ?? 200, Object.fromEntries(Object.entries(result.headers ?? {}).map(([name, value]) => [name, String(value)])));
  res.end(body);
};

export interface ApiServerOptions {
  port: number;
  authorizer: JwtAuthorizerConfig;
  /** Each module's function, as CDK deploys it (containers.ts). */
  functions: ReadonlyMap<ModuleName, Pick<Container, 'invoke'>>;
}

export const startApiServer = async (options: ApiServerOptions): Promise<RunningService> => {
  const authorize = jwtAuthorizer(options.authorizer);

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = (req.method ?? 'GET').toUpperCase();
    const matched = matchRoute(method, url.pathname);
    if (matched === undefined || matched === 'wrong-method') {
      return send(res, problemResponse(new AppError('not_found', `No route ${method} ${url.pathname}.`).toProblem()));
    }
    const { route, pathParameters } = matched;
    const headers = Object.fromEntries(Object.entries(req.headers).flatMap(([name, value]) => (value === undefined ? [] : [[name.toLowerCase(), Array.isArray(value) ? value.join(', ') : value]])));

    let claims: Record<string, string> | undefined;
    let scopes: string[] = [];
    if (route.access !== 'public') {
      const verdict = await authorize(headers.authorization, [apiScope]);
      // As API Gateway: a valid token without the route's scope is forbidden (403), any other failure unauthenticated (401).
      if (!verdict.ok && verdict.reason === 'scope') return send(res, problemResponse(new AppError('forbidden', 'The access token does not carry the scope this route requires.').toProblem()));
      if (!verdict.ok) return send(res, problemResponse(new AppError('unauthenticated', 'A valid access token is required.').toProblem()));
      ({ claims, scopes } = verdict);
    }

    const body = await readBody(req);
    const requestId = randomUUID();
    // A Map, then fromEntries: names such as __proto__ become own keys, as in API Gateway's JSON event.
    const query = new Map<string, string>();
    for (const [name, value] of url.searchParams) query.set(name, query.has(name) ? `${query.get(name) ?? ''},${value}` : value);
    const queryStringParameters: Record<string, string> = Object.fromEntries(query);
    const now = new Date();
    const event = {
      version: '2.0',
      routeKey: routeKeyOf(route),
      rawPath: url.pathname,
      rawQueryString: url.search.replace(/^\?/, ''),
      headers,
      ...(url.search ? { queryStringParameters } : {}),
      ...(Object.keys(pathParameters).length > 0 ? { pathParameters } : {}),
      ...(body === undefined ? {} : { body }),
      isBase64Encoded: false,
      requestContext: {
        accountId: '000000000000',
        apiId: 'local',
        domainName: headers.host ?? 'localhost',
        domainPrefix: 'local',
        http: { method, path: url.pathname, protocol: 'HTTP/1.1', sourceIp: req.socket.remoteAddress ?? '127.0.0.1', userAgent: headers['user-agent'] ?? '' },
        requestId,
        routeKey: routeKeyOf(route),
        stage: '$default',
        time: now.toUTCString(),
        timeEpoch: now.getTime(),
        ...(claims ? { authorizer: { principalId: '', integrationLatency: 0, jwt: { claims, scopes } } } : {}),
      },
    } as APIGatewayProxyEventV2WithJWTAuthorizer;
    const fn = options.functions.get(route.module);
    if (!fn) throw new Error(`No function for module ${route.module}`);
    send(res, await fn.invoke<APIGatewayProxyStructuredResultV2>(event));
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      send(res, problemResponse(error instanceof AppError ? error.toProblem() : new AppError('internal', 'The local API failed.').toProblem()));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  return {
    url: `http://127.0.0.1:${options.port}`,
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
