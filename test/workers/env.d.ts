declare module 'cloudflare:workers' {
  interface KvNamespace {
    get(key: string): Promise<string | null>;
    put(key: string, value: string): Promise<void>;
    delete(key: string): Promise<void>;
  }
  export const exports: { default: { fetch(request: Request): Promise<Response> } };
  export const env: { HEALTH_FLAGS: KvNamespace };
}
