import { describe, expect, it } from 'vitest';
import { HealthTracker } from './health';

const R = 'https://r1.test/dns-query';

function tracker() {
  const clock = { t: 0 };
  const health = new HealthTracker({ now: () => clock.t, failureThreshold: 3, baseBackoffMs: 10_000, maxBackoffMs: 40_000 });
  return { clock, health };
}

describe('circuit breaker (fake clock)', () => {
  it('stays closed after 2 failures and opens on the 3rd consecutive one', () => {
    const { health } = tracker();
    health.recordFailure(R, 'timeout', 'r1.test: no answer');
    health.recordFailure(R, 'http-status', 'r1.test: HTTP 503');
    expect(health.isAvailable(R)).toBe(true);
    health.recordFailure(R, 'network', 'r1.test: reset');
    expect(health.state(R)).toBe('open');
    expect(health.isAvailable(R)).toBe(false);
    expect(health.snapshot(R)).toMatchObject({ failures: 3, consecutiveFailures: 3, lastReason: 'network', retryAt: 10_000 });
  });

  it('a success in between resets the count of consecutive failures', () => {
    const { health } = tracker();
    health.recordFailure(R, 'timeout', 'x');
    health.recordFailure(R, 'timeout', 'x');
    health.recordSuccess(R, 30);
    health.recordFailure(R, 'timeout', 'x');
    expect(health.state(R)).toBe('closed');
  });

  it('after the back-off lets exactly one probe through (half-open), and closes when it succeeds', () => {
    const { clock, health } = tracker();
    for (let i = 0; i < 3; i++) health.recordFailure(R, 'timeout', 'x');
    clock.t = 9_999;
    expect(health.isAvailable(R)).toBe(false);
    clock.t = 10_000;
    expect(health.state(R)).toBe('half-open');
    expect(health.isAvailable(R)).toBe(true);
    health.beginAttempt(R);
    expect(health.isAvailable(R)).toBe(false); // the probe is under way: nobody else goes there
    health.recordSuccess(R, 25);
    expect(health.state(R)).toBe('closed');
    expect(health.isAvailable(R)).toBe(true);
  });

  it('a failed probe re-opens the circuit with the back-off doubled, capped at maxBackoffMs', () => {
    const { clock, health } = tracker();
    for (let i = 0; i < 3; i++) health.recordFailure(R, 'timeout', 'x');
    const retryTimes: (number | null)[] = [];
    for (let round = 0; round < 4; round++) {
      clock.t = health.snapshot(R).retryAt ?? 0;
      health.beginAttempt(R);
      health.recordFailure(R, 'timeout', 'x');
      retryTimes.push((health.snapshot(R).retryAt ?? 0) - clock.t);
    }
    expect(retryTimes).toEqual([20_000, 40_000, 40_000, 40_000]);
  });

  it('SERVFAIL (the name’s fault) counts as a failure but never opens the circuit', () => {
    const { health } = tracker();
    for (let i = 0; i < 10; i++) health.recordFailure(R, 'server-failure', 'SERVFAIL');
    expect(health.state(R)).toBe('closed');
    expect(health.snapshot(R).failures).toBe(10);
  });

  it('lets a new probe through if the previous one never reported back (lease of twice the timeout)', () => {
    const { clock, health } = tracker();
    for (let i = 0; i < 3; i++) health.recordFailure(R, 'timeout', 'x');
    clock.t = 10_000;
    health.beginAttempt(R);
    clock.t = 10_000 + 3_001;
    expect(health.isAvailable(R)).toBe(true);
  });
});

describe('latency and adaptive timeout', () => {
  it('starts at the 1500 ms ceiling before any sample', () => {
    expect(tracker().health.timeoutFor(R)).toBe(1500);
  });

  it('keeps an exponentially weighted latency average (α = 1/8)', () => {
    const { health } = tracker();
    health.recordSuccess(R, 100);
    health.recordSuccess(R, 180);
    expect(health.snapshot(R).latencyMs).toBe(110);
  });

  it('shrinks the timeout for a fast steady resolver but never below the 400 ms floor', () => {
    const { health } = tracker();
    for (let i = 0; i < 50; i++) health.recordSuccess(R, 20);
    expect(health.timeoutFor(R)).toBe(400);
    // The last resolver a lookup can ask has nothing to fail over to: it gets the longest wait.
    expect(health.timeoutFor(R, true)).toBe(1500);
  });

  it('follows a slower resolver (SRTT + 4·RTTVAR) and never exceeds 1500 ms', () => {
    const { health } = tracker();
    for (let i = 0; i < 50; i++) health.recordSuccess(R, i % 2 ? 200 : 300);
    const timeout = health.timeoutFor(R);
    expect(timeout).toBeGreaterThan(400);
    expect(timeout).toBeLessThan(1500);
    for (let i = 0; i < 50; i++) health.recordSuccess(R, 5000);
    expect(health.timeoutFor(R)).toBe(1500);
  });

  it('refuses to configure a ceiling above Firefox’s 1.5 s', () => {
    const health = new HealthTracker({ now: () => 0, maxTimeoutMs: 10_000 });
    expect(health.timeoutFor(R)).toBe(1500);
  });
});
