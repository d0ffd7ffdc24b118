import type { PGlite } from '@electric-sql/pglite';

const READY_FOR_QUERY = 0x5a; // 'Z'
const IDLE = 0x49; // 'I'
const SYNC = new Uint8Array([0x53, 0, 0, 0, 4]); // 'S', length 4

/**
 * What pglite-socket's handler calls for every protocol message it reads (the
 * shape of its QueryQueueManager). Why ours: pglite-socket's queue serialises
 * single MESSAGES, so concurrent clients interleave Parse/Bind/Execute on
 * PGlite's one session ("portal "" does not exist"). This one hands the
 * session to one connection until a response ends in ReadyForQuery "idle":
 * a whole extended-protocol cycle, COPY or transaction at a time.
 */
export interface PgliteMessageQueue {
  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number>;
  clearQueueForHandler(handlerId: number): void;
  clearTransactionIfNeeded(handlerId: number): Promise<void>;
}

interface Waiter {
  readonly handlerId: number;
  readonly resolve: () => void;
  readonly reject: (error: Error) => void;
}

export function createPgliteCycleQueue(db: PGlite): PgliteMessageQueue {
  let holder: number | undefined;
  const waiters: Waiter[] = [];

  const acquire = (handlerId: number): Promise<void> => {
    if (holder === undefined || holder === handlerId) {
      holder = handlerId;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => waiters.push({ handlerId, resolve, reject }));
  };

  const release = (): void => {
    const next = waiters.shift();
    holder = next?.handlerId;
    next?.resolve();
  };

  return {
    async enqueue(handlerId, message, onData) {
      await acquire(handlerId);
      let size = 0;
      let tail: Uint8Array = new Uint8Array(0);
      try {
        await db.runExclusive(() =>
          db.execProtocolRawStream(message, {
            onRawData: (data) => {
              size += data.length;
              tail = lastBytes(tail, data, 6);
              onData(data);
            },
          }),
        );
      } catch (error) {
        await endCycle();
        release();
        throw error;
      }
      if (tail.length === 6 && tail[0] === READY_FOR_QUERY && tail[5] === IDLE) release();
      return size;
    },

    clearQueueForHandler(handlerId) {
      for (let i = waiters.length - 1; i >= 0; i--) {
        const waiter = waiters[i];
        if (waiter?.handlerId === handlerId) {
          waiters.splice(i, 1);
          waiter.reject(new Error('Handler disconnected'));
        }
      }
    },

    async clearTransactionIfNeeded(handlerId) {
      if (holder !== handlerId) return;
      await endCycle();
      release();
    },
  };

  /** Closes whatever the departing holder left open: an extended cycle without Sync, a transaction. */
  async function endCycle(): Promise<void> {
    try {
      await db.runExclusive(() => db.execProtocolRawStream(SYNC, { onRawData: () => {} }));
      if (db.isInTransaction()) await db.exec('ROLLBACK');
    } catch {
      // The session is as clean as we can make it.
    }
  }
}

function lastBytes(previous: Uint8Array, data: Uint8Array, count: number): Uint8Array {
  if (data.length >= count) return data.slice(data.length - count);
  const joined = new Uint8Array(previous.length + data.length);
  joined.set(previous);
  joined.set(data, previous.length);
  return joined.slice(Math.max(0, joined.length - count));
}
