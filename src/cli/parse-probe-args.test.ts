import { describe, expect, it } from 'vitest';
import { parseProbeArgs } from './parse-probe-args.ts';

const URL_ARG = 'http://127.0.0.1:8787/health/ready';

describe('parseProbeArgs', () => {
  it('reads a plain probe with the defaults', () => {
    expect(parseProbeArgs(['probe', URL_ARG], {})).toEqual({
      kind: 'probe',
      options: { url: new URL(URL_ARG), json: false, waitUntilReady: false, timeoutMs: 10_000, intervalMs: 2000, color: true },
    });
  });

  it('waits 60 s by default with --wait-until-ready, and reads --timeout, --interval, --json and --no-color', () => {
    const waiting = parseProbeArgs(['probe', URL_ARG, '--wait-until-ready'], {});
    expect(waiting).toMatchObject({ kind: 'probe', options: { waitUntilReady: true, timeoutMs: 60_000 } });
    const all = parseProbeArgs(['probe', '--json', '--timeout', '90s', '--interval=500ms', '--no-color', URL_ARG, '--wait-until-ready'], {});
    expect(all).toMatchObject({ kind: 'probe', options: { json: true, timeoutMs: 90_000, intervalMs: 500, color: false, waitUntilReady: true } });
  });

  it('takes the token from --token first, then from EDGE_HEALTH_TOKEN', () => {
    expect(parseProbeArgs(['probe', URL_ARG, '--token', 'from-flag'], { EDGE_HEALTH_TOKEN: 'from-env' })).toMatchObject({ options: { token: 'from-flag' } });
    expect(parseProbeArgs(['probe', URL_ARG], { EDGE_HEALTH_TOKEN: 'from-env' })).toMatchObject({ options: { token: 'from-env' } });
    expect(parseProbeArgs(['probe', URL_ARG], {})).not.toHaveProperty('options.token');
  });

  it('answers help for -h and --help', () => {
    expect(parseProbeArgs(['-h'], {})).toEqual({ kind: 'help' });
    expect(parseProbeArgs(['probe', '--help'], {})).toEqual({ kind: 'help' });
  });

  it.each<[string, string[], RegExp]>([
    ['no command', [], /Missing command/],
    ['an unknown command', ['check', URL_ARG], /Unknown command "check"/],
    ['no url', ['probe'], /Missing <url>/],
    ['two urls', ['probe', URL_ARG, URL_ARG], /Unexpected argument/],
    ['a relative url', ['probe', '/health/ready'], /absolute http/],
    ['a non-http url', ['probe', 'ftp://example.com/health'], /absolute http/],
    ['a url with user-info', ['probe', 'http://user:pa55@127.0.0.1/health'], /must not hold a user name or password/],
    ['an unknown option', ['probe', URL_ARG, '--wait'], /Unknown option '--wait'/],
    ['a timeout without a value', ['probe', URL_ARG, '--timeout'], /--timeout/],
    ['an unreadable timeout', ['probe', URL_ARG, '--timeout', 'soon'], /--timeout takes a positive duration.*"soon"/],
    ['a zero interval', ['probe', URL_ARG, '--interval', '0s'], /--interval takes a positive duration/],
  ])('is a usage error for %s', (_case, argv, message) => {
    const parsed = parseProbeArgs(argv, {});
    expect(parsed.kind).toBe('usage-error');
    expect(parsed.kind === 'usage-error' && parsed.message).toMatch(message);
  });

  it('never repeats the token in a usage error', () => {
    const parsed = parseProbeArgs(['probe', URL_ARG, '--token', 'secret-token-value', '--bogus'], {});
    expect(parsed.kind).toBe('usage-error');
    expect(JSON.stringify(parsed)).not.toContain('secret-token-value');
    const empty = parseProbeArgs(['probe', URL_ARG], { EDGE_HEALTH_TOKEN: 'abc\ndef' });
    expect(empty).toMatchObject({ kind: 'usage-error' });
    expect(JSON.stringify(empty)).not.toContain('abc');
  });
});
