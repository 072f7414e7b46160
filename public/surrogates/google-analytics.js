/*
 * Diffuse surrogate for Google Analytics' analytics.js (Universal Analytics), served in place of the blocked
 * script so pages that call ga() keep working. It sends nothing. The shape follows the documented API
 * (https://developers.google.com/analytics/devguides/collection/analyticsjs/command-queue-reference,
 * .../tracker-object-reference): the command queue `ga.q` left by the snippet is drained, trackers answer
 * get/set/send, and every hitCallback is called so that links and forms waiting for a hit go on.
 */
(function () {
  'use strict';
  var name = window.GoogleAnalyticsObject || 'ga';
  var queued = window[name] && Array.isArray(window[name].q) ? window[name].q : [];
  var trackers = {};

  function callLater(fn) {
    if (typeof fn === 'function') setTimeout(function () { try { fn(); } catch (e) { /* the page's own error */ } }, 0);
  }
  function fieldsOf(args) {
    for (var i = args.length - 1; i > 0; i--) {
      if (args[i] && typeof args[i] === 'object') return args[i];
    }
    return {};
  }
  function Tracker(trackerName, fields) {
    var values = { name: trackerName, trackingId: fields.trackingId || '', clientId: '', cookieDomain: fields.cookieDomain || 'auto' };
    this.get = function (field) { return values[field]; };
    this.set = function (field, value) {
      if (field && typeof field === 'object') { for (var k in field) values[k] = field[k]; } else values[field] = value;
    };
    this.send = function () { callLater(fieldsOf(arguments).hitCallback); };
  }
  function create() {
    var fields = fieldsOf(arguments);
    if (typeof arguments[1] === 'string') fields.trackingId = fields.trackingId || arguments[1];
    var trackerName = fields.name || (typeof arguments[3] === 'string' ? arguments[3] : typeof arguments[2] === 'string' && arguments[2] !== 'auto' ? arguments[2] : 't0');
    trackers[trackerName] = trackers[trackerName] || new Tracker(trackerName, fields);
    return trackers[trackerName];
  }

  var ga = function (command) {
    if (typeof command === 'function') { callLater(function () { command(trackers.t0); }); return; }
    if (typeof command !== 'string') return;
    var dot = command.indexOf('.');
    var method = dot === -1 ? command : command.slice(dot + 1);
    var colon = method.indexOf(':');
    if (colon !== -1) method = method.slice(colon + 1);
    if (method === 'create') { create.apply(null, arguments); return; }
    if (method === 'send') { callLater(fieldsOf(arguments).hitCallback); return; }
    if (method === 'remove') { delete trackers[dot === -1 ? 't0' : command.slice(0, dot)]; }
    // require, provide, set and plugin methods: nothing to do without a collector.
  };
  ga.create = function () { return create.apply(null, [null].concat([].slice.call(arguments))); };
  ga.getByName = function (trackerName) { return trackers[trackerName] || null; };
  ga.getAll = function () { var all = []; for (var k in trackers) all.push(trackers[k]); return all; };
  ga.remove = function (trackerName) { delete trackers[trackerName]; };
  ga.loaded = true;
  ga.answer = 42;
  ga.l = window[name] && window[name].l ? window[name].l : Date.now();
  window[name] = ga;
  for (var i = 0; i < queued.length; i++) ga.apply(null, queued[i]);
})();
