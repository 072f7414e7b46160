/*
 * Diffuse surrogate for Google Publisher Tag (gpt.js), served in place of the blocked script. It shows and
 * sends nothing. `googletag.cmd` is drained and every later push runs at once, and the services, slots and
 * size-mapping builder have the methods of the reference
 * (https://developers.google.com/publisher-tag/reference), answering as an empty ad server would: slots
 * that render nothing (slotRenderEnded with isEmpty), no targeting, no responses.
 */
(function () {
  'use strict';
  var previous = window.googletag && typeof window.googletag === 'object' ? window.googletag : {};
  var queued = Array.isArray(previous.cmd) ? previous.cmd : [];
  var listeners = {};
  var slots = [];

  function chain(names, target) {
    names.forEach(function (n) { target[n] = function () { return target; }; });
    return target;
  }
  function emit(type, event) {
    (listeners[type] || []).forEach(function (fn) { setTimeout(function () { try { fn(event); } catch (e) { /* the page's own error */ } }, 0); });
  }
  function Slot(path, sizes, div) {
    var slot = this;
    var targeting = {};
    chain(['addService', 'clearCategoryExclusions', 'clearTargeting', 'defineSizeMapping', 'setCategoryExclusion',
      'setClickUrl', 'setCollapseEmptyDiv', 'setConfig', 'setForceSafeFrame', 'setSafeFrameConfig', 'updateTargetingFromMap'], slot);
    slot.setTargeting = function (key, value) { targeting[key] = [].concat(value); return slot; };
    slot.getTargeting = function (key) { return targeting[key] || []; };
    slot.getTargetingKeys = function () { return Object.keys(targeting); };
    slot.getAdUnitPath = function () { return path; };
    slot.getSlotElementId = function () { return div; };
    slot.getSizes = function () { return sizes || []; };
    slot.getResponseInformation = function () { return null; };
    slot.getCategoryExclusions = function () { return []; };
    slot.getHtml = function () { return ''; };
    slot.getConfig = function () { return {}; };
  }
  function renderEmpty(list) {
    list.forEach(function (slot) {
      emit('slotRenderEnded', { isEmpty: true, slot: slot, size: null, serviceName: 'publisher_ads' });
      emit('slotOnload', { slot: slot, serviceName: 'publisher_ads' });
    });
  }

  var pubads = chain(['clear', 'clearCategoryExclusions', 'clearTagForChildDirectedTreatment', 'clearTargeting',
    'collapseEmptyDivs', 'disableInitialLoad', 'enableAsyncRendering', 'enableLazyLoad', 'enableSingleRequest',
    'enableSyncRendering', 'enableVideoAds', 'setCategoryExclusion', 'setCentering', 'setForceSafeFrame',
    'setLocation', 'setPrivacySettings', 'setPublisherProvidedId', 'setRequestNonPersonalizedAds',
    'setSafeFrameConfig', 'setTagForChildDirectedTreatment', 'setTargeting', 'setVideoContent', 'updateCorrelator'], {});
  pubads.addEventListener = function (type, fn) { (listeners[type] = listeners[type] || []).push(fn); return pubads; };
  pubads.removeEventListener = function (type, fn) { listeners[type] = (listeners[type] || []).filter(function (f) { return f !== fn; }); return true; };
  pubads.getSlots = function () { return slots.slice(); };
  pubads.getTargeting = function () { return []; };
  pubads.getTargetingKeys = function () { return []; };
  pubads.isInitialLoadDisabled = function () { return false; };
  pubads.refresh = function (list) { renderEmpty(list || slots); };
  pubads.display = function () {};
  pubads.get = function () { return null; };
  pubads.set = function () { return pubads; };
  pubads.getName = function () { return 'publisher_ads'; };

  var sizeMapping = function () {
    var mapping = [];
    var builder = {
      addSize: function (viewport, sizes) { mapping.push([viewport, sizes]); return builder; },
      build: function () { return mapping; },
    };
    return builder;
  };
  var service = function (name) { return chain(['addEventListener', 'removeEventListener', 'setTargeting', 'set'], { getName: function () { return name; }, getSlots: function () { return []; } }); };
  var companionAds = service('companion_ads');
  var content = service('content');

  var googletag = window.googletag = previous;
  googletag.apiReady = true;
  googletag.pubadsReady = true;
  googletag.pubads = function () { return pubads; };
  googletag.companionAds = function () { return companionAds; };
  googletag.content = function () { return content; };
  googletag.sizeMapping = sizeMapping;
  googletag.defineSlot = function (path, sizes, div) { var slot = new Slot(path, sizes, div); slots.push(slot); return slot; };
  googletag.defineOutOfPageSlot = function (path, div) { var slot = new Slot(path, [], typeof div === 'string' ? div : ''); slots.push(slot); return slot; };
  googletag.destroySlots = function (list) {
    var gone = list || slots.slice();
    slots = slots.filter(function (s) { return gone.indexOf(s) === -1; });
    return true;
  };
  googletag.display = function (divOrSlot) {
    renderEmpty(slots.filter(function (s) { return s === divOrSlot || s.getSlotElementId() === divOrSlot || (divOrSlot && divOrSlot.id === s.getSlotElementId()); }));
  };
  googletag.enableServices = function () {};
  googletag.disablePublisherConsole = function () {};
  googletag.openConsole = function () {};
  googletag.setAdIframeTitle = function () {};
  googletag.setConfig = function () {};
  googletag.getConfig = function () { return {}; };
  googletag.getVersion = function () { return 'diffuse-surrogate'; };
  googletag.secureSignalProviders = { push: function () {}, clearAllCache: function () {} };
  googletag.enums = { OutOfPageFormat: { BOTTOM_ANCHOR: 3, INTERSTITIAL: 5, REWARDED: 4, TOP_ANCHOR: 2, LEFT_SIDE_RAIL: 6, RIGHT_SIDE_RAIL: 7 }, TrafficSource: { ORGANIC: 0, PURCHASED: 1 } };
  googletag.cmd = {
    push: function () {
      for (var i = 0; i < arguments.length; i++) { if (typeof arguments[i] === 'function') { try { arguments[i].call(window); } catch (e) { /* the page's own error */ } } }
      return 0;
    },
  };
  googletag.cmd.push.apply(googletag.cmd, queued);
})();
