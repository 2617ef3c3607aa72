import { createServer, Socket } from 'node:net';

/** A port that is free right now (the OS picks it). */
export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('No port'))));
    });
  });

export class PortInUseError extends Error {
  constructor(readonly port: number, readonly service: string) {
    super(`Port ${port} (${service}) is already in use. Stop whatever uses it, or choose another port (see README: PAKT_*_PORT).`);
  }
}

/** Fails with a clear message, before anything starts, if the port is taken. */
export const assertPortFree = (port: number, service: string): Promise<void> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', () => reject(new PortInUseError(port, service)));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve()));
  });

const canConnect = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = new Socket();
    socket.setTimeout(500);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.connect(port, '127.0.0.1');
  });

export const waitForPort = async (port: number, service: string, timeoutMs = 30_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await canConnect(port)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${service} did not start listening on port ${port} within ${timeoutMs / 1000} s.`);
};
