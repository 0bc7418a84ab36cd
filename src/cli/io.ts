// The streams a command writes to and reads from; tests pass buffers.
export interface Writer {
  write(chunk: string): unknown;
}

export interface Io {
  out: Writer;
  err: Writer;
  /** Standard input, for `-f -`. */
  in?: NodeJS.ReadableStream;
  /** Whether out is a terminal (colour, pagers, interactive prompts). */
  isTTY?: boolean;
}
