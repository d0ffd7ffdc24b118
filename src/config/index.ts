/**
 * Configuration of the deployable app from environment variables.
 * @module
 */
export { createAppFromEnv, type App, type AppFromEnvOptions, type ResultPeriods, type ResultSharing } from './app-from-env.ts';
export { EnvReader, type EnvSource } from './env-reader.ts';
export type { ResultKeeping } from './result-keeping-from-env.ts';
export { invalidConfigurationMessage, serverAppFromEnv, serverSettingsFromEnv, type ServerSettings } from './server-settings-from-env.ts';
