// A watch: the server's newline-delimited JSON events read from a chunked response, one
// {type, object} at a time, until the server ends the stream or the caller closes it.
import type { Readable } from 'node:stream';
import type { KubeObject, WatchEvent } from '../api/object.ts';
import type { WatchStream } from './types.ts';

export function watchStream(body: Readable, abort: () => void): WatchStream {
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    abort();
    body.destroy();
  };
  async function* events(): AsyncGenerator<WatchEvent<KubeObject>> {
    let buffer = '';
    body.setEncoding('utf8');
    try {
      for await (const chunk of body as AsyncIterable<string>) {
        buffer += chunk;
        let nl: number;
        while ((nl = buffer.indexOf('\n')) >= 0) {
          const line = buffer.slice(0, nl).trim();
          buffer = buffer.slice(nl + 1);
          if (line) yield parseEvent(line);
        }
      }
    } catch (err) {
      if (!closed) throw err;
      return;
    }
    const rest = buffer.trim();
    if (rest && !closed) yield parseEvent(rest);
  }
  const iterator = events();
  return {
    close,
    [Symbol.asyncIterator]() {
      return {
        next: () => iterator.next(),
        return: async () => {
          close();
          return iterator.return(undefined);
        },
      };
    },
  };
}

function parseEvent(line: string): WatchEvent<KubeObject> {
  let event: WatchEvent<KubeObject>;
  try {
    event = JSON.parse(line) as WatchEvent<KubeObject>;
  } catch (err) {
    throw new Error(`unable to decode an event from the watch stream: ${(err as Error).message}`);
  }
  if (!event || typeof event !== 'object' || typeof event.type !== 'string')
    throw new Error('unable to decode an event from the watch stream: no type in the event');
  return event;
}
