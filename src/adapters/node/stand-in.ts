/**
 * Makes instances of `lazy` stand in for instances of `real` (a fetch `Request`
 * or `Response`): `instanceof real` holds, and every member `lazy` does not
 * define itself is read from the real object `toReal` builds on first use.
 * Why: the objects adapters and the core pass each other cost less than their
 * undici counterparts, yet any other code that gets one sees the full API.
 */
export function standIn<T extends object>(lazy: { prototype: T }, real: { prototype: object }, toReal: (self: T) => object): void {
  for (const key of Reflect.ownKeys(real.prototype)) {
    if (key === 'constructor' || key in lazy.prototype) continue;
    const descriptor = Object.getOwnPropertyDescriptor(real.prototype, key);
    if (!descriptor) continue;
    Object.defineProperty(lazy.prototype, key, {
      configurable: true,
      enumerable: false,
      ...(typeof descriptor.value === 'function'
        ? {
            value(this: T, ...args: unknown[]) {
              const target = toReal(this);
              return (Reflect.get(target, key) as (...a: unknown[]) => unknown).apply(target, args);
            },
          }
        : {
            get(this: T) {
              return Reflect.get(toReal(this), key);
            },
          }),
    });
  }
  Object.setPrototypeOf(lazy.prototype, real.prototype);
}
