#!/usr/bin/env node
/**
 * The `edge-health` command: `npx edge-health probe <url>`.
 * @module
 */
import { runProbe } from './run-probe.ts';

process.exitCode = await runProbe({ argv: process.argv.slice(2), env: process.env, stdout: process.stdout, stderr: process.stderr });
