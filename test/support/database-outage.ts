// A real database outage as a worker sees it: the worker reaches PostgreSQL through this
// forwarder, which can cut every connection and refuse new ones (as a stopped server does) and
// later let them in again on the same address. The server itself, and every other test's
// connections, carry on.
import net from 'node:net';

export interface DatabaseOutage {
  /** The database's URL through the forwarder. */
  url: string;
  /** Cuts every connection through the forwarder and refuses new ones. */
  begin(): Promise<void>;
  /** Accepts connections again. */
  end(): Promise<void>;
  close(): Promise<void>;
}

export async function databaseOutage(databaseUrl: string): Promise<DatabaseOutage> {
  const target = new URL(databaseUrl);
  const sockets = new Set<net.Socket>();
  let server: net.Server | undefined;

  const track = (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      const s = net.createServer((client) => {
        const upstream = net.connect(Number(target.port || 5432), target.hostname);
        track(client);
        track(upstream);
        client.on('close', () => upstream.destroy());
        upstream.on('close', () => client.destroy());
        client.pipe(upstream).pipe(client);
      });
      s.once('error', reject);
      s.listen(port, '127.0.0.1', () => {
        server = s;
        resolve((s.address() as net.AddressInfo).port);
      });
    });
  const stop = async () => {
    const s = server;
    server = undefined;
    if (!s) return;
    const closed = new Promise<void>((resolve) => s.close(() => resolve()));
    for (const socket of sockets) socket.destroy();
    await closed;
  };

  const port = await listen(0);
  const url = new URL(databaseUrl);
  url.hostname = '127.0.0.1';
  url.port = String(port);
  return {
    url: url.toString(),
    begin: stop,
    end: async () => {
      if (!server) await listen(port);
    },
    close: stop,
  };
}
