/** Node-only model source (reads artefacts from a directory). Not imported by the browser bundle. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ModelSource } from './types';

export function sourceFromDirectory(dir: string): ModelSource {
  return {
    async readJson(name) {
      let txt: string;
      try {
        txt = await readFile(join(dir, name), 'utf8');
      } catch (e) {
        throw new Error(`classifier: cannot read ${join(dir, name)}: ${(e as Error).message}`, { cause: e });
      }
      try {
        return JSON.parse(txt);
      } catch (e) {
        throw new Error(`classifier: ${join(dir, name)} is not valid JSON: ${(e as Error).message}`, { cause: e });
      }
    },
    async readBinary(name) {
      let buf: Buffer;
      try {
        buf = await readFile(join(dir, name));
      } catch (e) {
        throw new Error(`classifier: cannot read ${join(dir, name)}: ${(e as Error).message}`, { cause: e });
      }
      return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer;
    },
  };
}
