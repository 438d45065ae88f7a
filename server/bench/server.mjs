// lede-server as `lede-server` starts it, from the build (dist/, what production runs: no
// TypeScript loader in the process to weigh on its memory), plus two routes only the bench has:
// a bare route that does nothing, the floor of what any request costs in this server (its hooks,
// CORS, origin check, logging), and the process's memory. Plain JavaScript: run by plain node.
import { buildApp } from '../dist/app.js';
import { parseConfig } from '../dist/config.js';
import { openDatabase } from '../dist/store/database.js';

const config = parseConfig(process.argv.slice(2), process.env);
const database = await openDatabase(config.database);
const app = await buildApp(config, database);
app.get('/bench/bare', (_request, reply) => reply.code(204).send());
app.get('/bench/memory', () => process.memoryUsage());
process.on('SIGTERM', async () => {
  await app.close();
  await database.close();
  process.exit(0);
});
await app.listen({ port: config.port, host: config.host });
