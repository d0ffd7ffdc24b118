import { describe, expect, it } from 'vitest';
import { DrainSwitch, switchWord, type FlagStore } from './drain-switch.ts';
import { Lifecycle } from './lifecycle.ts';

/** A flag store whose reads stay pending until the test answers them, counting each read. */
function pendingStore(): FlagStore & { reads: number; answer(value: string | null): void } {
  const waiting: ((value: string | null) => void)[] = [];
  return {
    reads: 0,
    get() {
      this.reads += 1;
      return new Promise((resolve) => waiting.push(resolve));
    },
    answer(value) {
      for (const resolve of waiting.splice(0)) resolve(value);
    },
  };
}

const readyLifecycle = async (): Promise<Lifecycle> => {
  const lifecycle = new Lifecycle();
  await lifecycle.ensureStarted();
  return lifecycle;
};

describe('switchWord', () => {
  it.each([
    ['true', true], [' ON ', true], ['1', true], ['yes', true],
    ['false', false], ['Off', false], ['0', false], ['no', false],
    ['', undefined], ['drain', undefined],
  ] as const)('reads %j as %s', (text, expected) => {
    expect(switchWord(text)).toBe(expected);
  });
});

describe('DrainSwitch', () => {
  it('lets a request that arrives during another request\'s read answer with the last value instead of waiting on that read', async () => {
    let now = 0;
    const store = pendingStore();
    const drain = new DrainSwitch({ store, cacheMs: 1000, now: () => now });
    const lifecycle = await readyLifecycle();

    const first = drain.apply(lifecycle);
    store.answer('true');
    await first;
    expect(lifecycle.state).toBe('draining');

    now = 1000;
    const reading = drain.apply(lifecycle);
    // Settles although the read it would have shared is still pending.
    await drain.apply(lifecycle);
    expect(store.reads).toBe(2);
    expect(lifecycle.state).toBe('draining');

    store.answer('false');
    await reading;
    expect(lifecycle.state).not.toBe('draining');
  });

  it('has every request read for itself until a first read has answered, so none answers with a value never read', async () => {
    const store = pendingStore();
    const drain = new DrainSwitch({ store, now: () => 0 });
    const lifecycle = await readyLifecycle();
    const both = Promise.all([drain.apply(lifecycle), drain.apply(lifecycle)]);
    expect(store.reads).toBe(2);
    store.answer('on');
    await both;
    expect(lifecycle.state).toBe('draining');
  });

  it('keeps the last value when a read fails, and waits a whole period before reading again', async () => {
    let now = 0;
    let fail = false;
    let reads = 0;
    const store: FlagStore = {
      get: async () => {
        reads += 1;
        if (fail) throw new Error('KV unavailable');
        return 'true';
      },
    };
    const drain = new DrainSwitch({ store, cacheMs: 1000, now: () => now });
    const lifecycle = await readyLifecycle();
    await drain.apply(lifecycle);
    fail = true;
    now = 1000;
    await drain.apply(lifecycle);
    expect(lifecycle.state).toBe('draining');
    now = 1999;
    await drain.apply(lifecycle);
    expect(reads).toBe(2);
  });
});
