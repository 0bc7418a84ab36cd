// The streams a command writes to; tests pass buffers.
export interface Writer {
  write(chunk: string): unknown;
}

export interface Io {
  out: Writer;
  err: Writer;
}
