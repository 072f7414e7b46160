/*
 * Diffuse surrogate for the Meta Pixel (connect.facebook.net/…/fbevents.js), served in place of the blocked
 * script. It sends nothing. The base code's `fbq` stub (https://developers.facebook.com/docs/meta-pixel/get-started)
 * queues calls until the library sets `fbq.callMethod`; here the queue is emptied and callMethod answers every
 * later call, so the page's `fbq('track', …)` calls return as they would, and `eventCallback`-style options
 * that some integrations pass are called.
 */
(function () {
  'use strict';
  var fbq = window.fbq;
  if (typeof fbq !== 'function') {
    fbq = function () { fbq.callMethod.apply(fbq, arguments); };
    fbq.push = fbq;
    fbq.queue = [];
    window.fbq = fbq;
    if (!window._fbq) window._fbq = fbq;
  }
  var pixels = [];
  fbq.callMethod = function (command, id) {
    if (command === 'init' && typeof id === 'string' && pixels.indexOf(id) === -1) pixels.push(id);
    for (var i = arguments.length - 1; i > 0; i--) {
      var options = arguments[i];
      if (options && typeof options === 'object' && typeof options.eventCallback === 'function') {
        setTimeout(options.eventCallback, 0);
        break;
      }
    }
  };
  fbq.loaded = true;
  fbq.version = fbq.version || '2.0';
  fbq.disablePushState = true;
  fbq.allowDuplicatePageViews = false;
  fbq.getState = function () { return { pixels: pixels.map(function (id) { return { id: id }; }), pluginConfig: {} }; };
  fbq.instance = { pixelsByID: {}, pluginConfig: { get: function () { return undefined; } } };
  var queued = Array.isArray(fbq.queue) ? fbq.queue.splice(0) : [];
  for (var j = 0; j < queued.length; j++) fbq.callMethod.apply(fbq, queued[j]);
})();
