/** Keeps the last `limit` characters of a process's output, for error messages. */
export interface OutputTail {
  append(chunk: Buffer | string): void;
  text(): string;
}

export function createOutputTail(limit = 4096): OutputTail {
  let tail = '';
  return {
    append(chunk) {
      tail = (tail + chunk.toString()).slice(-limit);
    },
    text: () => tail.trimEnd(),
  };
}
