import { describe, expect, it } from 'vitest';
import { DELIVERY_SLACK_MS, startGap, type FrameTimeline } from './start-gap';

const R = 1_000_000; // when the listener was registered
const top = (documentStart: number, resources: [string, number][]): FrameTimeline => ({
  frameId: 0,
  documentUrl: 'https://www.shop.com/p',
  documentStart,
  resources: resources.map(([url, start]) => ({ url, start })),
});

describe('startGap', () => {
  it('recovers the document and the requests made before the listener, less those webRequest delivered', () => {
    const frames = [top(R - 300, [['https://www.shop.com/app.js', R - 250], ['https://cdn.img.com/a.png', R - 200], ['https://cdn.img.com/a.png', R - 190], ['https://api.shop.com/late', R + 400]])];
    // One of the two images reached the listener (its timestamp a little after registration); the late fetch too.
    const gap = startGap(7, frames, [{ url: 'https://cdn.img.com/a.png', timeStamp: R + 30 }, { url: 'https://api.shop.com/late', timeStamp: R + 420 }], R);
    expect(gap?.documentUrl).toBe('https://www.shop.com/p');
    expect(gap?.missed.map((r) => `${r.type} ${r.url}`)).toEqual(['main_frame https://www.shop.com/p', 'other https://www.shop.com/app.js', 'other https://cdn.img.com/a.png']);
  });

  it('a document that began after the listener was seen whole: nothing to recover', () => {
    expect(startGap(7, [top(R + 500, [['https://cdn.img.com/a.png', R + 600]])], [], R)).toBeUndefined();
    expect(startGap(7, [], [], R)).toBeUndefined();
  });

  it('a request delivered long after the registration is another request of the same URL, not one the page made before', () => {
    const gap = startGap(7, [top(R - 300, [['https://cdn.img.com/a.png', R - 200]])], [{ url: 'https://cdn.img.com/a.png', timeStamp: R + DELIVERY_SLACK_MS + 1 }], R);
    expect(gap?.missed.map((r) => r.url)).toEqual(['https://www.shop.com/p', 'https://cdn.img.com/a.png']);
  });

  it('a frame listed in its parent’s resources is counted once', () => {
    const frame: FrameTimeline = { frameId: 4, documentUrl: 'https://ads.net/frame', documentStart: R - 100, resources: [] };
    const gap = startGap(7, [top(R - 300, [['https://ads.net/frame', R - 110]]), frame], [], R);
    expect(gap?.missed.map((r) => r.url)).toEqual(['https://www.shop.com/p', 'https://ads.net/frame']);
  });

  it('frames: an iframe that loaded before the listener counts as a sub_frame request with its own resources', () => {
    const frame: FrameTimeline = { frameId: 4, documentUrl: 'https://ads.net/frame', documentStart: R - 100, resources: [{ url: 'https://ads.net/px', start: R - 50 }] };
    const gap = startGap(7, [frame, top(R - 300, [])], [], R);
    expect(gap?.missed.map((r) => `${r.frameId} ${r.type} ${r.url}`)).toEqual(['0 main_frame https://www.shop.com/p', '4 sub_frame https://ads.net/frame', '4 other https://ads.net/px']);
  });
});
