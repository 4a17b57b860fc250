// 字号, 长者模式 and 打印 (ReadingTools.astro, MetaBlock.astro). Classic and in <head> on purpose: see Base.astro.
(function (d, h) {
  var s;
  function read() {
    try { s = JSON.parse(localStorage.getItem('reading')) || {}; } catch (e) { s = {}; }
  }
  function apply() {
    var size = /^[sl]$/.test(s.size) ? s.size : 'm';
    if (size == 'm') h.removeAttribute('data-size'); else h.setAttribute('data-size', size);
    if (s.elder) h.setAttribute('data-elder', ''); else h.removeAttribute('data-elder');
    var b = d.querySelectorAll('[data-set-size],[data-toggle-elder]');
    for (var i = 0; i < b.length; i++) {
      var v = b[i].getAttribute('data-set-size');
      b[i].setAttribute('aria-pressed', String(v ? v == size : !!s.elder));
    }
  }
  read();
  h.classList.add('js');
  apply();
  d.addEventListener('DOMContentLoaded', apply);
  // A page restored by Back may predate a setting changed on another page.
  addEventListener('pageshow', function () { read(); apply(); });
  d.addEventListener('click', function (e) {
    var b = e.target.closest && e.target.closest('[data-set-size],[data-toggle-elder],[data-print]');
    if (!b) return;
    if (b.hasAttribute('data-print')) return print();
    read();
    if (b.hasAttribute('data-set-size')) s.size = b.getAttribute('data-set-size');
    else s.elder = !s.elder;
    try { localStorage.setItem('reading', JSON.stringify(s)); } catch (e) {}
    apply();
  });
})(document, document.documentElement);
