import pg from 'pg';

const RECONNECT_MS = 1000;

/**
 * LISTENs on `channel` on a connection outside the pool (it is held for good, and must not
 * keep the pool from ending), made with the pool's settings. A dropped connection (a restart,
 * a failover) is replaced every second until it works; notifications sent meanwhile are lost,
 * which live views survive (they catch up on the next one). `channel` is an identifier of ours.
 */
export async function listen(pool: pg.Pool, channel: string, onMessage: (payload: string) => void): Promise<() => Promise<void>> {
  let closed = false;
  let client: pg.Client | null = null;
  let retry: NodeJS.Timeout | undefined;
  const connect = async () => {
    const next = new pg.Client(pool.options);
    let dropped = false;
    const drop = () => {
      if (dropped) return;
      dropped = true;
      if (client === next) client = null;
      next.end().catch(() => {});
      if (!closed) retry = setTimeout(() => void connect(), RECONNECT_MS);
    };
    next.on('error', drop);
    next.on('end', drop);
    next.on('notification', (message) => {
      if (message.channel === channel) onMessage(message.payload ?? '');
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${channel}`);
    } catch {
      drop();
      return;
    }
    if (closed) await next.end();
    else client = next;
  };
  // A first failure is retried like a dropped connection: the server starts all the same.
  await connect().catch(() => {});
  return async () => {
    closed = true;
    clearTimeout(retry);
    await client?.end();
  };
}
