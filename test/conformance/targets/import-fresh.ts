let loads = 0;

/**
 * A new instance of the module at `href`, with its own top-level state: each
 * configuration needs one, as each function instance or execution environment
 * on the platform has its own (the query makes the module cache miss).
 */
export async function importFresh<T>(href: string): Promise<T> {
  return (await import(/* @vite-ignore */ `${href}?instance=${++loads}`)) as T;
}
