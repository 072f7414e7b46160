import { describe, expect, it } from 'vitest';
import { hostManifest, hostManifestPath, launcherPath, launcherScript, parseInstallArgs } from './host-manifest';
import { DIFFUSE_CHROME_EXTENSION_ID } from './extension-id';

describe('hostManifest', () => {
  it('allows Diffuse\'s gecko id on Firefox', () => {
    expect(hostManifest('firefox', '/home/u/.local/share/diffuse/diffuse-companion')).toEqual({
      name: 'diffuse_companion',
      description: expect.any(String),
      path: '/home/u/.local/share/diffuse/diffuse-companion',
      type: 'stdio',
      allowed_extensions: ['diffuse@diffuse.invalid'],
    });
  });
  it('allows Diffuse\'s Chrome origin on Chrome and Chromium', () => {
    for (const browser of ['chrome', 'chromium'] as const) {
      const manifest = hostManifest(browser, '/x/launcher');
      expect(manifest.allowed_origins).toEqual([`chrome-extension://${DIFFUSE_CHROME_EXTENSION_ID}/`]);
      expect(manifest.allowed_extensions).toBeUndefined();
    }
  });
  it('refuses a relative launcher path', () => {
    expect(() => hostManifest('firefox', 'launcher')).toThrow(/absolute/);
  });
});

describe('paths', () => {
  it('puts each browser\'s manifest where it looks', () => {
    expect(hostManifestPath('firefox', '/home/u')).toBe('/home/u/.mozilla/native-messaging-hosts/diffuse_companion.json');
    expect(hostManifestPath('chromium', '/home/u/')).toBe('/home/u/.config/chromium/NativeMessagingHosts/diffuse_companion.json');
    expect(hostManifestPath('chrome', '/home/u')).toBe('/home/u/.config/google-chrome/NativeMessagingHosts/diffuse_companion.json');
    expect(launcherPath('/home/u')).toBe('/home/u/.local/share/diffuse/diffuse-companion');
  });
  it('writes a launcher that execs node on the companion, quoted', () => {
    const script = launcherScript('/usr/bin/node', "/src/it's/companion/dist/diffuse-companion.mjs");
    expect(script.startsWith('#!/bin/sh\n')).toBe(true);
    expect(script).toContain(`exec '/usr/bin/node' '/src/it'\\''s/companion/dist/diffuse-companion.mjs' "$@"`);
  });
});

describe('parseInstallArgs', () => {
  it('reads --browser and --home', () => {
    expect(parseInstallArgs(['--browser', 'firefox'], '/home/u')).toEqual({ ok: true, browser: 'firefox', home: '/home/u' });
    expect(parseInstallArgs(['--browser=chrome', '--home', '/tmp/h'], '/home/u')).toEqual({ ok: true, browser: 'chrome', home: '/tmp/h' });
  });
  it('refuses a missing or unknown browser, a relative home and unknown flags', () => {
    expect(parseInstallArgs([], '/home/u')).toMatchObject({ ok: false, problem: expect.stringMatching(/--browser/) });
    expect(parseInstallArgs(['--browser', 'safari'], '/home/u').ok).toBe(false);
    expect(parseInstallArgs(['--browser', 'firefox', '--home', 'rel'], '/home/u').ok).toBe(false);
    expect(parseInstallArgs(['--browser', 'firefox', '--verbose'], '/home/u')).toMatchObject({ ok: false, problem: expect.stringMatching(/--verbose/) });
  });
});
