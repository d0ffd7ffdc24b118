/**
 * The Hyperdrive check, on its own subpath so that its Postgres driver (`pg`,
 * an optional peer dependency) is bundled only by Workers that import it.
 * @module
 */
export { hyperdriveCheck, type HyperdriveCheckOptions } from '../hyperdrive-check.ts';
