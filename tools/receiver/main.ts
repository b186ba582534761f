/**
 * `npm run receiver -- [--port 8787] [--host 127.0.0.1] [--dir ./receiver-data] [--max-bytes 8388608]`
 * (or HAVEN_RECEIVER_PORT / HAVEN_RECEIVER_HOST / HAVEN_RECEIVER_DIR). Serves the intake API of openapi.yaml.
 */
import { parseArgs } from 'node:util';
import { startReceiver } from './server';

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    host: { type: 'string' },
    dir: { type: 'string' },
    'max-bytes': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});

if (values.help) {
  console.log('Usage: npm run receiver -- [--port 8787] [--host 127.0.0.1] [--dir ./receiver-data] [--max-bytes N]');
  process.exit(0);
}

const port = Number(values.port ?? process.env.HAVEN_RECEIVER_PORT ?? 8787);
const host = values.host ?? process.env.HAVEN_RECEIVER_HOST ?? '127.0.0.1';
const dir = values.dir ?? process.env.HAVEN_RECEIVER_DIR ?? 'receiver-data';
const maxBytes = values['max-bytes'] ? Number(values['max-bytes']) : undefined;
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`Invalid port: ${values.port ?? process.env.HAVEN_RECEIVER_PORT}`);
  process.exit(2);
}

const receiver = await startReceiver({ port, host, dir, maxBytes, log: (line) => console.log(`[receiver] ${line}`) });
console.log(`Haven reference receiver on ${receiver.url} (POST /reports, GET /reports), storing in ${dir}`);
const stop = () => void receiver.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
