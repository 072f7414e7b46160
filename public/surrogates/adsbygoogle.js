/*
 * Diffuse surrogate for Google AdSense (pagead2.googlesyndication.com/pagead/js/adsbygoogle.js), served in
 * place of the blocked script. It shows and sends nothing. Pages push ad requests into `adsbygoogle`
 * (https://support.google.com/adsense/answer/9274516); here every queued and later push is accepted, each
 * `<ins class="adsbygoogle">` is marked done as the real script marks it (data-adsbygoogle-status), and
 * `adsbygoogle.loaded` is true, which is what pages and consent tools test.
 */
(function () {
  'use strict';
  var queued = Array.isArray(window.adsbygoogle) ? window.adsbygoogle.slice() : [];
  function markSlots() {
    var slots = document.querySelectorAll('ins.adsbygoogle:not([data-adsbygoogle-status])');
    for (var i = 0; i < slots.length; i++) {
      slots[i].setAttribute('data-adsbygoogle-status', 'done');
      slots[i].setAttribute('data-ad-status', 'unfilled');
    }
  }
  var adsbygoogle = {
    loaded: true,
    push: function () { markSlots(); return 0; },
  };
  window.adsbygoogle = adsbygoogle;
  for (var i = 0; i < queued.length; i++) adsbygoogle.push(queued[i]);
})();
