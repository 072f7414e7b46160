/*
 * Diffuse surrogate for Google Tag Manager (gtm.js) and the Google tag (gtag/js), served in place of the
 * blocked script. It sends nothing and runs no tag. What pages wait for still happens: the data layer
 * (`dataLayer`, or the name in the script's `l=` parameter) is read and every later push is answered,
 * so `eventCallback` (GTM, https://developers.google.com/tag-platform/tag-manager/datalayer) and
 * `event_callback` (gtag('event', …), https://developers.google.com/tag-platform/gtagjs/reference) are called,
 * and gtag('get', …, callback) gets an answer. `google_tag_manager` has the container's dataLayer helper.
 */
(function () {
  'use strict';
  var script = document.currentScript;
  var query = {};
  try {
    new URL(script && script.src ? script.src : '', location.href).searchParams.forEach(function (v, k) { query[k] = v; });
  } catch (e) { /* no src: defaults below */ }
  var layerName = query.l || 'dataLayer';
  var layer = window[layerName] = Array.isArray(window[layerName]) ? window[layerName] : [];
  var model = {};

  function callLater(fn, arg) {
    if (typeof fn === 'function') setTimeout(function () { try { fn(arg); } catch (e) { /* the page's own error */ } }, 0);
  }
  function answer(entry) {
    if (!entry || typeof entry !== 'object') return;
    // gtag() pushes its `arguments` object: ('event', name, params), ('get', target, field, callback), ('config', id, params)…
    if (typeof entry.length === 'number' && typeof entry[0] === 'string') {
      var params = entry[2] && typeof entry[2] === 'object' ? entry[2] : {};
      if (entry[0] === 'event') callLater(params.event_callback);
      else if (entry[0] === 'get') callLater(entry[3], undefined);
      else if (entry[0] === 'config' && typeof entry[1] === 'string') model[entry[1]] = params;
      return;
    }
    // A GTM push: an object, maybe with eventCallback (called with the container id, as GTM does).
    for (var key in entry) if (key !== 'eventCallback' && key !== 'eventTimeout') model[key] = entry[key];
    callLater(entry.eventCallback, query.id || '');
  }

  for (var i = 0; i < layer.length; i++) answer(layer[i]);
  var push = layer.push;
  layer.push = function () {
    for (var j = 0; j < arguments.length; j++) answer(arguments[j]);
    return push.apply(layer, arguments);
  };

  var helper = {
    get: function (key) { return model[key]; },
    set: function (key, value) { model[key] = value; },
    reset: function () { model = {}; },
  };
  var manager = window.google_tag_manager = window.google_tag_manager || {};
  if (query.id) manager[query.id] = manager[query.id] || { dataLayer: helper, callback: function () {}, onHtmlSuccess: function () {}, onHtmlFailure: function () {} };
  manager.dataLayer = manager.dataLayer || { gtmDom: true, gtmLoad: true, subscribers: 1 };
  window.google_tag_data = window.google_tag_data || {};
})();
